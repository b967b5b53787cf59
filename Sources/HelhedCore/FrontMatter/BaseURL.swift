import Foundation

/// Where the site will live, e.g. `https://example.org/boligsocial/`. Every link the build writes is made
/// from it, so the same `Public/` works at a domain root or under a sub-path.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `https://example.org`
    let origin: String
    /// `/boligsocial/` — always starts and ends with `/`.
    public let path: String

    public init?(_ text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        origin = "\(scheme)://\(host)\(port)"
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        guard !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        self.path = path
    }

    public var description: String { origin + path }

    /// The link for a path inside the site (`artikler/kolding/` → `/boligsocial/artikler/kolding/`).
    func link(to sitePath: String) -> String {
        path + sitePath
    }

    /// The absolute URL, for canonical links, feeds and sitemaps.
    func absolute(_ sitePath: String) -> String {
        origin + path + sitePath
    }
}
