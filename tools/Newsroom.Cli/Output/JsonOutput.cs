using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;

namespace Newsroom.Cli.Output;

/// <summary>Protobuf messages as the JSON of the proto3 mapping, one document per line, as --json promises.</summary>
internal static class JsonOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatEnumsAsIntegers(false));

    /// <summary>For plain objects (eval reports): names and text as they are, not \u-escaped.</summary>
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CliEnvironment environment, IMessage message) =>
        environment.Out.Profile.Out.Writer.WriteLine(Formatter.Format(message));
}
