namespace IscsiConnector.Testing.Internal;

/// <summary>iscsiadm's command line, parsed the way its getopt_long loop does (options in any order).</summary>
internal sealed class IscsiAdmArguments
{
    private static readonly Dictionary<string, char> LongOptions = new(StringComparer.Ordinal)
    {
        ["--mode"] = 'm', ["--targetname"] = 'T', ["--portal"] = 'p', ["--interface"] = 'I', ["--op"] = 'o',
        ["--name"] = 'n', ["--value"] = 'v', ["--type"] = 't', ["--sid"] = 'r', ["--print"] = 'P',
        ["--login"] = 'l', ["--logout"] = 'u', ["--rescan"] = 'R', ["--discover"] = 'D', ["--show"] = 'S',
        ["--debug"] = 'd', ["--loginall"] = 'L', ["--logoutall"] = 'U',
    };

    private const string TakesValue = "mTpIonvtrPdLU";

    public string? Mode { get; private set; }

    public string? Target { get; private set; }

    public string? Portal { get; private set; }

    public string? Iface { get; private set; }

    public List<string> Ops { get; } = [];

    public List<KeyValuePair<string, string>> Updates { get; } = [];

    public string? Type { get; private set; }

    public string? Sid { get; private set; }

    public int PrintLevel { get; private set; } = -1;

    public bool Login { get; private set; }

    public bool Logout { get; private set; }

    public bool Rescan { get; private set; }

    public bool Discover { get; private set; }

    public bool Show { get; private set; }

    public string? Error { get; private set; }

    public bool HasOp(string op) => Ops.Contains(op, StringComparer.Ordinal);

    public static IscsiAdmArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new IscsiAdmArguments();
        string? pendingName = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            char option;
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg : arg[..eq];
                inlineValue = eq < 0 ? null : arg[(eq + 1)..];
                if (!LongOptions.TryGetValue(name, out option))
                {
                    parsed.Error = $"iscsiadm: unrecognized option '{arg}'";
                    return parsed;
                }
            }
            else if (arg.Length >= 2 && arg[0] == '-')
            {
                option = arg[1];
                inlineValue = arg.Length > 2 ? arg[2..] : null;
            }
            else
            {
                // getopt permutes non-options to the end; iscsiadm ignores them.
                continue;
            }

            string? value = null;
            if (TakesValue.Contains(option, StringComparison.Ordinal))
            {
                value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    parsed.Error = $"iscsiadm: option requires an argument -- '{option}'";
                    return parsed;
                }
            }

            switch (option)
            {
                case 'm': parsed.Mode = value; break;
                case 'T': parsed.Target = value; break;
                case 'p': parsed.Portal = value; break;
                case 'I': parsed.Iface = value; break;
                case 'o': parsed.Ops.Add(value!); break;
                case 'n': pendingName = value; break;
                case 'v':
                    if (pendingName is not null)
                    {
                        // iscsiadm pairs each -n with the next -v, so several pairs can go in one call.
                        parsed.Updates.Add(new(pendingName, value!));
                        pendingName = null;
                    }

                    break;
                case 't': parsed.Type = value; break;
                case 'r': parsed.Sid = value; break;
                case 'P': parsed.PrintLevel = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var level) ? level : 0; break;
                case 'l': parsed.Login = true; break;
                case 'u': parsed.Logout = true; break;
                case 'R': parsed.Rescan = true; break;
                case 'D': parsed.Discover = true; break;
                case 'S': parsed.Show = true; break;
                case 'd': break;
                default:
                    parsed.Error = $"iscsiadm: invalid option -- '{option}'";
                    return parsed;
            }
        }

        return parsed;
    }
}
