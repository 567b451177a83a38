// Benchmarks that print figures as ratios against a peer measured in the same run (see docs/benchmarks.md).
// Usage: dotnet run -c Release --project tests/IscsiConnector.Benchmarks -- [--quick] [--verbose] [suite...]
// Exit codes: 0 every target met, 1 a target missed or a suite's sanity check failed, 2 bad arguments.
using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using IscsiConnector.Benchmarks.Reporting;
using IscsiConnector.Benchmarks.Suites;
using IscsiConnector.Benchmarks.Support;

var suites = new Dictionary<string, Func<bool, bool, Task<SuiteReport>>>(StringComparer.OrdinalIgnoreCase)
{
    [DeadPortalSuite.Name] = (quick, _) => DeadPortalSuite.RunAsync(quick),
    [ConcurrencySuite.Name] = (quick, _) => ConcurrencySuite.RunAsync(quick),
    [ProcessStartsSuite.Name] = (_, verbose) => ProcessStartsSuite.RunAsync(verbose),
    [ParseSuite.Name] = (quick, _) => ParseSuite.RunAsync(quick),
    [InputScaleSuite.Name] = (quick, _) => InputScaleSuite.RunAsync(quick),
    [ScaleSuite.Name] = (quick, _) => ScaleSuite.RunAsync(quick),
};

var quick = args.Contains("--quick");
var verbose = args.Contains("--verbose");
var unknownOptions = args.Where(a => a.StartsWith('-') && a is not "--quick" and not "--verbose").ToList();
var selected = args.Where(a => !a.StartsWith('-')).ToList();
if (unknownOptions.Count > 0 || selected.Any(s => !suites.ContainsKey(s)))
{
    Console.Error.WriteLine($"usage: IscsiConnector.Benchmarks [--quick] [--verbose] [{string.Join("|", suites.Keys)}...]");
    return 2;
}

if (selected.Count == 0)
{
    // scale runs when named: its simulated host costs O(sessions) per file-system call (docs/benchmarks.md).
    selected = [.. suites.Keys.Where(k => k != ScaleSuite.Name)];
}

Console.WriteLine($"# IscsiConnector benchmarks ({(quick ? "quick" : "full")} mode), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Configuration()} build");
Console.WriteLine();

var total = Stopwatch.StartNew();
var reports = new List<SuiteReport>();
try
{
    foreach (var name in selected)
    {
        var watch = Stopwatch.StartNew();
        SuiteReport report;
        try
        {
            report = await suites[name](quick, verbose);
        }
        catch (Exception ex) when (ex is IscsiConnector.IscsiException or InvalidOperationException)
        {
            report = new SuiteReport(name, "did not complete");
            report.Problems.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        report.Elapsed = watch.Elapsed;
        reports.Add(report);
        Console.WriteLine(report.Render());
    }
}
finally
{
    BenchConnectors.DeleteLockDirectory();
}

Console.WriteLine("## Summary");
foreach (var report in reports)
{
    Console.WriteLine($"{report.Name,-15} {(report.Passed ? "PASS" : "FAIL")}  {report.Elapsed.TotalSeconds,6:0.0} s");
}

Console.WriteLine($"total           {total.Elapsed.TotalSeconds,11:0.0} s");
return reports.All(r => r.Passed) ? 0 : 1;

static string Configuration()
{
#if DEBUG
    return "DEBUG (figures not representative: use -c Release)";
#else
    return "Release";
#endif
}
