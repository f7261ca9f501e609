using System.Text.Json;
using RabbitMQ.Client;

namespace Newsroom.Testing.Broker;

/// <summary>Declares the exchanges, queues and bindings of a RabbitMQ definitions file in one virtual host.</summary>
public static class BrokerTopology
{
    /// <summary>
    /// Declares the file's topology; with <paramref name="quorumQueues"/> every queue is a quorum
    /// queue, as deploy/rabbitmq/topology.sh declares them for a cluster.
    /// </summary>
    public static async Task DeclareAsync(Uri vhostUri, string definitionsPath, bool quorumQueues = false)
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
            var arguments = Arguments(queue);
            if (quorumQueues)
            {
                arguments["x-queue-type"] = QueueReplicas.Quorum;
            }
            await channel.QueueDeclareAsync(
                queue.GetProperty("name").GetString()!,
                queue.GetProperty("durable").GetBoolean(),
                exclusive: false,
                queue.GetProperty("auto_delete").GetBoolean(),
                arguments);
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

    /// <summary>Publishes raw bytes to an exchange, as a broken or foreign publisher would.</summary>
    public static async Task PublishRawAsync(Uri vhostUri, string exchange, byte[] body, string contentType)
    {
        var factory = new ConnectionFactory { Uri = vhostUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, body);
    }

    /// <summary>Waits until a queue holds <paramref name="count"/> messages; false when it never does within the limit.</summary>
    public static async Task<bool> WaitForMessagesAsync(Uri vhostUri, string queue, uint count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await MessageCountAsync(vhostUri, queue) == count)
                {
                    return true;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The queue does not exist yet: MassTransit declares an error queue on the first fault.
            }
            await Task.Delay(250);
        }
        return false;
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
