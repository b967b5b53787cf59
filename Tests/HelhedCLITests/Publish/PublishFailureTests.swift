import Foundation
import Testing
@testable import HelhedCore

/// Each way an upload fails against real programs, and the one line it is explained with.
@Suite(.enabled(if: UploadTools.available, "needs sshd, ssh, ssh-keygen and rsync: apt-get install rsync openssh-client openssh-server"))
struct PublishFailureTests {
    /// Uploads the real site with `change` applied to the options, expecting `kind`; returns the error.
    private func failure(_ kind: UploadError.Kind, host: SSHHost, target: PublishTarget? = nil,
                         _ change: (inout UploadOptions) -> Void = { _ in }) throws -> UploadError {
        let own = host.folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let site = try SiteTree.copyOfRealSite(into: own)
        var options = host.options(source: site, target: try target ?? host.target())
        change(&options)
        do {
            _ = try Uploader(options).upload()
            Issue.record("the upload succeeded")
            return UploadError(.failed, "")
        } catch {
            #expect(error.kind == kind, "\(error.message)\n\(error.details)")
            #expect(!error.message.contains("\n"), "\(error.message)")
            let privateKey = try String(contentsOf: host.clientKey, encoding: .utf8)
            for line in privateKey.split(separator: "\n") where !line.hasPrefix("-----") {
                #expect(!error.message.contains(line) && !error.details.contains(line), "key text in the message")
            }
            return error
        }
    }

    @Test func nothingListeningOnThePort() throws {
        let host = try SSHHost()
        let target = try PublishTarget("\(host.user)@127.0.0.1:\(host.disk.path)/site", port: try FreePort.next())
        let error = try failure(.unreachable, host: host, target: target)
        #expect(error.message.hasPrefix("cannot reach 127.0.0.1 port \(target.port) (connection refused)"))
    }

    @Test func aKeyTheHostDoesNotKnow() throws {
        let host = try SSHHost()
        let error = try failure(.authenticationRefused, host: host) { $0.identityFile = host.strangerKey }
        #expect(error.message.contains("refused the login as \(host.user) (Permission denied (publickey"))
        #expect(!FileManager.default.fileExists(atPath: host.disk.appendingPathComponent("site").path))
    }

    @Test func aHostWhoseKeyChanged() throws {
        let host = try SSHHost()
        let strangerPublic = try String(contentsOf: host.strangerKey.appendingPathExtension("pub"), encoding: .utf8)
        try "[127.0.0.1]:\(host.port) \(strangerPublic)".write(to: host.knownHosts, atomically: true, encoding: .utf8)
        let error = try failure(.hostKeyRejected, host: host)
        #expect(error.message.contains("has changed"))
    }

    /// Root may write anywhere, so "not writable" is a file standing where a folder is expected, and a folder whose
    /// parent does not exist.
    @Test func aRemotePathThatCannotBeWritten() throws {
        let host = try SSHHost()
        try "not a folder".write(to: host.disk.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let underFile = try failure(.remotePathUnusable, host: host, target: try host.target("file/site"))
        #expect(underFile.message.contains("cannot be made or written"))
        // rsync's own words, when it delivered them (it does not always).
        if underFile.details.contains("[Receiver]") {
            #expect(underFile.message.contains("cannot be made or written (cannot stat destination"))
            #expect(underFile.message.contains("Not a directory"))
        }
        let missingParent = try failure(.remotePathUnusable, host: host, target: try host.target("missing/deeper/site"))
        #expect(missingParent.message.contains("cannot be made or written"))
        if missingParent.details.contains("[Receiver]") { #expect(missingParent.message.contains("No such file or directory")) }
    }

    @Test func rsyncOrSshNotInstalled() throws {
        let host = try SSHHost()
        let empty = try host.folder.appendingPathComponent("empty-bin/x").creatingFolder().deletingLastPathComponent()
        let noRsync = try failure(.toolMissing, host: host) { $0.searchPath = empty.path }
        #expect(noRsync.message == "rsync is not installed (publish uploads with it); install it with: apt-get install rsync openssh-client")
        let onlyRsync = try host.folder.appendingPathComponent("rsync-only-bin/x").creatingFolder().deletingLastPathComponent()
        let rsync = try #require(RsyncCommand.locate("rsync", searchPath: nil))
        try FileManager.default.createSymbolicLink(at: onlyRsync.appendingPathComponent("rsync"), withDestinationURL: rsync)
        let noSSH = try failure(.toolMissing, host: host) { $0.searchPath = onlyRsync.path }
        #expect(noSSH.message.hasPrefix("ssh is not installed"))
    }

    @Test func aFolderThatIsNotABuiltSite() throws {
        let host = try SSHHost()
        let error = try failure(.nothingToUpload, host: host) {
            $0.source = host.disk.appendingPathComponent("nowhere")
        }
        #expect(error.message.contains("build the site first"))
        let empty = try host.folder.appendingPathComponent("EmptyPublic/x").creatingFolder().deletingLastPathComponent()
        let emptyError = try failure(.nothingToUpload, host: host) { $0.source = empty }
        #expect(emptyError.message.contains("has no index.html"))
    }
}
