using Diabaly.Sample;
using Spectre.Console;

return Cli.Run(args, AnsiConsole.Console, Console.Out, Console.Error);
