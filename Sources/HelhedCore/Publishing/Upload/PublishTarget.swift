/// Where `helhed publish` uploads the site: `user@host:/absolute/path`, and the SSH port.
///
/// The parts end up as arguments of rsync and ssh, and rsync deletes whatever the target folder holds that the site
/// does not: so only plain, unambiguous targets are accepted, and each refusal says in one line what is wrong.
struct PublishTarget: Sendable, Hashable, CustomStringConvertible {
    let user: String
    /// A host name, an IPv4 address or an IPv6 address (written `[::1]` in the target).
    let host: String
    /// Absolute, without a trailing slash, never `/`.
    let path: String
    let port: Int

    static let defaultPort = 22
    static let syntax = "user@host:/absolute/path"

    init(_ text: String, port: Int = PublishTarget.defaultPort) throws(UploadError) {
        func refuse(_ reason: String) -> UploadError {
            UploadError(.badTarget, "the publish target must look like \(Self.syntax) (got \"\(text)\"): \(reason)")
        }
        guard (1...65_535).contains(port) else {
            throw UploadError(.badTarget, "the SSH port must be a number from 1 to 65535 (got \(port))")
        }
        guard !text.isEmpty else { throw refuse("it is empty") }
        if let odd = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse(odd == " " ? "it contains a space" : "it contains a blank or control character")
        }
        guard let at = text.firstIndex(of: "@") else { throw refuse("the user is missing (user@…)") }
        let user = String(text[..<at])
        let rest = text[text.index(after: at)...]
        guard !user.isEmpty else { throw refuse("the user is missing (user@…)") }
        guard Self.isUserName(user) else {
            throw refuse("the user \"\(user)\" may only have letters, digits, '.', '_' and '-', and may not start with '-'")
        }

        // An IPv6 address carries colons of its own, so it is bracketed: user@[::1]:/path.
        let host: String
        let afterHost: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw refuse("the IPv6 address has no closing ']'") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw refuse("\"\(host)\" is not an IPv6 address")
            }
            afterHost = rest[rest.index(after: close)...]
        } else {
            guard let colon = rest.firstIndex(of: ":") else { throw refuse("the ':' between host and path is missing") }
            host = String(rest[..<colon])
            afterHost = rest[colon...]
            guard !host.isEmpty else { throw refuse("the host is missing") }
            guard Self.isHostName(host) else {
                throw refuse("the host \"\(host)\" may only have letters, digits, '.' and '-', and may not start with '-'")
            }
        }
        guard afterHost.hasPrefix(":") else { throw refuse("the ':' between host and path is missing") }
        var path = String(afterHost.dropFirst())
        if path.hasPrefix(":") { throw refuse("'::' names an rsync daemon module; Helhed uploads over SSH") }
        guard path.hasPrefix("/") else {
            throw refuse(path.isEmpty ? "the path is missing" : "the path must be absolute (start with '/'), it is \"\(path)\"")
        }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard path != "/" else { throw refuse("the path is '/': the upload deletes what the site does not have, so it needs a folder of its own") }
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if components.contains(where: { $0 == ".." }) { throw refuse("the path may not contain '..'") }
        if components.contains(where: { $0 == "." || $0.isEmpty }) { throw refuse("the path may not contain '.' or '//'") }
        if let odd = path.first(where: { !Self.isPlainPathCharacter($0) }) {
            throw refuse("the path may only have letters, digits and '/', '.', '_', '-', '+' (it has '\(odd)')")
        }
        self.user = user
        self.host = host
        self.path = path
        self.port = port
    }

    /// `user@host:/path`, as the user wrote it (the port is separate).
    var description: String { "\(user)@\(hostInTarget):\(path)" }

    /// What rsync is given as the destination: the trailing slash makes the folder's contents, not the folder, the site.
    var rsyncDestination: String { "\(user)@\(hostInTarget):\(path)/" }

    var hostInTarget: String { host.contains(":") ? "[\(host)]" : host }

    private static func isUserName(_ text: String) -> Bool {
        !text.hasPrefix("-") && text.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || "._-".unicodeScalars.contains($0) }
    }

    /// A leading '-' would make ssh read the host as an option.
    private static func isHostName(_ text: String) -> Bool {
        !text.hasPrefix("-") && !text.hasPrefix(".") && text.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "." || $0 == "-" }
    }

    /// rsync passes the remote path through the remote shell: quotes, `$`, `*`, `~`, `;` and the like would be
    /// interpreted there, so they are refused rather than escaped.
    private static func isPlainPathCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || "/._-+".unicodeScalars.contains($0) }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
