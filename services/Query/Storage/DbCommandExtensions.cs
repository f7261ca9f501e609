using System.Data.Common;
using Newsroom.ServiceDefaults;

namespace Newsroom.Query;

internal static class DbCommandExtensions
{
    /// <summary>
    /// "(@p0_0, @p0_1), (@p1_0, @p1_1)": a tuple of parameters per row of values, added to the command, for a
    /// multi-row VALUES list (parameters named after <paramref name="prefix"/>).
    /// </summary>
    public static string Rows(this DbCommand command, string prefix, IEnumerable<object?[]> rows) =>
        string.Join(", ", rows.Select((row, r) => "(" + string.Join(", ", row.Select((value, c) =>
        {
            var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@{prefix}{r}_{c}");
            command.With(name, value);
            return name;
        })) + ")"));

    /// <summary>The first column of the first row as a number: a count.</summary>
    public static long ExecuteInt64(this DbCommand command) =>
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
