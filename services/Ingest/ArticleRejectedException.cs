namespace Newsroom.Ingest;

/// <summary>An item that cannot be ingested; <see cref="Reason"/> says what is wrong and what to do about it.</summary>
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException()
        : this("the article was rejected")
    {
    }

    public ArticleRejectedException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    public ArticleRejectedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
