import Foundation
import Testing
@testable import HelhedCore

/// `user@host:/absolute/path` and the port: what is accepted, and the one-line reason for what is not. Also the parts
/// that need no host: site.yml's `publish:`, rsync's command line, its output and its failures.
@Suite struct PublishTargetTests {
    @Test func acceptsPlainTargets() throws {
        let target = try PublishTarget("deploy@example.org:/var/www/site/", port: 2222)
        #expect(target.user == "deploy" && target.host == "example.org" && target.path == "/var/www/site" && target.port == 2222)
        #expect(target.description == "deploy@example.org:/var/www/site")
        #expect(target.rsyncDestination == "deploy@example.org:/var/www/site/")
        let ipv6 = try PublishTarget("web@[::1]:/srv/www")
        #expect(ipv6.host == "::1" && ipv6.port == 22 && ipv6.rsyncDestination == "web@[::1]:/srv/www/")
        #expect(try PublishTarget("a.b_c-d@10.0.0.1:/srv/www+test/x.y").path == "/srv/www+test/x.y")
    }

    @Test(arguments: [
        ("example.org:/var/www", "the user is missing"),
        ("@example.org:/var/www", "the user is missing"),
        ("deploy@example.org:var/www", "the path must be absolute"),
        ("deploy@example.org:", "the path is missing"),
        ("deploy@example.org", "the ':' between host and path is missing"),
        ("deploy@example.org:/var/../etc", "'..'"),
        ("deploy@example.org:/var/./www", "'.' or '//'"),
        ("deploy@example.org:/", "needs a folder of its own"),
        ("deploy@example.org:/var/my site", "contains a space"),
        ("deploy@example.org:/var/www;rm -rf ~", "contains a space"),
        ("deploy@example.org:/var/www$HOME", "'$'"),
        ("deploy@example.org:/var/'www'", "'''"),
        ("deploy@-oProxyCommand=x:/var/www", "may not start with '-'"),
        ("-oProxyCommand=x@example.org:/var/www", "may not start with '-'"),
        ("deploy@exa mple.org:/var/www", "contains a space"),
        ("deploy@example.org::module", "rsync daemon module"),
        ("", "it is empty"),
        ("deploy@[::1:/srv", "no closing ']'"),
        ("deploy@example.org:/var/www\tx", "blank or control"),
    ])
    func refusesWithAReason(text: String, reason: String) {
        do {
            _ = try PublishTarget(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.kind == .badTarget)
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.message.hasPrefix("the publish target must look like user@host:/absolute/path"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func refusesPortsOutOfRange() {
        for port in [0, -1, 65_536] {
            #expect(throws: UploadError.self) { try PublishTarget("a@b:/c", port: port) }
        }
    }

    @Test func readsPublishFromSiteConfig() throws {
        let yaml = "title: T\npublish:\n  target: deploy@example.org:/var/www/site\n  port: 2222\n"
        let target = try #require(try PublishSettings.target(yaml: yaml, path: "Content/site.yml"))
        #expect(target.description == "deploy@example.org:/var/www/site" && target.port == 2222)
        #expect(try PublishSettings.target(yaml: "title: T\n", path: "site.yml") == nil)
        let flow = try PublishSettings.target(yaml: "publish: { target: \"a@b:/c\" }\n", path: "site.yml")
        #expect(flow?.port == 22)
    }

    @Test(arguments: [
        ("publish: a@b:/c\n", "site.yml:1: error: 'publish' must be a group"),
        ("title: T\npublish:\n  target: a@b:c\n", "site.yml:3: error: the publish target must look like"),
        ("publish:\n  target: a@b:/c\n  port: ssh\n", "site.yml:3: error: 'port' must be a number"),
        ("publish:\n  port: 22\n", "needs a target"),
        ("publish:\n  target: a@b:/c\n  hots: x\n", "site.yml:3: error: 'publish' has an unknown field 'hots'"),
    ])
    func explainsBadPublishSettings(yaml: String, message: String) {
        do {
            _ = try PublishSettings.target(yaml: yaml, path: "site.yml")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func siteConfigKnowsThePublishField() {
        var diagnostics = Diagnostics()
        let yaml = "title: T\ndescription: D\nbase_url: https://example.org/\npublish:\n  target: a@b:/c\n"
        #expect(SiteConfig.parse(yaml: yaml, path: "site.yml", into: &diagnostics) != nil)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
    }

    /// The arguments are an array for `Process`: no local shell; the ssh command is one argument that rsync splits.
    @Test func buildsRsyncArguments() throws {
        let target = try PublishTarget("deploy@example.org:/var/www/site", port: 2222)
        var options = UploadOptions(source: URL(fileURLWithPath: "/tmp/x/Public"), target: target, dryRun: true,
                                    identityFile: URL(fileURLWithPath: "/keys/id"), knownHostsFile: URL(fileURLWithPath: "/k/known"))
        let arguments = try RsyncCommand.arguments(options, ssh: URL(fileURLWithPath: "/usr/bin/ssh"))
        for expected in ["--checksum", "--recursive", "--delete-after", "--delay-updates", "--partial-dir=.helhed-upload",
                         "--dry-run", "--stats", "/tmp/x/Public/", "deploy@example.org:/var/www/site/"] {
            #expect(arguments.contains(expected), "\(expected)")
        }
        #expect(!arguments.contains("--times"), "times would make every file of a rebuilt site look changed to the web server")
        let ssh = try #require(arguments.firstIndex(of: "--rsh").map { arguments[$0 + 1] })
        #expect(ssh == "'/usr/bin/ssh' -p 2222 -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=15 -o ServerAliveInterval=15 -o ServerAliveCountMax=4 -o UserKnownHostsFile='/k/known' -i '/keys/id' -o IdentitiesOnly=yes")
        options.identityFile = URL(fileURLWithPath: "/keys/it's")
        #expect(throws: UploadError.self) { try RsyncCommand.arguments(options, ssh: URL(fileURLWithPath: "/usr/bin/ssh")) }
    }

    @Test func readsItemizedChangesAndStatistics() throws {
        let output = """
            created directory /srv/site
            cd+++++++++ 0 ./
            <f+++++++++ 100055 big.bin
            <fcsT...... 51 index.html
            .f...p..... 0 same.html
            cd+++++++++ 0 a b/
            <f+++++++++ 45 a b/c d.html
            *deleting   0 old/page.html

            Number of files: 5 (reg: 3, dir: 2)
            Number of deleted files: 1 (reg: 1)
            Total file size: 100008 bytes
            Literal data: 100008 bytes
            Total bytes sent: 100355
            Total bytes received: 133
            """
        let report = RsyncReport(output)
        #expect(report.changes.map(\.action) == [.createFolder, .add, .replace, .attributes, .createFolder, .add, .delete])
        #expect(report.changes[5].path == "a b/c d.html" && report.changes[5].bytes == 45)
        let summary = UploadSummary(target: try PublishTarget("u@h:/p"), dryRun: false, report: report, seconds: 1.23, rememberedNewHostKey: false)
        #expect(summary.filesSent.count == 3 && summary.filesDeleted.count == 1)
        #expect(summary.bytesSent == 100_355 && summary.siteBytes == 100_008 && summary.siteFiles == 3)
        #expect(summary.line == "Published 3 files (100 KB) to u@h:/p in 1.2 s, deleted 1 file the site no longer has")
        let dry = UploadSummary(target: try PublishTarget("u@h:/p"), dryRun: true, report: report, seconds: 1, rememberedNewHostKey: false)
        #expect(dry.line == "Dry run: publishing to u@h:/p would send 3 files and delete 1 file; nothing was changed")
        #expect(dry.listing == ["  + big.bin", "  ~ index.html", "  + a b/c d.html", "  - old/page.html"])
        #expect(UploadSummary.size(999) == "999 bytes" && UploadSummary.size(34_467) == "34 KB" && UploadSummary.size(1_234_567) == "1.2 MB")
    }

    @Test(arguments: [
        (Int32(255), "ssh: connect to host 127.0.0.1 port 1: Connection refused\nrsync: connection unexpectedly closed", UploadError.Kind.unreachable),
        (12, "ssh: Could not resolve hostname nowhere.invalid: Name or service not known", .unreachable),
        (255, "u@127.0.0.1: Permission denied (publickey).", .authenticationRefused),
        (12, "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.", .hostKeyRejected),
        (12, "bash: line 1: rsync: command not found\nrsync: connection unexpectedly closed", .remoteRsyncMissing),
        (11, "rsync: [Receiver] mkdir \"/srv/a/b\" failed: No such file or directory (2)", .remotePathUnusable),
        (3, "rsync: [Receiver] ERROR: cannot stat destination \"/srv/f/\": Not a directory (20)", .remotePathUnusable),
        (20, "rsync error: received SIGINT, SIGTERM, or SIGHUP (code 20)", .interrupted),
        (30, "rsync error: timeout in data send/receive (code 30)", .interrupted),
        (23, "rsync: [Receiver] mkstemp \"/srv/x\" failed: Permission denied (13)", .partialTransfer),
        (24, "file has vanished: \"/site/x.html\"", .partialTransfer),
        (2, "rsync: protocol version mismatch", .failed),
    ])
    func explainsFailures(status: Int32, stderr: String, kind: UploadError.Kind) throws {
        let error = UploadFailureReason.explain(status: status, signal: nil, stderr: stderr, target: try PublishTarget("u@h:/srv/site"))
        #expect(error.kind == kind, "\(error.message)")
        #expect(!error.message.contains("\n") && error.details == stderr)
        if kind == .interrupted { #expect(error.message.hasSuffix("the host keeps the old site; run publish again to finish")) }
    }
}
