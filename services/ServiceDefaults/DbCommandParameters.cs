using System.Data.Common;

namespace Newsroom.ServiceDefaults;

public static class DbCommandParameters
{
    /// <summary>
    /// Sets a parameter, adding it when the command lacks it; null becomes SQL NULL. A command kept for reuse
    /// (<see cref="PreparedCommands"/>) keeps its parameter objects, since Npgsql binds a prepared statement to them.
    /// </summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var index = command.Parameters.IndexOf(name);
        if (index >= 0)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
            return command;
        }
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
