using System.CommandLine;
using Newsroom.Cli.Output;
using Newsroom.Contracts.V1;

namespace Newsroom.Cli;

/// <summary>The story filter options shared by search and watch; each command gets its own instances.</summary>
internal sealed class StoryFilterOptions
{
    private readonly Option<string?> _entity = new("--entity") { Description = "Only stories about this entity (id, name or alias)" };
    private readonly Option<string?> _action = new("--action") { Description = "Only stories whose lead event is of this class" };
    private readonly Option<string?> _source = new("--source") { Description = "Only stories with an article from this outlet" };
    private readonly Option<DateTimeOffset?> _after = DateOptions.Create("--after", "Only articles published at or after this time");
    private readonly Option<DateTimeOffset?> _before = DateOptions.Create("--before", "Only articles published before this time");

    public StoryFilterOptions() => _action.AcceptOnlyFromAmong(EventActions.Names);

    public void AddTo(Command command)
    {
        command.Options.Add(_entity);
        command.Options.Add(_action);
        command.Options.Add(_source);
        command.Options.Add(_after);
        command.Options.Add(_before);
    }

    public StoryFilter Read(ParseResult result)
    {
        var filter = new StoryFilter
        {
            Entity = result.GetValue(_entity) ?? "",
            Source = result.GetValue(_source) ?? "",
            PublishedAfter = DateOptions.ToTimestamp(result.GetValue(_after)),
            PublishedBefore = DateOptions.ToTimestamp(result.GetValue(_before)),
        };
        if (result.GetValue(_action) is { } action)
        {
            filter.Action = EventActions.Parse(action);
        }

        return filter;
    }
}
