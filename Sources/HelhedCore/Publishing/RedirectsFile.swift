import Foundation

/// `_redirects`: the site's redirects in the format Netlify and Cloudflare Pages read (`/old/ /new/ 301`, one a line,
/// sorted by old address), so those hosts answer an old address with a real 301; every other host serves the redirect
/// pages. A `_redirects` the editors keep in `Content/` (rules of their own) comes first, as written; the build's
/// lines follow. Written only when there is something to write.
enum RedirectsFile {
    static let path = "_redirects"

    static func isHandWritten(_ file: StaticFile) -> Bool { file.sitePath == path }

    static func make(_ redirects: [Redirect], site: Site) throws(BuildFailure) -> OutputFile? {
        var text = ""
        if let handWritten = site.staticFiles.first(where: isHandWritten) {
            guard let data = FileManager.default.contents(atPath: handWritten.source.path) else {
                throw BuildFailure([.error(handWritten.source.path, "the file cannot be read")])
            }
            text = String(decoding: data, as: UTF8.self)
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        }
        guard !redirects.isEmpty || !text.isEmpty else { return nil }
        if !redirects.isEmpty { text += "# Old addresses of this site's pages (written by helhed build)\n" }
        for redirect in redirects {
            text += site.baseURL.link(to: redirect.from) + " " + site.baseURL.link(to: site.sitePath(of: redirect.to)) + " 301\n"
        }
        return OutputFile(path: path, contents: .text(text))
    }
}
