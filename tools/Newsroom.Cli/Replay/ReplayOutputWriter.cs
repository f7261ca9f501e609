using System.Text.Encodings.Web;
using System.Text.Json;
using Newsroom.Cli.Output;
using Newsroom.Contracts.Events;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli.Replay;

/// <summary>
/// Writes replay results as JSON Lines, one object per input in input order:
/// {"id","story","join":{...},"title","published","text","entities":[...],"lead_event":{...},"moved":[{"id","story"}]}, or {"id","error"}.
/// Entity offsets index into "text", so evaluations can check spans without re-cleaning. "moved" lists the earlier
/// articles whose story this one merged into its own, with their story now; a reader that wants the final stories applies them in order.
/// </summary>
internal sealed class ReplayOutputWriter(Stream output) : IDisposable
{
    // Article text is full of quotes and non-ASCII letters; readable output beats \u escapes.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public void Write(ReplayOutcome outcome)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", outcome.Id);
            if (outcome is { Placement: { } placement, Extracted: { } extracted })
            {
                json.WriteString("story", placement.StoryId);
                json.WritePropertyName("join");
                ReplayJoin.Of(placement).Write(json);
                WriteArticle(json, extracted);
                json.WriteStartArray("moved");
                foreach (var moved in outcome.Moved)
                {
                    json.WriteStartObject();
                    json.WriteString("id", moved.Article.Article.ArticleId);
                    json.WriteString("story", moved.StoryId);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteString("error", outcome.Error);
            }

            json.WriteEndObject();
        }

        output.Write(NewLine);
    }

    public void Dispose() => output.Dispose();

    private static void WriteArticle(Utf8JsonWriter json, ArticleExtracted extracted)
    {
        var article = extracted.Article;
        json.WriteString("title", article.Title);
        if (article.Published is { } published)
        {
            json.WriteString("published", published);
        }
        else
        {
            json.WriteNull("published");
        }

        json.WriteString("text", article.Text);
        json.WriteStartArray("entities");
        foreach (var entity in extracted.Entities)
        {
            json.WriteStartObject();
            json.WriteString("text", entity.Text);
            json.WriteString("type", TextFormat.EntityType(entity.Type));
            json.WriteNumber("start", entity.Start);
            json.WriteNumber("end", entity.End);
            json.WriteString("canonical", entity.CanonicalName);
            json.WriteString("canonical_id", entity.CanonicalId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (extracted.LeadEvent is { } lead)
        {
            json.WriteStartObject("lead_event");
            json.WriteString("actor", lead.ActorText);
            json.WriteString("action", EventActions.NameOf(lead.Action));
            json.WriteString("action_text", lead.ActionText);
            json.WriteString("target", lead.TargetText);
            if (lead.Date is { } date)
            {
                json.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("date");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lead_event");
        }
    }
}
