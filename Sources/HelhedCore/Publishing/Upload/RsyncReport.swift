/// One change an upload made, or would make with `--dry-run`.
struct UploadChange: Sendable, Hashable {
    enum Action: String, Sendable {
        /// A file the host did not have.
        case add
        /// A file whose content differs from the host's.
        case replace
        /// A file the site no longer has.
        case delete
        case createFolder
        case createLink
        /// Same content, other permissions: nothing but the mode is sent.
        case attributes
    }

    let action: Action
    /// Inside the site, e.g. `artikler/hej/index.html`; folders end in `/`.
    let path: String
    /// Bytes rsync counted for this item on the wire (for a file: its data after delta and compression).
    let bytes: Int

    /// Whether the file's content went to the host.
    var sendsContent: Bool { action == .add || action == .replace }
}

/// What rsync printed on standard output: one `--out-format` line per change, then `--stats`.
struct RsyncReport {
    /// The itemized change (11 characters, e.g. `<fc.p......` or `*deleting  `), the bytes for the item, its name
    /// last because a name may contain spaces.
    static let lineFormat = "%i %b %n%L"

    /// The regular files among "Number of files: 5 (reg: 3, dir: 2)".
    static let regularFiles = "Number of regular files"

    var changes: [UploadChange] = []
    /// `--stats`, by label ("Total bytes sent" → 1234).
    var statistics: [String: Int] = [:]

    init(_ output: String) {
        for line in output.split(whereSeparator: \.isNewline) {
            if let change = Self.change(line) {
                changes.append(change)
            } else if let colon = line.firstIndex(of: ":") {
                // "Total bytes sent: 1234" and "Number of files: 5 (reg: 3, dir: 2)": the first number counts.
                let label = String(line[..<colon])
                let number = line[line.index(after: colon)...].drop(while: { $0 == " " }).prefix(while: \.isNumber)
                if let value = Int(number) { statistics[label] = value }
                if label == "Number of files", let regular = line.range(of: "reg: ") {
                    statistics[Self.regularFiles] = Int(line[regular.upperBound...].prefix(while: \.isNumber)) ?? 0
                }
            }
        }
    }

    private static func change(_ line: Substring) -> UploadChange? {
        let characters = Array(line)
        guard characters.count > 13, characters[11] == " " else { return nil }
        let code = String(characters[0..<11])
        let rest = characters[12...]
        guard let space = rest.firstIndex(of: " "), let bytes = Int(String(rest[rest.startIndex..<space])) else { return nil }
        let name = String(rest[(space + 1)...])
        let path = name == "./" ? "" : name
        if code.hasPrefix("*deleting") { return UploadChange(action: .delete, path: path, bytes: bytes) }
        let type = characters[1]
        let isNew = code.dropFirst(2).allSatisfy { $0 == "+" }
        switch (characters[0], type) {
        case ("<", "f"), (">", "f"): return UploadChange(action: isNew ? .add : .replace, path: path, bytes: bytes)
        case ("c", "d"): return UploadChange(action: .createFolder, path: path, bytes: bytes)
        case ("c", "L"): return UploadChange(action: .createLink, path: path, bytes: bytes)
        case (".", "f"), (".", "d"), (".", "L"):
            // A line with nothing but dots is an unchanged item that rsync lists anyway (never for --checksum runs
            // without --verbose, but harmless).
            return code.dropFirst(2).allSatisfy({ $0 == "." || $0 == " " }) ? nil : UploadChange(action: .attributes, path: path, bytes: bytes)
        default: return nil
        }
    }
}

/// The outcome of an upload: what changed, what it cost, and one line that says so.
public struct UploadSummary: Sendable {
    let target: PublishTarget
    let dryRun: Bool
    let changes: [UploadChange]
    /// Bytes rsync sent over the connection, everything included (file list, checksums, data, protocol).
    let bytesSent: Int
    let bytesReceived: Int
    /// Bytes of file content sent after delta transfer, before compression.
    let literalBytes: Int
    /// Regular files in the site, and their total size.
    let siteFiles: Int
    let siteBytes: Int
    let seconds: Double
    /// The host was new to known_hosts and its key has now been remembered (trust on first use).
    let rememberedNewHostKey: Bool

    init(target: PublishTarget, dryRun: Bool, report: RsyncReport, seconds: Double, rememberedNewHostKey: Bool) {
        self.target = target
        self.dryRun = dryRun
        self.changes = report.changes
        self.bytesSent = report.statistics["Total bytes sent"] ?? 0
        self.bytesReceived = report.statistics["Total bytes received"] ?? 0
        self.literalBytes = report.statistics["Literal data"] ?? 0
        self.siteFiles = report.statistics[RsyncReport.regularFiles] ?? 0
        self.siteBytes = report.statistics["Total file size"] ?? 0
        self.seconds = seconds
        self.rememberedNewHostKey = rememberedNewHostKey
    }

    var filesSent: [UploadChange] { changes.filter(\.sendsContent) }
    var filesDeleted: [UploadChange] { changes.filter { $0.action == .delete } }

    /// "Published 12 files (34 KB) to user@host:/path in 1.2 s", or for a dry run what would happen.
    var line: String {
        let sent = filesSent.count, deleted = filesDeleted.count
        let deletion = deleted == 0 ? "" : ", deleted \(Self.count(deleted, "file")) the site no longer has"
        if dryRun {
            if sent == 0 && deleted == 0 { return "Dry run: \(target) already has this site; nothing would change" }
            return "Dry run: publishing to \(target) would send \(Self.count(sent, "file"))\(deleted == 0 ? "" : " and delete \(Self.count(deleted, "file"))"); nothing was changed"
        }
        let time = seconds < 10 ? String(Double(Int(seconds * 10)) / 10) : String(Int(seconds.rounded()))
        return "Published \(Self.count(sent, "file")) (\(Self.size(bytesSent))) to \(target) in \(time) s\(deletion)"
    }

    /// For a dry run: one line per change, `+` new, `~` changed, `-` deleted.
    var listing: [String] {
        changes.compactMap { change in
            switch change.action {
            case .add: "  + \(change.path)"
            case .replace: "  ~ \(change.path)"
            case .delete: "  - \(change.path)"
            case .createLink: "  + \(change.path) (link)"
            case .createFolder, .attributes: nil
            }
        }
    }

    /// What `helhed publish` prints about the upload: `notices` for standard error, `lines` for standard output.
    public func printed(verbose: Bool) -> (notices: [String], lines: [String]) {
        let notices = rememberedNewHostKey
            ? ["helhed: first connection to \(target.host): its host key is now remembered, and a changed key will be refused"] : []
        var lines = [line] + (dryRun ? listing : [])
        if verbose {
            lines.append("Sent \(bytesSent) bytes (\(literalBytes) of them file data after delta transfer), received \(bytesReceived); the site has \(siteFiles) files, \(siteBytes) bytes")
        }
        return (notices, lines)
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// Decimal units, as file managers and web hosts count.
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 1_000 && unit < units.count - 1 { value /= 1_000; unit += 1 }
        let shown = value < 10 ? String(Double(Int(value * 10)) / 10) : String(Int(value.rounded()))
        return "\(shown) \(units[unit])"
    }
}
