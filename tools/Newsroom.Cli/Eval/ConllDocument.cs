namespace Newsroom.Cli.Eval;

/// <summary>A document of a CoNLL file: its sentences' tokens (first column) and gold tags (last column).</summary>
internal sealed record ConllDocument(List<List<string>> Tokens, List<List<string>> Tags);
