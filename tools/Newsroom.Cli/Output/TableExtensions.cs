using Spectre.Console;

namespace Newsroom.Cli.Output;

internal static class TableExtensions
{
    /// <summary>Adds a row of plain text: article text holds [ and ], which Spectre would read as markup.</summary>
    public static Table AddTextRow(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(cell => new Text(cell ?? "")).ToArray());

    public static Grid AddTextRow(this Grid grid, params string?[] cells) =>
        grid.AddRow(cells.Select(cell => new Text(cell ?? "")).ToArray());

    public static Table WithColumns(this Table table, params TableColumn[] columns)
    {
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    public static TableColumn Column(string header) => new(new Text(header, new Style(decoration: Decoration.Bold)));

    /// <summary>A column of ids, which never wrap: an id split across lines cannot be copied into the next command.</summary>
    public static TableColumn IdColumn(string header) => Column(header).NoWrap();
}
