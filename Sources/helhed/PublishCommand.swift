import ArgumentParser
import Foundation
import HelhedCore

/// `helhed publish`: build, then upload the output folder to the web host with rsync over SSH.
struct Publish: ParsableCommand, WritesOutputFolder {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and upload it to the web host over SSH (with rsync).",
        discussion: """
            The target is publish.target in site.yml (user@host:/absolute/path, publish.port for another SSH port), or \
            --target. Only changed files are sent; they switch over together at the end, and files the site no longer \
            has are deleted from the target folder. A host is trusted on first connection and its key remembered.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(help: "The output folder: built, then uploaded.")
    var output = "Public"

    @Option(help: "Where to upload: user@host:/absolute/path (overrides publish.target in site.yml).")
    var target: String?

    @Option(help: "The SSH port (overrides publish.port in site.yml; 22 by default).")
    var port: Int?

    @Flag(name: .customLong("no-build"), help: "Upload the output folder as it is, without building it first.")
    var noBuild = false

    @Flag(name: .customLong("dry-run"), help: "List what would change on the host, and change nothing.")
    var dryRun = false

    @Option(help: "The SSH private key to log in with (by default ssh's own choice: ~/.ssh keys and the agent).")
    var identity: String?

    @Option(name: .customLong("known-hosts"), help: "The file where host keys are remembered (by default ~/.ssh/known_hosts).")
    var knownHosts: String?

    @Flag(help: "Also print the transfer's numbers, and on failure what rsync and ssh said.")
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
            warn("helhed: uploading \(output)/ as it is, without building it first (--no-build)")
        } else {
            do {
                let result = try SiteBuilder.build(try folders.buildOptions(output: output))
                report(result.warnings)
                print(result.summary)
            } catch let failure as BuildFailure {
                report(failure.diagnostics)
                warn("helhed: the build failed, so nothing was published")
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
        warn("helhed: error: \(error.message)")
        if verbose && !error.details.isEmpty {
            warn("helhed: rsync and ssh said:\n" + error.details.trimmingCharacters(in: .newlines))
        }
        Foundation.exit(1)
    }

    private func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
