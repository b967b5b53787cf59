import Foundation
@testable import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// Whether the real programs the upload tests need are installed; the tests are skipped (visibly) when not.
enum UploadTools {
    static let sshd = "/usr/sbin/sshd"
    static var available: Bool {
        [sshd, "/usr/bin/ssh-keygen"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            && RsyncCommand.locate("rsync", searchPath: nil) != nil && RsyncCommand.locate("ssh", searchPath: nil) != nil
    }
    static var nginxAvailable: Bool { FileManager.default.isExecutableFile(atPath: NginxServer.binary) }
}

/// A real SSH server on 127.0.0.1 for one test: its own host key, a client key made for the test, and a folder that
/// plays the web host's disk. Everything lives in a temporary folder, removed with the value; sshd runs as the current
/// user with options on its command line, so /etc/ssh is neither read nor changed.
final class SSHHost: @unchecked Sendable {
    let folder: URL
    let port: Int
    /// The private key the client logs in with (in `authorized_keys`).
    let clientKey: URL
    /// A key the host does not know.
    let strangerKey: URL
    let knownHosts: URL
    /// Stands for the web host's disk; targets point inside it.
    let disk: URL
    let user: String
    private let server: SpawnedProcess

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-ssh-\(UUID().uuidString)")
        disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        // sshd refuses to start without its privilege separation folder, which Debian only makes when the service runs.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let hostKey = folder.appendingPathComponent("host_key")
        clientKey = folder.appendingPathComponent("client_key")
        strangerKey = folder.appendingPathComponent("stranger_key")
        knownHosts = folder.appendingPathComponent("known_hosts")
        for key in [hostKey, clientKey, strangerKey] {
            try Self.runQuietly("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "helhed-test", "-f", key.path])
        }
        let authorized = folder.appendingPathComponent("authorized_keys")
        try FileManager.default.copyItem(at: clientKey.appendingPathExtension("pub"), to: authorized)
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        port = try FreePort.next()
        server = try SpawnedProcess.start(UploadTools.sshd, ["-D", "-f", "/dev/null", "-p", String(port), "-h", hostKey.path,
                            "-E", folder.appendingPathComponent("sshd.log").path,
                            "-o", "ListenAddress=127.0.0.1", "-o", "AuthorizedKeysFile=\(authorized.path)",
                            "-o", "PidFile=\(folder.appendingPathComponent("sshd.pid").path)", "-o", "StrictModes=no",
                            "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "-o", "UsePAM=no",
                            "-o", "PermitRootLogin=prohibit-password", "-o", "MaxStartups=50"])
        try FreePort.waitUntilListening(port, while: { [server] in server.isRunning }) {
            "sshd did not start: " + ((try? String(contentsOf: self.folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? "")
        }
    }

    deinit {
        server.send(SIGTERM)
        _ = server.wait()
        try? FileManager.default.removeItem(at: folder)
    }

    func target(_ pathInDisk: String = "site") throws -> PublishTarget {
        try PublishTarget("\(user)@127.0.0.1:\(disk.appendingPathComponent(pathInDisk).path)", port: port)
    }

    /// Options that use only this test's keys and known_hosts, never the user's.
    func options(source: URL, target: PublishTarget, dryRun: Bool = false, key: URL? = nil) -> UploadOptions {
        UploadOptions(source: source, target: target, dryRun: dryRun, identityFile: key ?? clientKey, knownHostsFile: knownHosts,
                      sshConfigFile: URL(fileURLWithPath: "/dev/null"))
    }

    static func runQuietly(_ executable: String, _ arguments: [String]) throws {
        guard try SpawnedProcess.start(executable, arguments).wait().status == 0 else { throw FixtureError("\(executable) \(arguments.joined(separator: " ")) failed") }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Ports for the test servers: the system picks a free one, and the server binds it right after. Another process
/// could take it in between; on a test machine that is rare enough.
enum FreePort {
    static func next() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FixtureError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw FixtureError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func isListening(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Polls for up to 20 s (the machine may be busy with other builds).
    static func waitUntilListening(_ port: Int, while alive: () -> Bool, failure: () -> String) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if isListening(port) { return }
            guard alive() else { throw FixtureError(failure()) }
            usleep(20_000)
        }
        throw FixtureError(failure())
    }
}
