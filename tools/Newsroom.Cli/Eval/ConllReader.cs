namespace Newsroom.Cli.Eval;

/// <summary>
/// Reads CoNLL-2003-style columns: the token first, the gold IOB tag last, a blank line between
/// sentences and `-DOCSTART-` between documents. Columns are split on spaces or tabs. A line with one
/// column is refused with its number, because guessing would score against the wrong column.
/// </summary>
internal static class ConllReader
{
    public const string DocumentStart = "-DOCSTART-";

    public static List<ConllDocument> Read(string path, string tokenPrefix = "")
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"the CoNLL file '{path}' does not exist", "pass --conll with a file of token ... tag columns");
        }

        var documents = new List<ConllDocument>();
        var current = new ConllDocument([], []);
        List<string>? tokens = null;
        List<string>? tags = null;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var columns = Columns(line);
            if (columns.Length == 0)
            {
                tokens = null;
                continue;
            }

            if (columns[0] == DocumentStart)
            {
                if (current.Tokens.Count > 0)
                {
                    documents.Add(current);
                }

                current = new ConllDocument([], []);
                tokens = null;
                continue;
            }

            if (columns.Length < 2)
            {
                throw new CommandFailedException($"line {number} of '{path}' has one column: '{line}'", "each line needs the token first and the gold tag last, separated by a space or a tab");
            }

            if (tokens is null || tags is null)
            {
                tokens = [];
                tags = [];
                current.Tokens.Add(tokens);
                current.Tags.Add(tags);
            }

            var token = columns[0];
            tokens.Add(tokenPrefix.Length > 0 && token.StartsWith(tokenPrefix, StringComparison.Ordinal) ? token[tokenPrefix.Length..] : token);
            tags.Add(columns[^1]);
        }

        if (current.Tokens.Count > 0)
        {
            documents.Add(current);
        }

        return documents;
    }

    public static string[] Columns(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
