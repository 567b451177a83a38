using System.Management.Automation.Language;
using System.Reflection;
using System.Text.Json;
using IscsiConnector.Testing;
using IscsiConnector.Testing.Windows;
using IscsiConnector.Tests.Support;
using IscsiConnector.Windows.Internal;

namespace IscsiConnector.Tests.Windows;

/// <summary>
/// The cmdlet objects in the scripts, the reply models and the simulated Windows initiator use the property names
/// Microsoft documents for each class (Fixtures/windows/*.synthetic.json cite the page of each).
/// </summary>
public sealed class CmdletShapeTests
{
    private static readonly Dictionary<string, Type?> Models = new()
    {
        ["MSFT_iSCSISession"] = typeof(MsftIscsiSession),
        ["MSFT_iSCSIConnection"] = typeof(MsftIscsiConnection),
        ["MSFT_iSCSITargetPortal"] = typeof(MsftIscsiTargetPortal),
        ["MSFT_iSCSITarget"] = null,
        ["MSFT_InitiatorPort"] = typeof(MsftInitiatorPort),
        ["MSFT_Disk"] = typeof(MsftDisk),
        ["MSIscsiInitiator_DeviceOnSession"] = typeof(IscsiDeviceOnSession),
        ["MSIscsiInitiator_SessionClass"] = null,
    };

    private static readonly string[] FixtureNames =
    [
        "msft-iscsisession", "msft-iscsiconnection", "msft-iscsitargetportal", "msft-iscsitarget",
        "msft-initiatorport", "msft-disk", "msiscsiinitiator-deviceonsession", "msiscsiinitiator-sessionclass",
    ];

    public static TheoryData<string> Fixtures => [.. FixtureNames];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_ExampleAndModel_UseOnlyDocumentedProperties(string name)
    {
        var fixture = Load(name);

        fixture.Source.Should().StartWith("https://learn.microsoft.com/");
        fixture.Example.Should().BeSubsetOf(fixture.Documented);
        if (Models[fixture.Class] is { } model)
        {
            var properties = ModelProperties(model);
            properties.Should().BeSubsetOf(fixture.Documented, because: $"{model.Name} must speak {fixture.Class}'s documented names");
            fixture.Example.Should().BeSubsetOf(properties);
        }
    }

    [Fact]
    public void Scripts_EverySelectedPropertyList_BelongsToOneDocumentedClass()
    {
        var classes = FixtureNames.Select(Load).ToArray();

        foreach (var (script, list) in SelectLists())
        {
            classes.Should().Contain(c => list.All(p => c.Documented.Contains(p)), because: $"{script}.ps1 selects {string.Join(", ", list)}");
        }
    }

    [Fact]
    public async Task SimulatedInitiator_EveryReplyObject_HasExactlyThePropertiesTheScriptsSelect()
    {
        var host = new SimulatedWindowsInitiator(new SimulatedTimeProvider()).AddTarget("iqn.2010-10.org.openstack:volume-shape").AddPortal("127.0.0.1:3260");
        var scripts = new WindowsScripts(host, WindowsScriptSettings.Default);
        var attempt = await scripts.ConnectAsync(WindowsScriptsTests.Request(new IscsiPath(new IscsiPortal("127.0.0.1"), "iqn.2010-10.org.openstack:volume-shape", 1)), default);
        await scripts.ReadHostAsync(default);
        var connect = Reply(host, 0);
        var inventory = Reply(host, 1);

        Expect(connect.GetProperty("Session"), "MSFT_iSCSISession");
        Expect(connect.GetProperty("Connections")[0], "MSFT_iSCSIConnection");
        Expect(connect.GetProperty("Device"), "MSIscsiInitiator_DeviceOnSession");
        Expect(connect.GetProperty("Disk"), "MSFT_Disk");
        Expect(inventory.GetProperty("InitiatorPorts")[0], "MSFT_InitiatorPort");
        Expect(inventory.GetProperty("TargetPortals")[0], "MSFT_iSCSITargetPortal");
        var session = inventory.GetProperty("Sessions")[0];
        Expect(session.GetProperty("Session"), "MSFT_iSCSISession");
        Expect(session.GetProperty("Connections")[0], "MSFT_iSCSIConnection");
        Expect(session.GetProperty("Devices")[0], "MSIscsiInitiator_DeviceOnSession");
        Expect(session.GetProperty("Disks")[0], "MSFT_Disk");
        attempt.Succeeded.Should().BeTrue();
    }

    private static void Expect(JsonElement element, string cimClass)
    {
        var documented = FixtureNames.Select(Load).Single(f => f.Class == cimClass).Documented;
        var selected = SelectLists().Select(s => s.List).Where(l => l.All(documented.Contains)).Distinct(new ListComparer()).ToArray();
        selected.Should().ContainSingle(because: $"the scripts select one property list for {cimClass}");
        element.EnumerateObject().Select(p => p.Name).Should().Equal(selected[0], because: $"the simulated {cimClass} must look like the script's Select-Object output");
    }

    private static JsonElement Reply(SimulatedWindowsInitiator host, int index)
    {
        var command = host.Invocations[index].Command;
        var result = host.ExecuteAsync(command).GetAwaiter().GetResult();
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    private static IEnumerable<(string Script, string[] List)> SelectLists()
    {
        foreach (var script in WindowsScript.All)
        {
            var ast = Parser.ParseInput(script.Text, out _, out _);
            foreach (var command in ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "Select-Object", searchNestedScriptBlocks: true).Cast<CommandAst>())
            {
                var elements = command.CommandElements.Skip(1).ToList();
                var names = new List<string>();
                for (var i = 0; i < elements.Count; i++)
                {
                    switch (elements[i])
                    {
                        case CommandParameterAst:
                            i++; // -First 1
                            break;
                        case ArrayLiteralAst array:
                            names.AddRange(array.Elements.Cast<StringConstantExpressionAst>().Select(e => e.Value));
                            break;
                        case StringConstantExpressionAst single:
                            names.Add(single.Value);
                            break;
                    }
                }

                if (names.Count > 0)
                {
                    yield return (script.Name, [.. names]);
                }
            }
        }
    }

    private static string[] ModelProperties(Type model) =>
        [.. model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null).Select(p => p.Name)];

    private static CimFixture Load(string name)
    {
        using var document = JsonDocument.Parse(FixtureFiles.Read($"windows/{name}.synthetic.json"));
        var root = document.RootElement;
        return new CimFixture(
            root.GetProperty("class").GetString()!,
            root.GetProperty("source").GetString()!,
            [.. root.GetProperty("documentedProperties").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("example").EnumerateObject().Select(p => p.Name)]);
    }

    private sealed record CimFixture(string Class, string Source, string[] Documented, string[] Example);

    private sealed class ListComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
