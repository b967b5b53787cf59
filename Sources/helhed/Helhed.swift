import ArgumentParser
import Foundation
import HelhedCore

@main
struct Helhed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helhed",
        abstract: say(.helpHelhed),
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
    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    @Option(help: ArgumentHelp(say(.helpTemplates)))
    var templates = "Templates"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(say(.helpBaseURL)))
    var baseURL: String?

    @Flag(help: ArgumentHelp(say(.helpDrafts)))
    var drafts = false

    @Flag(help: ArgumentHelp(say(.helpFuture)))
    var future = false

    @OptionGroup var language: MessageOption

    func buildOptions(output: String) throws -> BuildOptions {
        var site = SiteOptions(includeDrafts: drafts, includeFuture: future)
        if let baseURL {
            guard let parsed = BaseURL(baseURL) else {
                throw ValidationError(say(Message(.baseURLOptionInvalid, ["url": baseURL])))
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

struct Build: ParsableCommand, WritesOutputFolder {
    static let configuration = CommandConfiguration(abstract: say(.helpBuild))

    @OptionGroup var folders: SiteFolders

    @Option(help: ArgumentHelp(say(.helpOutput)))
    var output = "Public"

    @Flag(help: ArgumentHelp(say(.helpQuiet)))
    var quiet = false

    func run() throws {
        do {
            let result = try SiteBuilder.build(try folders.buildOptions(output: output))
            report(result.warnings)
            if !quiet { print(result.summary(in: messageLanguage)) }
            // Exit with the site still in memory: the system takes it back at once, while freeing it object by object
            // took 50 ms of a 10,000-article build.
            withExtendedLifetime(result) { Foundation.exit(EXIT_SUCCESS) }
        } catch let failure as BuildFailure {
            report(failure.diagnostics)
            let count = failure.diagnostics.filter { $0.severity == .error }.count
            let line = say(Message(.buildFailed, ["output": output], parts: ["errors": .count(count, one: .errorsOne, many: .errorsMany)]))
            FileHandle.standardError.write(Data((line + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

struct RenderMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: say(.helpMarkdown)
    )

    @Flag(help: ArgumentHelp(say(.helpPlain)))
    var plain = false

    @Flag(help: ArgumentHelp(say(.helpUnsafe)))
    var unsafe = false

    @OptionGroup var language: MessageOption

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
