using Xunit;

namespace Newsroom.Grpc.Tests.Protocol;

public sealed class MetadataHeadersTests
{
    [Theory]
    [InlineData("AAH+/w")]
    [InlineData("AAH+/w==")]
    public void Binary_values_are_accepted_padded_or_not(string value)
    {
        var metadata = new Metadata();

        MetadataHeaders.AddReceived(metadata, "x-data-bin", value);

        Assert.Equal(new byte[] { 0, 1, 0xfe, 0xff }, metadata.GetValueBytes("x-data-bin"));
    }

    [Fact]
    public void Binary_values_joined_with_commas_are_split()
    {
        var metadata = new Metadata();

        MetadataHeaders.AddReceived(metadata, "x-data-bin", "AQ, Ag==");

        Assert.Equal([[1], [2]], metadata.Select(e => e.ValueBytes));
    }

    [Fact]
    public void Binary_values_are_sent_unpadded()
    {
        Assert.Equal("AAH+/w", MetadataHeaders.Encode(new Metadata().Add("x-data-bin", [0, 1, 0xfe, 0xff])[0]));
    }

    [Theory]
    [InlineData(":path")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("grpc-timeout")]
    [InlineData("grpc-encoding")]
    [InlineData("user-agent")]
    public void Protocol_headers_are_not_application_metadata(string name)
    {
        var metadata = new Metadata();

        MetadataHeaders.AddReceived(metadata, name, "value");

        Assert.Empty(metadata);
    }

    [Fact]
    public void Keys_are_lower_cased_and_lookups_ignore_case()
    {
        var metadata = new Metadata().Add("X-Trace", "abc");

        Assert.Equal("x-trace", metadata[0].Key);
        Assert.Equal("abc", metadata.GetValue("X-TRACE"));
    }

    [Theory]
    [InlineData("bad key", "v")]
    [InlineData("x-ok", "new\nline")]
    [InlineData("x-ok", "ü")]
    public void Invalid_keys_and_values_are_refused_with_a_reason(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new Metadata().Add(key, value));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_key_needs_bytes_and_bytes_need_a_binary_key()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-data", [1]));
    }
}
