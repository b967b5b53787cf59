import Foundation
@testable import HelhedCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// nginx serving a folder on a free 127.0.0.1 port, as a web host would serve the uploaded site. Its configuration,
/// logs and temporary files are in a temporary folder; it runs in the foreground and is stopped with the value.
final class NginxServer: @unchecked Sendable {
    static let binary = "/usr/sbin/nginx"
    let port: Int
    let folder: URL
    private let server: SpawnedProcess

    init(root: URL) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try FreePort.next()
        let scratch = folder.path
        let config = """
            worker_processes 1;
            pid \(scratch)/nginx.pid;
            error_log \(scratch)/error.log;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path \(scratch)/body;
                proxy_temp_path \(scratch)/proxy;
                fastcgi_temp_path \(scratch)/fastcgi;
                uwsgi_temp_path \(scratch)/uwsgi;
                scgi_temp_path \(scratch)/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root.path);
                    index index.html;
                    error_page 404 /404.html;
                }
            }
            """
        let configFile = folder.appendingPathComponent("nginx.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        server = try SpawnedProcess.start(Self.binary, ["-c", configFile.path, "-p", scratch + "/", "-g", "daemon off;"])
        try FreePort.waitUntilListening(port, while: { [server] in server.isRunning }) {
            "nginx did not start: " + ((try? String(contentsOf: self.folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? "")
        }
    }

    deinit {
        server.send(SIGTERM)
        _ = server.wait()
        try? FileManager.default.removeItem(at: folder)
    }

    var address: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Fetches every page under `pagePaths` and every link and `src` in it that points into the site (root-relative,
    /// relative, or absolute under `baseURL`), and returns the addresses that did not answer 200.
    func brokenLinks(pagePaths: [String], baseURL: String) async throws -> [String] {
        let session = URLSession(configuration: .ephemeral)
        var checked: [String: Int] = [:]
        var broken: [String] = []
        func status(_ url: URL) async throws -> Int {
            if let known = checked[url.absoluteString] { return known }
            let (_, response) = try await session.data(from: url)
            let code = (response as? HTTPURLResponse)?.statusCode ?? 0
            checked[url.absoluteString] = code
            return code
        }
        for page in pagePaths {
            let pageURL = URL(string: page, relativeTo: address)!.absoluteURL
            let (data, response) = try await session.data(from: pageURL)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                broken.append(pageURL.absoluteString)
                continue
            }
            for link in Self.links(in: String(decoding: data, as: UTF8.self)) {
                var text = link.replacingOccurrences(of: "&amp;", with: "&")
                if text.hasPrefix(baseURL) { text = "/" + text.dropFirst(baseURL.count) }
                guard !text.hasPrefix("#"), !text.hasPrefix("mailto:"), !text.hasPrefix("//"),
                      let resolved = URL(string: text, relativeTo: pageURL)?.absoluteURL, resolved.host == "127.0.0.1",
                      var parts = URLComponents(url: resolved, resolvingAgainstBaseURL: false) else { continue }
                parts.fragment = nil
                parts.query = nil
                guard let target = parts.url else { continue }
                if try await status(target) != 200 { broken.append("\(target.path) (on \(page))") }
            }
        }
        return broken
    }

    /// `href="…"` and `src="…"`: the theme always quotes attributes with double quotes.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                found.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return found
    }
}

/// A folder's regular files and their bytes, by path inside it, for byte-for-byte comparisons. The upload's holding
/// folder is left out unless asked for.
enum SiteTree {
    static func files(in root: URL, includingHolding: Bool = false) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return files }
        while let relative = walker.nextObject() as? String {
            if !includingHolding && relative.split(separator: "/").contains(".helhed-upload") { continue }
            var isFolder: ObjCBool = false
            let path = rootPath + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// The site's HTML pages as addresses: `artikler/x/index.html` → `/artikler/x/`.
    static func pageAddresses(in files: [String: Data]) -> [String] {
        files.keys.filter { $0.hasSuffix(".html") }.sorted().map { path in
            path == "index.html" ? "/" : path.hasSuffix("/index.html") ? "/" + path.dropLast("index.html".count) : "/" + path
        }
    }

    /// A copy of the repository's committed `Public/` (the real site, built from `Content/`) in `folder`.
    static func copyOfRealSite(into folder: URL) throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let copy = folder.appendingPathComponent("Public")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Public"), to: copy)
        return copy
    }
}
