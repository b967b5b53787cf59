import ArgumentParser
import Foundation
import HelhedCore

/// `helhed publish`: build, then upload the output folder to the web host with rsync over SSH.
struct Publish: ParsableCommand, WritesOutputFolder {
    static let configuration = CommandConfiguration(
        abstract: say(.helpPublish),
        discussion: say(.helpPublishDiscussion)
    )

    @OptionGroup var folders: SiteFolders

    @Option(help: ArgumentHelp(say(.helpPublishOutput)))
    var output = "Public"

    @Option(help: ArgumentHelp(say(.helpTarget)))
    var target: String?

    @Option(help: ArgumentHelp(say(.helpSSHPort)))
    var port: Int?

    @Flag(name: .customLong("no-build"), help: ArgumentHelp(say(.helpNoBuild)))
    var noBuild = false

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(say(.helpDryRun)))
    var dryRun = false

    @Option(help: ArgumentHelp(say(.helpIdentity)))
    var identity: String?

    @Option(name: .customLong("known-hosts"), help: ArgumentHelp(say(.helpKnownHosts)))
    var knownHosts: String?

    @Flag(help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let publisher: Publisher
        do {
            publisher = try Publisher(contentFolder: folders.content, output: URL(fileURLWithPath: output, relativeTo: current),
                                      target: target, port: port, dryRun: dryRun,
                                      identity: identity.map { URL(fileURLWithPath: $0, relativeTo: current) },
                                      knownHosts: knownHosts.map { URL(fileURLWithPath: $0, relativeTo: current) })
        } catch {
            fail(error)
        }
        if noBuild {
            warn(say(Message(.publishWithoutBuilding, ["output": output])))
        } else {
            do {
                let result = try SiteBuilder.build(try folders.buildOptions(output: output))
                report(result.warnings)
                print(result.summary(in: messageLanguage))
            } catch let failure as BuildFailure {
                report(failure.diagnostics)
                warn(say(.publishBuildFailed))
                throw ExitCode(1)
            }
        }
        // Ctrl-C reaches rsync too, which stops and reports it; helhed waits for that to say what the host now has.
        // (rsync is started with the default disposition restored, see SpawnedProcess.)
        signal(SIGINT, SIG_IGN)
        let printed: (notices: [String], lines: [String])
        do {
            printed = try publisher.upload().printed(verbose: verbose)
        } catch {
            fail(error)
        }
        printed.notices.forEach(warn)
        printed.lines.forEach { print($0) }
    }

    private func fail(_ error: UploadError) -> Never {
        warn("helhed: \(say(.severityError)): \(error.message)")
        if verbose && !error.details.isEmpty {
            warn("helhed: rsync and ssh said:\n" + error.details.trimmingCharacters(in: .newlines))
        }
        Foundation.exit(1)
    }

    private func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
