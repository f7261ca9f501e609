using System.Globalization;
using System.Text;
using Newsroom.Cli.Training;
using Xunit;

namespace Newsroom.Cli.Tests;

/// <summary>wink-embeddings' JSON is read as a stream: files far larger than the read buffer, with the parts in any order.</summary>
public sealed class WordVectorsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("word-vectors-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Word k has rank (k * 7) mod count and the vector (k + 1, 0, 0, 0): after reading, rank r's word is known and its vector unit length.</summary>
    private string Write(int count, bool dimensionsLast, string? extra = null)
    {
        var vectors = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            vectors.Append(CultureInfo.InvariantCulture, $"{(k == 0 ? "" : ",")}\"word{k}\":[{k + 1},0,0,0,{k + 1},{k * 7 % count}]");
        }

        var words = string.Join(',', Enumerable.Range(0, count).Select(k => $"\"word{k}\""));
        var json = dimensionsLast
            ? $"{{\"words\":[{words}],\"vectors\":{{{vectors}{extra}}},\"dimensions\":4}}"
            : $"{{\"dimensions\":4,\"words\":[{words}],\"vectors\":{{{vectors}{extra}}}}}";
        var path = Path.Combine(_folder.FullName, "vectors.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_many_buffers_long_gives_the_most_frequent_words_in_rank_order(bool dimensionsLast)
    {
        var path = Write(20_001, dimensionsLast);
        Assert.True(new FileInfo(path).Length > 4 << 16, "the file must span several read buffers");

        var vectors = WordVectors.Read(path, limit: 15_000);

        Assert.Equal(15_000, vectors.Count);
        Assert.Equal(4, vectors.Dimensions);
        // Rank r belongs to the word k with 7k = r (mod 20,001), so k = r * 7^-1; 7 * 8,572 = 60,004 = 3 * 20,001 + 1.
        Assert.Equal(Enumerable.Range(0, 15_000).Select(r => $"word{(long)r * 8_572 % 20_001}"), vectors.Words);
        Assert.Equal([1f, 0f, 0f, 0f], vectors.Values.AsSpan(0, 4).ToArray());
    }

    [Theory]
    [InlineData(",\"odd\":[1,2,3,1,5]", "the vector of 'odd' has 3 numbers")]
    [InlineData(",\"odd\":[1,2,3,4,5,0.5]", "not numbers followed by a norm and a rank")]
    [InlineData(",\"odd\":[1,2,3,4,5,6", "is not valid JSON")]
    public void A_damaged_file_is_refused_naming_what_is_wrong(string extra, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Read(Write(3, dimensionsLast: false, extra), limit: 10));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
