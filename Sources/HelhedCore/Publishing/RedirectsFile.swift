/// `_redirects`: the site's redirects in the format Netlify and Cloudflare Pages read (`/old/ /new/ 301`, one a line),
/// so those hosts answer an old address with a real 301; every other host serves the redirect pages. Sorted by old
/// address, always written (a comment alone when there are none), so the site's files do not depend on its history.
enum RedirectsFile {
    static let path = "_redirects"

    static func make(_ redirects: [Redirect], site: Site) -> OutputFile {
        var text = "# Old addresses and the pages that have them now (helhed build writes this file for Netlify and Cloudflare Pages).\n"
        for redirect in redirects {
            text += site.baseURL.link(to: redirect.from) + " " + site.baseURL.link(to: site.sitePath(of: redirect.to)) + " 301\n"
        }
        return OutputFile(path: path, contents: .text(text))
    }
}
