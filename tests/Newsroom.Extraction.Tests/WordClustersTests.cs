using System.IO.Compression;
using System.Text;
using Newsroom.Extraction.Tagging;

namespace Newsroom.Extraction.Tests;

/// <summary>The word class file `newsroom train word-clusters` writes: read back as written, and refused with what to do when it is not one.</summary>
public sealed class WordClustersTests
{
    [Fact]
    public void A_written_file_reads_back_with_every_word_and_grain()
    {
        var clusters = new WordClusters(new Dictionary<string, string[]> { ["baghdad"] = ["4", "17"], ["mosul"] = ["4", "17"], ["smith"] = ["1", "9"] }, grains: 2);
        using var file = new MemoryStream();
        clusters.Write(file);
        file.Position = 0;

        var read = WordClusters.Read(file);

        Assert.Equal(2, read.Grains);
        Assert.Equal(3, read.WordCount);
        Assert.Equal(["4", "17"], read.ClassesOf("mosul")!);
        Assert.Null(read.ClassesOf("Mosul"));
        Assert.Same(read.ClassesOf("baghdad")![1], read.ClassesOf("mosul")![1]);
    }

    [Theory]
    [InlineData("baghdad\t4\t17\nmosul\t4\n", "line 2")]
    [InlineData("baghdad\t4\tx\n", "not a number")]
    [InlineData("baghdad\n", "line 1")]
    public void A_damaged_file_is_refused_with_the_line_and_what_to_do(string content, string expected)
    {
        using var file = new MemoryStream();
        using (var gzip = new GZipStream(file, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        file.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => WordClusters.Read(file));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("newsroom train word-clusters", error.Message, StringComparison.Ordinal);
    }
}
