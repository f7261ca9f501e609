using Xunit;

namespace Newsroom.Grpc.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain ascii stays", "plain ascii stays")]
    [InlineData("100%", "100%25")]
    [InlineData("ünï ✓", "%C3%BCn%C3%AF %E2%9C%93")]
    [InlineData("line\nbreak\t", "line%0Abreak%09")]
    [InlineData("", "")]
    public void Encodes_utf8_bytes_outside_printable_ascii_and_percent(string text, string encoded)
    {
        Assert.Equal(encoded, PercentEncoding.Encode(text));
        Assert.Equal(text, PercentEncoding.Decode(encoded));
    }

    [Theory]
    [InlineData("50%")]
    [InlineData("%zz broken")]
    [InlineData("%4")]
    public void Keeps_broken_escapes_as_they_are(string value)
    {
        Assert.Equal(value, PercentEncoding.Decode(value));
    }

    [Fact]
    public void Decodes_lower_case_hex()
    {
        Assert.Equal("ü", PercentEncoding.Decode("%c3%bc"));
    }
}
