import Foundation

/// What one upload does: which folder goes where, and how ssh is to connect.
struct UploadOptions: Sendable {
    /// The built site (`Public/`); its contents become the contents of the target folder.
    var source: URL
    var target: PublishTarget
    /// List what would change and change nothing.
    var dryRun: Bool
    /// The private key ssh offers; nil lets ssh pick the user's own keys and agent as usual.
    var identityFile: URL?
    /// Where host keys are remembered; nil is ssh's default (`~/.ssh/known_hosts`). Tests give a file of their own.
    var knownHostsFile: URL?
    /// An ssh configuration file instead of `~/.ssh/config` (tests pass /dev/null so the user's settings stay out).
    var sshConfigFile: URL?
    /// Where rsync and ssh are looked for; nil is this process's PATH.
    var searchPath: String?
    /// rsync's `--bwlimit` in KiB/s; nil for no limit.
    var bandwidthLimit: Int?
    /// Seconds without any data before rsync gives up (rsync `--timeout`).
    var ioTimeout: Int
    /// Seconds ssh waits for the connection to be made.
    var connectTimeout: Int

    init(source: URL, target: PublishTarget, dryRun: Bool = false, identityFile: URL? = nil, knownHostsFile: URL? = nil,
                sshConfigFile: URL? = nil, searchPath: String? = nil, bandwidthLimit: Int? = nil, ioTimeout: Int = 120,
                connectTimeout: Int = 15) {
        self.source = source
        self.target = target
        self.dryRun = dryRun
        self.identityFile = identityFile
        self.knownHostsFile = knownHostsFile
        self.sshConfigFile = sshConfigFile
        self.searchPath = searchPath
        self.bandwidthLimit = bandwidthLimit
        self.ioTimeout = ioTimeout
        self.connectTimeout = connectTimeout
    }
}

/// rsync's command line for an upload, as an argument array: nothing passes through a local shell.
enum RsyncCommand {
    /// Where rsync keeps partly sent files and, with `--delay-updates`, finished ones until the switch-over. Relative,
    /// so it sits inside each target folder (renames stay on one file system) and rsync neither uploads nor deletes it.
    static let holdingFolder = ".helhed-upload"

    /// `ssh` and `rsync` as found in `searchPath`.
    static func locate(_ tool: String, searchPath: String?) -> URL? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func arguments(_ options: UploadOptions, ssh: URL) throws(UploadError) -> [String] {
        var arguments = [
            "--recursive", "--links",
            // Compare by content, not by size and time: every build rewrites every file, so times always differ.
            // Times are not sent either (no --times): an unchanged file then keeps its time on the host, and with it
            // the web server's Last-Modified and ETag, so visitors' caches stay valid.
            "--checksum",
            // Readable by the web server whatever the local umask was.
            "--perms", "--chmod=D755,F644",
            // New and changed files wait in the holding folder and are renamed into place at the end, after which
            // what the site no longer has is deleted: visitors never see half a site.
            "--delay-updates", "--partial-dir=\(holdingFolder)", "--delete-after",
            "--compress",
            "--timeout=\(options.ioTimeout)",
            // Plain numbers (no digit grouping), the statistics, and one line per change: what `RsyncReport` reads.
            "--no-human-readable", "--stats", "--out-format=\(RsyncReport.lineFormat)",
        ]
        if options.dryRun { arguments.append("--dry-run") }
        if let limit = options.bandwidthLimit { arguments.append("--bwlimit=\(limit)") }
        arguments += ["--rsh", try sshCommand(options, ssh: ssh)]
        var source = options.source.standardizedFileURL.path
        if !source.hasSuffix("/") { source += "/" }
        arguments += [source, options.target.rsyncDestination]
        return arguments
    }

    /// rsync splits `--rsh` at spaces itself and honours single quotes, so paths are single-quoted; a path that has a
    /// quote of its own is refused.
    static func sshCommand(_ options: UploadOptions, ssh: URL) throws(UploadError) -> String {
        var words = [try quoted(ssh.path), "-p", String(options.target.port),
                     // Never ask for a password or a passphrase: there may be nobody to type it, and it would hang.
                     "-o", "BatchMode=yes",
                     // Trust a host on first use and remember it; refuse if its key changes later.
                     "-o", "StrictHostKeyChecking=accept-new",
                     "-o", "ConnectTimeout=\(options.connectTimeout)",
                     "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"]
        if let file = options.sshConfigFile { words += ["-F", try quoted(file.path)] }
        if let file = options.knownHostsFile { words += ["-o", "UserKnownHostsFile=" + (try quoted(file.path))] }
        if let file = options.identityFile { words += ["-i", try quoted(file.path), "-o", "IdentitiesOnly=yes"] }
        return words.joined(separator: " ")
    }

    private static func quoted(_ path: String) throws(UploadError) -> String {
        guard !path.contains("'") else { throw UploadError(.badSettings, "a file path given to ssh may not contain a single quote: \(path)") }
        return "'" + path + "'"
    }
}
