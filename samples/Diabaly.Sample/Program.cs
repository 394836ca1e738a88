using Diabaly.Sample;
using Spectre.Console;

// A progress bar for a large claim table goes to standard error, and only when that is an interactive terminal.
IAnsiConsole? progress = Console.IsErrorRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return Cli.Run(args, AnsiConsole.Console, Console.Out, Console.Error, progress);
