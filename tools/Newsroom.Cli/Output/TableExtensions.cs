using Spectre.Console;

namespace Newsroom.Cli.Output;

internal static class TableExtensions
{
    /// <summary>Adds a row of plain text: article text holds [ and ], which Spectre would read as markup.</summary>
    public static Table AddTextRow(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(cell => new Text(cell ?? "")).ToArray());

    public static Grid AddTextRow(this Grid grid, params string?[] cells) =>
        grid.AddRow(cells.Select(cell => new Text(cell ?? "")).ToArray());

    public static Table WithColumns(this Table table, params string[] headers)
    {
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }
}
