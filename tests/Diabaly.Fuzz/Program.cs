using Diabaly.Fuzz;
using SharpFuzz;

// diabaly-fuzz TARGET            run under afl-fuzz (SharpFuzz's out-of-process fork server), one input per run on standard input
// diabaly-fuzz TARGET FILE...    replay inputs, for triage: prints each file and what happened
if (args.Length == 0 || !Targets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Diabaly.Fuzz {string.Join("|", Targets.Names)} [FILE...]");
    return 2;
}

string target = args[0];
if (args.Length > 1)
{
    int failed = 0;
    foreach (string file in args.Skip(1))
    {
        try
        {
            Targets.Run(target, File.ReadAllBytes(file));
            Console.WriteLine($"ok      {file}");
        }
#pragma warning disable CA1031 // Triage reports every failure and goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failed++;
            Console.WriteLine($"FAILED  {file}: {e.GetType().Name}: {e.Message}");
        }
    }

    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    Targets.Run(target, buffer.ToArray());
});
return 0;
