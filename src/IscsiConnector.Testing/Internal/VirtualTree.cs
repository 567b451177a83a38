namespace IscsiConnector.Testing.Internal;

/// <summary>
/// An immutable-per-call picture of sysfs, /dev and /etc as absolute canonical paths, with symbolic links
/// stored as absolute targets and resolved like <c>readlink -f</c>.
/// </summary>
internal sealed class VirtualTree
{
    private const int MaxLinkDepth = 40;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal) { ["/"] = new Entry(EntryKind.Directory) };
    private readonly Dictionary<string, SortedSet<string>> _children = new(StringComparer.Ordinal) { ["/"] = new SortedSet<string>(StringComparer.Ordinal) };

    private enum EntryKind
    {
        Directory,
        File,
        Link,
    }

    public void Directory(string path)
    {
        if (_entries.ContainsKey(path))
        {
            return;
        }

        Add(path, new Entry(EntryKind.Directory));
        _children[path] = new SortedSet<string>(StringComparer.Ordinal);
    }

    public void File(string path, string content, Action<string>? writer = null) => Add(path, new Entry(EntryKind.File) { Content = content, Writer = writer });

    public void Link(string path, string target) => Add(path, new Entry(EntryKind.Link) { Target = target });

    /// <summary>Resolves every link; <see langword="null"/> when some component does not exist.</summary>
    public string? Resolve(string path) => Resolve(path, 0);

    public string? Read(string path)
    {
        if (Resolve(path) is not { } real)
        {
            return null;
        }

        var entry = _entries[real];
        return entry.Kind == EntryKind.File ? entry.Content : throw new IOException($"{path}: Is a directory");
    }

    public IReadOnlyList<string> List(string path) =>
        Resolve(path) is { } real && _children.TryGetValue(real, out var names) ? [.. names] : [];

    public void Write(string path, string contents)
    {
        var real = Resolve(path) ?? throw new IOException($"{path}: No such file or directory");
        var entry = _entries[real];
        if (entry.Kind != EntryKind.File || entry.Writer is null)
        {
            throw new IOException($"{path}: Permission denied (not a writable attribute in the simulated host)");
        }

        entry.Writer(contents);
    }

    private string? Resolve(string path, int depth)
    {
        if (depth > MaxLinkDepth || !path.StartsWith('/'))
        {
            return null;
        }

        var current = "/";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Parent(current);
                continue;
            }

            var candidate = current == "/" ? "/" + part : current + "/" + part;
            if (!_entries.TryGetValue(candidate, out var entry))
            {
                return null;
            }

            if (entry.Kind == EntryKind.Link)
            {
                var target = Resolve(entry.Target!, depth + 1);
                if (target is null)
                {
                    return null;
                }

                current = target;
            }
            else
            {
                current = candidate;
            }
        }

        return current;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    private void Add(string path, Entry entry)
    {
        var parent = Parent(path);
        Directory(parent);
        _entries[path] = entry;
        _children[parent].Add(path[(path.LastIndexOf('/') + 1)..]);
    }

    private sealed class Entry(EntryKind kind)
    {
        public EntryKind Kind { get; } = kind;

        public string? Content { get; init; }

        public Action<string>? Writer { get; init; }

        public string? Target { get; init; }
    }
}
