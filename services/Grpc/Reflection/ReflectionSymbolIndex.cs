using Google.Protobuf.Reflection;

namespace Newsroom.Grpc;

/// <summary>
/// Every proto file the mapped services come from, with their transitive dependencies,
/// indexed by file name and by fully-qualified symbol (service, method, message, enum).
/// </summary>
internal sealed class ReflectionSymbolIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);

    public ReflectionSymbolIndex(IEnumerable<ServiceDescriptor> services)
    {
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(symbol);

    public bool ContainsMessage(string fullName) =>
        _symbols.TryGetValue(fullName, out var file) && file.MessageTypes.Count > 0 && FindMessage(file.MessageTypes, fullName);

    /// <summary>The file first, then each of its transitive dependencies once.</summary>
    public static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>([file]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next.Name))
            {
                yield return next;
                foreach (var dependency in next.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }
    }

    private static bool FindMessage(IEnumerable<MessageDescriptor> messages, string fullName) =>
        messages.Any(m => m.FullName == fullName || FindMessage(m.NestedTypes, fullName));

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _symbols[method.FullName] = file;
            }
        }

        AddMessages(file, file.MessageTypes);
        AddEnums(file, file.EnumTypes);
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessages(FileDescriptor file, IEnumerable<MessageDescriptor> messages)
    {
        foreach (var message in messages)
        {
            _symbols[message.FullName] = file;
            AddMessages(file, message.NestedTypes);
            AddEnums(file, message.EnumTypes);
        }
    }

    private void AddEnums(FileDescriptor file, IEnumerable<EnumDescriptor> enums)
    {
        foreach (var enumType in enums)
        {
            _symbols[enumType.FullName] = file;
        }
    }
}
