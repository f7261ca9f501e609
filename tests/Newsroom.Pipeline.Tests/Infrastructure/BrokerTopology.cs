using System.Text.Json;
using RabbitMQ.Client;

namespace Newsroom.Pipeline.Tests.Infrastructure;

/// <summary>Declares the exchanges, queues and bindings of a RabbitMQ definitions file in one virtual host.</summary>
public static class BrokerTopology
{
    public static async Task DeclareAsync(Uri vhostUri, string definitionsPath)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(definitionsPath));
        var root = document.RootElement;
        var factory = new ConnectionFactory { Uri = vhostUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        foreach (var exchange in root.GetProperty("exchanges").EnumerateArray())
        {
            await channel.ExchangeDeclareAsync(
                exchange.GetProperty("name").GetString()!,
                exchange.GetProperty("type").GetString()!,
                exchange.GetProperty("durable").GetBoolean(),
                exchange.GetProperty("auto_delete").GetBoolean(),
                Arguments(exchange));
        }
        foreach (var queue in root.GetProperty("queues").EnumerateArray())
        {
            await channel.QueueDeclareAsync(
                queue.GetProperty("name").GetString()!,
                queue.GetProperty("durable").GetBoolean(),
                exclusive: false,
                queue.GetProperty("auto_delete").GetBoolean(),
                Arguments(queue));
        }
        foreach (var binding in root.GetProperty("bindings").EnumerateArray())
        {
            var source = binding.GetProperty("source").GetString()!;
            var destination = binding.GetProperty("destination").GetString()!;
            var routingKey = binding.GetProperty("routing_key").GetString()!;
            if (binding.GetProperty("destination_type").GetString() == "queue")
            {
                await channel.QueueBindAsync(destination, source, routingKey);
            }
            else
            {
                await channel.ExchangeBindAsync(destination, source, routingKey);
            }
        }
    }

    /// <summary>How many messages wait in a queue right now.</summary>
    public static async Task<uint> MessageCountAsync(Uri vhostUri, string queue)
    {
        var factory = new ConnectionFactory { Uri = vhostUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ok = await channel.QueueDeclarePassiveAsync(queue);
        return ok.MessageCount;
    }

    private static Dictionary<string, object?> Arguments(JsonElement item) =>
        item.GetProperty("arguments").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (object?)(p.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => p.Value.GetInt64(),
                _ => p.Value.GetString(),
            }));
}
