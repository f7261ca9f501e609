using System.Globalization;
using System.Text;

namespace Newsroom.Extraction.Tests;

/// <summary>
/// Reads ner/gmb-partial.csv (Sentence #,Word,POS,Tag in IOB) into sentences of text. Words are joined by
/// spaces except before closing punctuation, so gold spans map onto character ranges.
/// </summary>
internal static class GmbCorpus
{
    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal) { ",", ".", ";", ":", "?", "!", ")", "'s", "'" };

    public static IReadOnlyList<GmbSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The GMB sample is missing at {path}; restore ../shared/corpus/ner/gmb-partial.csv.", path);
        }

        var sentences = new List<GmbSentence>();
        var words = new List<(string Word, string Tag)>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.Latin1).Skip(1))
        {
            var fields = SplitCsv(line);
            if (fields[0].Length > 0)
            {
                if (words.Count > 0)
                {
                    sentences.Add(Build(number, words));
                }

                number = int.Parse(fields[0].AsSpan(fields[0].IndexOf(':', StringComparison.Ordinal) + 1).Trim(), CultureInfo.InvariantCulture);
                words.Clear();
            }

            words.Add((fields[1], fields[3]));
        }

        if (words.Count > 0)
        {
            sentences.Add(Build(number, words));
        }

        return sentences;
    }

    private static GmbSentence Build(int number, List<(string Word, string Tag)> words)
    {
        var text = new StringBuilder();
        var gold = new List<GmbSpan>();
        string? openClass = null;
        var openStart = 0;
        var openEnd = 0;
        foreach (var (word, tag) in words)
        {
            if (text.Length > 0 && !NoSpaceBefore.Contains(word))
            {
                text.Append(' ');
            }

            var start = text.Length;
            text.Append(word);
            var continues = tag.StartsWith("I-", StringComparison.Ordinal) && openClass == tag[2..];
            if (!continues && openClass is not null)
            {
                gold.Add(new GmbSpan(openClass, openStart, openEnd));
                openClass = null;
            }

            if (tag != "O" && !continues)
            {
                openClass = tag[2..];
                openStart = start;
            }

            openEnd = text.Length;
        }

        if (openClass is not null)
        {
            gold.Add(new GmbSpan(openClass, openStart, openEnd));
        }

        return new GmbSentence(number, text.ToString(), gold);
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
