using System.Globalization;
using System.Text;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Benchmarks;

/// <summary>
/// Writes the workloads as workbook folders for whole-process timings
/// (<c>dotnet run -c Release --project bench/EduFunds.Benchmarks -- generate ...</c>):
/// <list type="bullet">
/// <item><c>generate district DIR [PROGRAMS STREAMS YEARS]</c>: the generated district workbook.</item>
/// <item><c>generate ledger DIR [ENTRIES]</c>: the district workbook with a ledger of ENTRIES
/// entries (default 1,000,000): 10% receipts from random streams, 90% expenses of random
/// programs, dated over the first five years.</item>
/// </list>
/// </summary>
internal static class Generate
{
    /// <summary>Runs the generator.</summary>
    /// <param name="args">The arguments after <c>generate</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: generate district DIR [PROGRAMS STREAMS YEARS] | generate ledger DIR [ENTRIES]");
            return 1;
        }

        var folder = args[1];
        switch (args[0])
        {
            case "district":
            {
                var programs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
                var streams = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 800;
                var years = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 15;
                Write(DistrictWorkbook.Create(programs, streams, years), folder);
                return 0;
            }

            case "ledger":
            {
                var entries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
                var workbook = DistrictWorkbook.Create();
                Write(workbook, folder);
                WriteLedger(Path.Combine(folder, "ledger.csv"), workbook, entries, seed: 7);
                return 0;
            }

            default:
                Console.Error.WriteLine($"unknown workload '{args[0]}'");
                return 1;
        }
    }

    private static void Write(Workbook workbook, string folder)
    {
        Directory.CreateDirectory(folder);
        new WorkbookWriter().WriteFolder(workbook, folder);
    }

    /// <summary>The ledger: 10% receipts, 90% expenses, over the first five fiscal years.</summary>
    private static void WriteLedger(string path, Workbook workbook, int entries, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(workbook.Years.From, workbook.FiscalYearStartMonth, 1).DayNumber;
        var days = new DateOnly(workbook.Years.From + 5, workbook.FiscalYearStartMonth, 1).DayNumber - first;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("date,type,stream,program,amount,reference,memo");
        for (var i = 0; i < entries; i++)
        {
            var date = DateOnly.FromDayNumber(first + random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (random.Next(10) == 0)
            {
                var amount = (random.Next(100_000, 50_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                writer.WriteLine($"{date},receipt,{workbook.Streams[random.Next(workbook.Streams.Count)].Id},,{amount},R{i},receipt {i}");
            }
            else
            {
                var amount = (random.Next(100, 5_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                writer.WriteLine($"{date},expense,,{workbook.Programs[random.Next(workbook.Programs.Count)].Id},{amount},E{i},\"expense {i}, generated\"");
            }
        }
    }
}
