import Foundation
import Testing
@testable import HelhedCore

/// `helhed publish` as users run it: it builds first, reads the target from site.yml, prints one line, explains a
/// failure in one line, and never prints key material.
@Suite(.enabled(if: UploadTools.available, "needs sshd, ssh, ssh-keygen and rsync: apt-get install rsync openssh-client openssh-server"))
struct PublishCommandTests {
    static func run(_ arguments: [String], in folder: URL, path: String? = nil) throws -> CLITests.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["HELHED_MESSAGES"] = "en"  // the tests read the English messages
        if let path { environment["PATH"] = path }
        // The command runs in `folder`; SpawnedProcess has no working-folder setting, so `--content` and friends
        // would be needed: `env -C` changes the folder instead.
        let out = folder.appendingPathComponent("stdout.txt"), err = folder.appendingPathComponent("stderr.txt")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let ending = try SpawnedProcess.start("/usr/bin/env", ["-C", folder.path, CLITests.binary.path] + arguments, environment: environment,
                                              standardOutput: out.path, standardError: err.path).wait()
        return CLITests.Result(status: ending.status ?? -1, stdout: try String(contentsOf: out, encoding: .utf8),
                               stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// A small site whose site.yml publishes to `host`.
    static func site(publishingTo host: SSHHost) throws -> URL {
        let site = try CLITests.makeSite()
        let config = site.appendingPathComponent("Content/site.yml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
            + "publish:\n  target: \(host.user)@127.0.0.1:\(host.disk.path)/site\n  port: \(host.port)\n"
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        return site
    }

    @Test func buildsThenPublishesAndReportsInOneLine() throws {
        let host = try SSHHost()
        let site = try Self.site(publishingTo: host)
        defer { try? FileManager.default.removeItem(at: site) }
        let keys = ["--identity", host.clientKey.path, "--known-hosts", host.knownHosts.path]
        var outputs: [String] = []

        let first = try Self.run(["publish"] + keys, in: site)
        outputs += [first.stdout, first.stderr]
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("Built "), "\(first.stdout)")
        let fileCount = try SiteTree.files(in: site.appendingPathComponent("Public")).count
        #expect(lines.last?.hasPrefix("Published \(fileCount) files (") == true, "\(first.stdout)")
        #expect(lines.last?.contains("to \(host.user)@127.0.0.1:\(host.disk.path)/site in ") == true)
        #expect(first.stderr.contains("first connection to 127.0.0.1"))
        #expect(try SiteTree.files(in: host.disk.appendingPathComponent("site")) == SiteTree.files(in: site.appendingPathComponent("Public")))

        // The content changes: a dry run builds, lists the article's page and changes nothing on the host.
        let article = site.appendingPathComponent("Content/artikler/hej.md")
        try (String(contentsOf: article, encoding: .utf8) + "\nEt nyt afsnit.\n").write(to: article, atomically: true, encoding: .utf8)
        let before = try SiteTree.files(in: host.disk)
        let dry = try Self.run(["publish", "--dry-run"] + keys, in: site)
        outputs += [dry.stdout, dry.stderr]
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Dry run: publishing to ") && dry.stdout.contains("  ~ artikler/hej/index.html"), "\(dry.stdout)")
        #expect(try SiteTree.files(in: host.disk) == before)

        // --no-build uploads what is there, and says so; the article's page is the one file sent.
        let noBuild = try Self.run(["publish", "--no-build"] + keys, in: site)
        outputs += [noBuild.stdout, noBuild.stderr]
        #expect(noBuild.status == 0, "\(noBuild.stderr)")
        #expect(noBuild.stderr.contains("uploading Public/ as it is, without building it first (--no-build)"))
        #expect(!noBuild.stdout.contains("Built "))
        #expect(try SiteTree.files(in: host.disk.appendingPathComponent("site")) == SiteTree.files(in: site.appendingPathComponent("Public")))

        // A key the host refuses, with --verbose: one error line, then ssh's own words, and no key text anywhere.
        let refused = try Self.run(["publish", "--no-build", "--verbose", "--identity", host.strangerKey.path, "--known-hosts", host.knownHosts.path], in: site)
        outputs += [refused.stdout, refused.stderr]
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\nhelhed: error: 127.0.0.1 port \(host.port) refused the login as \(host.user) (Permission denied (publickey"), "\(refused.stderr)")
        #expect(refused.stderr.contains("rsync and ssh said:"))

        for key in [host.clientKey, host.strangerKey] {
            for line in try String(contentsOf: key, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("-----") {
                #expect(!outputs.contains { $0.contains(line) }, "private key text in the output")
            }
        }
    }

    @Test func refusesABadTargetBeforeBuilding() throws {
        let site = try CLITests.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Self.run(["publish", "--target", "example.org:www"], in: site)
        #expect(result.status == 1)
        #expect(result.stderr == "helhed: error: the publish target must look like user@host:/absolute/path (got \"example.org:www\"): the user is missing (user@…)\n")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))

        let none = try Self.run(["publish"], in: site)
        #expect(none.status == 1 && none.stderr.contains("no publish target: add publish:"), "\(none.stderr)")
    }

    @Test func saysHowToInstallRsync() throws {
        let host = try SSHHost()
        let site = try Self.site(publishingTo: host)
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Self.run(["publish", "--identity", host.clientKey.path], in: site, path: host.folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("helhed: error: rsync is not installed (publish uploads with it); install it with: apt-get install rsync openssh-client\n"), "\(result.stderr)")
    }

    @Test func anUnreachableHostInOneLine() throws {
        let site = try CLITests.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let port = try FreePort.next()
        let result = try Self.run(["publish", "--target", "web@127.0.0.1:/srv/site", "--port", String(port)], in: site)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last == "helhed: error: cannot reach 127.0.0.1 port \(port) (connection refused); check the host name, the port and that the host's SSH server runs", "\(result.stderr)")
        #expect(!result.stderr.contains("rsync error"), "ssh's and rsync's own lines are only shown with --verbose")
    }
}
