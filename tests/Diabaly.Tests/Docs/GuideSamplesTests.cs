using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Diabaly.Sample;
using Diabaly.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Docs;

/// <summary>
/// The guide never lies: every C# program in it compiles against the library and runs, every <c>$ diabaly</c> command in it runs
/// through the console and exits as the page says, and every relative link resolves. The conventions, for whoever writes a page:
/// a <c>```csharp</c> block is a whole program (top-level statements); a <c>```console</c> block holds <c>$ diabaly …</c> lines, which
/// exit 0 unless the line ends with <c># exits N</c>; a fenced block right after <c>&lt;!-- file: NAME --&gt;</c> is a file the reader
/// writes, which the programs and commands of every page find. Both run in a folder of their own laid out like the repository
/// (<c>samples/dossiers/*.yaml</c>), which also holds the sample dossiers and the declared files at its top.
/// </summary>
[Collection(Support.OnePlotAtATime.Name)]
public partial class GuideSamplesTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The README and every page of the guide, relative to the repository.</summary>
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (string page in Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }

        return pages;
    }

    private sealed record Page(string Path, MarkdownDocument Document, string Text);

    private static Page Read(string page)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, page));
        return new Page(page, Markdown.Parse(text, Pipeline), text);
    }

    private static IEnumerable<FencedCodeBlock> Blocks(Page page, string language)
        => page.Document.Descendants<FencedCodeBlock>().Where(b => b.Info == language);

    private static string Content(FencedCodeBlock block) => string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));

    /// <summary>The files every page declares (<c>&lt;!-- file: NAME --&gt;</c> right before a fenced block), by name.</summary>
    private static Dictionary<string, string> DeclaredFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string page in Pages())
        {
            Page p = Read(page);
            foreach (FencedCodeBlock block in p.Document.Descendants<FencedCodeBlock>())
            {
                if (block.Parent is { } parent && parent.IndexOf(block) is > 0 and var at && parent[at - 1] is HtmlBlock html
                    && FileComment().Match(html.Lines.ToString()) is { Success: true } m)
                {
                    files.Add(m.Groups[1].Value, Content(block) + "\n");
                }
            }
        }

        return files;
    }

    /// <summary>A folder laid out like the repository for the samples: the sample dossiers in <c>samples/dossiers</c> and at the top,
    /// and every declared file.</summary>
    private static string Folder()
    {
        string root = Directory.CreateTempSubdirectory("diabaly-guide-").FullName;
        string dossiers = Directory.CreateDirectory(Path.Combine(root, "samples", "dossiers")).FullName;
        foreach (string yaml in Directory.GetFiles(Path.Combine(Repository.Root, "samples", "dossiers"), "*.yaml"))
        {
            File.Copy(yaml, Path.Combine(dossiers, Path.GetFileName(yaml)));
            File.Copy(yaml, Path.Combine(root, Path.GetFileName(yaml)));
        }

        foreach (var (name, content) in DeclaredFiles())
        {
            string path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        return root;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCommand_RunsAsWritten(string page)
        => InAFolder(page, (p, root) =>
        {
            foreach (FencedCodeBlock block in Blocks(p, "console"))
            {
                foreach (string line in Content(block).Split('\n').Where(l => l.StartsWith("$ ", StringComparison.Ordinal)))
                {
                    line.Should().StartWith("$ diabaly", $"{page}: a console block runs the diabaly tool; other commands go in a sh block");
                    var (args, expected) = Command(line[2..]);
                    var console = new TestConsole().Width(100);
                    var stdout = new StringWriter();
                    var stderr = new StringWriter();
                    int code = Cli.Run([.. InFolder(args.Skip(1).ToArray(), root)], console, stdout, stderr);
                    code.Should().Be(expected, $"{page}: '{line}' printed:\n{stderr}{stdout}");
                }
            }
        });

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryCSharpProgram_CompilesAndRuns(string page)
        => InAFolder(page, (p, root) =>
        {
            int n = 0;
            foreach (FencedCodeBlock block in Blocks(p, "csharp"))
            {
                n++;
                string name = $"guide-{Path.GetFileNameWithoutExtension(page)}-{n}-{Guid.NewGuid():N}";
                string dll = Compile(Content(block), name, $"{page}, C# program {n} (line {block.Line + 1})");
                try
                {
                    var (code, output) = RunProgram(dll, root);
                    code.Should().Be(0, $"{page}, C# program {n} (line {block.Line + 1}) printed:\n{output}");
                }
                finally
                {
                    File.Delete(dll);
                    File.Delete(Path.ChangeExtension(dll, ".runtimeconfig.json"));
                }
            }
        });

    /// <summary>Runs a page's samples in a folder of their own (<see cref="Folder"/>), deleted after.</summary>
    private static void InAFolder(string page, Action<Page, string> run)
    {
        Page p = Read(page);
        string root = Folder();
        try
        {
            run(p, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryRelativeLink_Resolves(string page)
    {
        Page p = Read(page);
        string folder = Path.GetDirectoryName(Path.Combine(Repository.Root, page))!;
        foreach (LinkInline link in p.Document.Descendants<LinkInline>())
        {
            // The guide links to the repository's other files by their address on GitHub (the site holds only the guide): those
            // are checked against the clone, as relative links are.
            const string Repo = "https://github.com/diabaly/diabaly/blob/main/";
            string url = link.Url ?? string.Empty;
            bool inRepository = url.StartsWith(Repo, StringComparison.Ordinal);
            if (url.Length == 0 || (url.Contains("://", StringComparison.Ordinal) && !inRepository) || url.StartsWith("mailto:", StringComparison.Ordinal)
                || url.StartsWith("xref:", StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = (inRepository ? url[Repo.Length..] : url).Split('#', 2);
            string target = parts[0].Length == 0 ? Path.Combine(Repository.Root, page)
                : Path.GetFullPath(Path.Combine(inRepository ? Repository.Root : folder, Uri.UnescapeDataString(parts[0])));

            (File.Exists(target) || Directory.Exists(target)).Should().BeTrue($"{page} links to '{url}' (line {LineOf(p, link)})");
            if (parts.Length == 2 && target.EndsWith(".md", StringComparison.Ordinal))
            {
                Anchors(File.ReadAllText(target)).Should().Contain(parts[1], $"{page} links to '{url}' (line {LineOf(p, link)})");
            }
        }
    }

    private static int LineOf(Page p, LinkInline link) => p.Text.AsSpan(0, Math.Max(0, link.Span.Start)).Count('\n') + 1;

    [Fact]
    public void TheGuide_HasSamplesToRun()
    {
        string[] pages = [.. Pages()];
        pages.Should().Contain(["docs/getting-started.md", "docs/dossiers.md", "docs/methods.md", "docs/cli.md", "docs/faq.md"]);
        pages.Sum(p => Blocks(Read(p), "csharp").Count()).Should().BeGreaterThanOrEqualTo(6);
        pages.Sum(p => Blocks(Read(p), "console").Sum(b => Content(b).Split('\n').Count(l => l.StartsWith("$ diabaly", StringComparison.Ordinal)))).Should().BeGreaterThanOrEqualTo(10);
        DeclaredFiles().Should().ContainKey("first.yaml");
    }

    /// <summary>The heading anchors of a Markdown page as GitHub and DocFX make them: lower case, punctuation dropped, spaces to '-'.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (HeadingBlock h in Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>())
        {
            string text = InlineText(h);
            string slug = new string(text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
            anchors.Add(slug);
        }

        return anchors;
    }

    /// <summary>A heading's text in document order, code spans included.</summary>
    private static string InlineText(HeadingBlock h)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(Inline? inline)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline l:
                        sb.Append(l.Content.ToString());
                        break;
                    case CodeInline c:
                        sb.Append(c.Content);
                        break;
                    case ContainerInline container:
                        Walk(container.FirstChild);
                        break;
                }
            }
        }

        Walk(h.Inline);
        return sb.ToString();
    }

    /// <summary>The words of a command line, split as a shell splits them (System.CommandLine's splitter), and the exit code a
    /// trailing <c># exits N</c> names, else 0.</summary>
    private static (List<string> Args, int Expected) Command(string line)
    {
        int expected = 0;
        if (ExitComment().Match(line) is { Success: true } m)
        {
            expected = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            line = line[..m.Index];
        }
        else if (line.IndexOf(" #", StringComparison.Ordinal) is >= 0 and var comment)
        {
            line = line[..comment];
        }

        return ([.. System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(line)], expected);
    }

    private static readonly HashSet<string> TakesValue = new(StringComparer.Ordinal)
    {
        "--question", "-q", "--method", "-m", "--tau2", "--format", "-f", "--output", "-o", "--plot", "-p", "--width", "-w", "--max-claims", "--max-rows",
    };

    private static readonly HashSet<string> TakesPath = new(StringComparer.Ordinal) { "--output", "-o", "--plot", "-p" };

    /// <summary>The arguments with every file they name (the dossier or table, --output, --plot) in the folder.</summary>
    private static IEnumerable<string> InFolder(string[] args, string root)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            bool value = i > 0 && TakesValue.Contains(args[i - 1]);
            bool path = value ? TakesPath.Contains(args[i - 1]) : !a.StartsWith('-');
            yield return path && !Path.IsPathRooted(a) ? Path.Combine(root, a) : a;
        }
    }

    /// <summary>Compiles a program of top-level statements, with the usings a console project has implicitly, against the library and
    /// the framework; returns the path of the assembly, written beside the tests' own (where its dependencies are).</summary>
    private static string Compile(string source, string name, string what)
    {
        const string Implicit = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
                                + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(Implicit, parse), CSharpSyntaxTree.ParseText(source, parse)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        string dll = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        using (var stream = File.Create(dll))
        {
            var result = compilation.Emit(stream);
            result.Success.Should().BeTrue($"{what} compiles:\n{string.Join("\n", result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))}");
        }

        string version = Environment.Version.ToString(3);
        File.WriteAllText(Path.ChangeExtension(dll, ".runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + version + "\"}}}");
        return dll;
    }

    /// <summary>Runs a compiled program in the folder, as its own process (its relative paths are the folder's); at most a minute.</summary>
    private static (int Code, string Output) RunProgram(string dll, string folder)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after a minute");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    [GeneratedRegex(@"^<!--\s*file:\s*(\S+)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex FileComment();

    [GeneratedRegex(@"\s#\s*exits\s+(\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExitComment();
}
