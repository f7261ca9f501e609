namespace Newsroom.Dedup;

/// <summary>
/// Turns article text into the normalised tokens both layers compare: lower-case runs of letters and
/// digits. Shingles use every token; the title-and-lead terms drop stop words and plural endings so
/// that rewrites by other outlets meet on content words.
/// </summary>
internal static class ArticleText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me",
        "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "s", "t", "mr", "mrs", "ms", "one", "two", "new", "first", "last", "year",
        "years", "according", "told", "since", "may", "like", "get", "got", "many", "much", "even", "still",
    };

    /// <summary>The first <paramref name="maxTokens"/> tokens; the rest of the text is not read.</summary>
    public static List<string> Tokens(string text, int maxTokens)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length && tokens.Count < maxTokens; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>Hashes of the word n-grams of the text, each n-gram once.</summary>
    public static HashSet<ulong> ShingleHashes(IReadOnlyList<string> tokens, int size)
    {
        var hashes = new HashSet<ulong>();
        if (tokens.Count < size)
        {
            // A text shorter than one shingle is its own single shingle.
            if (tokens.Count > 0)
            {
                hashes.Add(StableHash.Of(string.Join(' ', tokens)));
            }
            return hashes;
        }
        var tokenHashes = tokens.Select(StableHash.Of).ToArray();
        for (var i = 0; i + size <= tokenHashes.Length; i++)
        {
            var gram = 0UL;
            for (var j = 0; j < size; j++)
            {
                gram = StableHash.Mix(gram ^ tokenHashes[i + j]);
            }
            hashes.Add(gram);
        }
        return hashes;
    }

    /// <summary>Term counts of the content words among the tokens.</summary>
    public static Dictionary<string, int> TermCounts(IEnumerable<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token.Length < 2 || StopWords.Contains(token) || token.All(char.IsDigit))
            {
                continue;
            }
            var term = Stem(token);
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    /// <summary>Folds plural endings only: cheap, and it never merges unrelated words.</summary>
    private static string Stem(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return token[..^3] + "y";
        }
        if (token.Length > 3 && token[^1] == 's' && token[^2] != 's' && token[^2] != 'u' && token[^2] != 'i')
        {
            return token[..^1];
        }
        return token;
    }
}
