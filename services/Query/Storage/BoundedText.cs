using System.Text;

namespace Newsroom.Query;

/// <summary>Lines of text up to a length: a line that does not fit is cut and the rest are dropped.</summary>
internal sealed class BoundedText(int maxLength)
{
    private readonly StringBuilder _text = new();

    public BoundedText AppendLine(string? line)
    {
        var room = maxLength - _text.Length - Environment.NewLine.Length;
        if (room >= 0)
        {
            _text.AppendLine(IndexLimits.Truncate(line, room));
        }

        return this;
    }

    public BoundedText Append(string word)
    {
        if (_text.Length + word.Length <= maxLength)
        {
            _text.Append(word);
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
