import ArgumentParser
import Foundation
import HelhedCore

@main
struct Helhed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helhed",
        abstract: "Builds a Danish static website from Markdown in Content/ and Mustache templates in Templates/.",
        subcommands: [Build.self, Serve.self, Check.self, Publish.self, New.self, RenderMarkdown.self],
        defaultSubcommand: Build.self
    )

    /// ArgumentParser's `main`, with one step before any command runs: finishing the change of the output folder that
    /// a killed build began, so every command (build, serve, check, publish, new…) starts from a complete site.
    static func main() {
        do {
            var command = try parseAsRoot()
            let output = (command as? WritesOutputFolder)?.output ?? "Public"
            let outputFolder = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            if let problem = OutputRecovery.finishInterruptedChanges(of: outputFolder) {
                FileHandle.standardError.write(Data("helhed: warning: \(output)/ is not yet the last build: \(problem)\n".utf8))
            }
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// A command with an `--output` folder: the folder whose interrupted change is finished before it runs.
protocol WritesOutputFolder {
    var output: String { get }
}

struct SiteFolders: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Option(name: .customLong("base-url"), help: "The address the site will live at, overriding base_url in site.yml.")
    var baseURL: String?

    @Flag(help: "Include drafts (draft: true).")
    var drafts = false

    @Flag(help: "Include articles dated in the future.")
    var future = false

    func buildOptions(output: String) throws -> BuildOptions {
        var site = SiteOptions(includeDrafts: drafts, includeFuture: future)
        if let baseURL {
            guard let parsed = BaseURL(baseURL) else {
                throw ValidationError("--base-url must be an absolute http(s) address like https://example.org/sti/ (got \"\(baseURL)\")")
            }
            site.baseURL = parsed
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return BuildOptions(
            contentFolder: URL(fileURLWithPath: content, relativeTo: current),
            templatesFolder: URL(fileURLWithPath: templates, relativeTo: current),
            outputFolder: URL(fileURLWithPath: output, relativeTo: current),
            site: site
        )
    }
}

/// Prints diagnostics the way compilers do, so terminals and editors can jump to them.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

struct Build: ParsableCommand, WritesOutputFolder {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "The output folder; made exactly the new site when the build succeeds (only changed files are written).")
    var output = "Public"

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    func run() throws {
        do {
            let result = try SiteBuilder.build(try folders.buildOptions(output: output))
            report(result.warnings)
            if !quiet { print(result.summary) }
            // Exit with the site still in memory: the system takes it back at once, while freeing it object by object
            // took 50 ms of a 10,000-article build.
            withExtendedLifetime(result) { Foundation.exit(EXIT_SUCCESS) }
        } catch let failure as BuildFailure {
            report(failure.diagnostics)
            let count = failure.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("helhed: the build failed with \(count) error\(count == 1 ? "" : "s"); \(output)/ is unchanged\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct RenderMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown from standard input to HTML on standard output, through the same cmark wrapper as the build."
    )

    @Flag(help: "Turn Helhed's transforms (heading ids and anchors) off: plain CommonMark.")
    var plain = false

    @Flag(help: "Keep raw HTML and every link address.")
    var unsafe = false

    func run() throws {
        let input = Array(FileHandle.standardInput.readDataToEndOfFile())
        do {
            print(try MarkdownCommand.render(input, plain: plain, unsafe: unsafe), terminator: "")
        } catch {
            report([error])
            throw ExitCode(1)
        }
    }
}
