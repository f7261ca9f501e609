using Newsroom.Cli.Eval;
using Newsroom.Cli.Training;
using Newsroom.Extraction;
using Newsroom.Extraction.Tagging;
using Xunit;
using Xunit.Abstractions;

namespace Newsroom.Cli.Tests;

/// <summary>
/// How often the transliteration folding merges names that are not spelling variants: every distinct
/// GMB entity name is keyed, and names whose plain folded words differ but whose keys agree are collisions.
/// Names are compared as the identity they name, so that known aliases ("CIA", "Central Intelligence Agency") and a
/// company's legal form, which are meant to merge, are not counted.
/// </summary>
public sealed class CanonicalKeyCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Folding_merges_few_distinct_GMB_names()
    {
        var gmb = CorpusFactAttribute.Require(Path.Combine("ner", "gmb-partial.csv"));
        var names = GmbCorpusReader.Read(gmb, TaggerModelFiles.ShippedGazetteer)
            .SelectMany(s => EntitySpans.Of(s.Sentence.Tags).Where(span => span.Type != "MISC").Select(span => string.Join(' ', s.Sentence.Tokens.Skip(span.Start).Take(span.End - span.Start))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var collisions = names
            .GroupBy(CanonicalKey.Of, StringComparer.Ordinal)
            .Select(g => g.Select(Spelling).Distinct(StringComparer.Ordinal).ToList())
            .Where(spellings => spellings.Count > 1)
            .ToList();
        var merged = collisions.Sum(c => c.Count);
        output.WriteLine($"{names.Count} distinct names, {collisions.Count} keys shared by different names ({merged} names)");
        foreach (var collision in collisions)
        {
            output.WriteLine(string.Join(" | ", collision));
        }

        Assert.True(merged <= names.Count / 50, $"{merged} of {names.Count} GMB names share a key with a different name");
    }

    /// <summary>The name's plain folded words, or those of the identity it is a known alias of, without a legal form.</summary>
    private static string Spelling(string name)
    {
        var written = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = CanonicalKey.Words(string.Join(' ', written.Take(NameVariants.WithoutLegalForm(written))));
        return string.Join(' ', NameVariants.KnownName(words) is { } known ? CanonicalKey.Words(known.Name) : words);
    }
}
