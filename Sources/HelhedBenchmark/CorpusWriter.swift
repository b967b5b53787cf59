import Foundation

/// Writes one corpus three ways: a Helhed `Content/` folder, an equivalent Hugo site, and the bare Markdown bodies
/// that the `cmark` floor renders.
struct CorpusWriter {
    let corpus: Corpus
    let folder: URL

    /// `folder/helhed/Content`, `folder/hugo`, `folder/cmark/{all,half-1,half-2}.md`.
    func writeAll() throws {
        try? FileManager.default.removeItem(at: folder)
        try writeHelhed(into: folder.appendingPathComponent("helhed/Content"))
        try writeHugo(into: folder.appendingPathComponent("hugo"))
        try writeCmarkInputs(into: folder.appendingPathComponent("cmark"))
    }

    // MARK: Helhed

    func writeHelhed(into content: URL) throws {
        let articles = content.appendingPathComponent("artikler")
        let glossary = content.appendingPathComponent("ordforklaringer")
        try make(articles)
        try make(glossary)
        try write("title: \(Corpus.siteTitle)\ndescription: \(Corpus.siteDescription)\nbase_url: \(Corpus.baseURL)\nlanguage: da\npublisher: Helhed\n",
                  to: content.appendingPathComponent("site.yml"))
        for article in corpus.articles {
            try write(Self.helhedArticle(article), to: articles.appendingPathComponent(article.file))
        }
        for term in corpus.terms {
            var text = "---\ntitle: \(quoted(term.title))\nsummary: \(quoted(term.summary))\n"
            text += list("aliases", term.aliases) + list("related", term.related)
            text += "---\n\n" + term.body
            try write(text, to: glossary.appendingPathComponent(term.file))
        }
    }

    static func helhedArticle(_ article: CorpusArticle, body: String? = nil) -> String {
        var text = "---\ntitle: \(quoted(article.title))\ndate: \(article.date)\nkind: \(article.kind)\nsummary: \(quoted(article.summary))\n"
        text += list("tags", article.tags)
        return text + "---\n\n" + (body ?? article.body)
    }

    // MARK: Hugo

    /// The same pages for Hugo: articles in a section with tags (Hugo's taxonomy pages match Helhed's emner), terms in
    /// a section whose list page is the glossary. `[[…]]` stays text (Hugo has no glossary); `.md` links stay as written.
    func writeHugo(into site: URL) throws {
        let articles = site.appendingPathComponent("content/artikler")
        let glossary = site.appendingPathComponent("content/ordforklaringer")
        try make(articles)
        try make(glossary)
        try write(HugoSite.config, to: site.appendingPathComponent("config.toml"))
        for (path, text) in HugoSite.layouts {
            let url = site.appendingPathComponent("layouts/" + path)
            try make(url.deletingLastPathComponent())
            try write(text, to: url)
        }
        try write("---\ntitle: \"Artikler\"\n---\n", to: articles.appendingPathComponent("_index.md"))
        try write("---\ntitle: \"Ordforklaringer\"\n---\n", to: glossary.appendingPathComponent("_index.md"))
        for article in corpus.articles {
            var text = "---\ntitle: \(quoted(article.title))\ndate: \(article.date)\ndescription: \(quoted(article.summary))\nkind: \(article.kind)\n"
            text += list("tags", article.tags) + "---\n\n" + article.body
            try write(text, to: articles.appendingPathComponent(article.file))
        }
        for term in corpus.terms {
            var text = "---\ntitle: \(quoted(term.title))\ndescription: \(quoted(term.summary))\n"
            // Not `aliases`: in Hugo those are redirect addresses.
            text += list("synonyms", term.aliases) + list("related", term.related)
            text += "---\n\n" + term.body
            try write(text, to: glossary.appendingPathComponent(term.file))
        }
    }

    // MARK: cmark

    /// Every body (articles and terms, no front matter) concatenated into one input, and the same split into two
    /// halves so that two `cmark` processes can use both cores. One process per file would measure process start-up.
    func writeCmarkInputs(into folder: URL) throws {
        try make(folder)
        let bodies = corpus.articles.map(\.body) + corpus.terms.map(\.body)
        try write(bodies.joined(separator: "\n"), to: folder.appendingPathComponent("all.md"))
        let middle = bodies.count / 2
        try write(bodies[..<middle].joined(separator: "\n"), to: folder.appendingPathComponent("half-1.md"))
        try write(bodies[middle...].joined(separator: "\n"), to: folder.appendingPathComponent("half-2.md"))
    }

    // MARK: Helpers

    private func make(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    private func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    private func quoted(_ text: String) -> String { Self.quoted(text) }
    private func list(_ key: String, _ values: [String]) -> String { Self.list(key, values) }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func list(_ key: String, _ values: [String]) -> String {
        values.isEmpty ? "" : "\(key):\n" + values.map { "  - \(quoted($0))\n" }.joined()
    }
}

/// A minimal Hugo site that renders the same kinds of page as Helhed's theme: title, date, summary, tags, table of
/// contents and body on article pages; lists of articles on the home, section and tag pages; the glossary as a list.
/// One Atom/RSS feed (home) and the sitemap, like Helhed; no per-section or per-tag feeds.
enum HugoSite {
    static let config = """
    baseURL = "\(Corpus.baseURL)"
    languageCode = "da"
    title = "\(Corpus.siteTitle)"
    disableKinds = []

    [params]
    description = "\(Corpus.siteDescription)"

    [taxonomies]
    tag = "tags"

    [outputs]
    home = ["HTML", "RSS"]
    section = ["HTML"]
    taxonomy = ["HTML"]
    term = ["HTML"]

    """

    static let layouts: [(String, String)] = [
        ("_default/baseof.html", """
        <!DOCTYPE html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
        <meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
        <link rel="canonical" href="{{ .Permalink }}">
        <meta property="og:title" content="{{ .Title }}">
        <meta property="og:url" content="{{ .Permalink }}">
        </head>
        <body>
        <header><nav><a href="{{ "" | relURL }}">Forside</a> <a href="{{ "artikler/" | relURL }}">Artikler</a> <a href="{{ "ordforklaringer/" | relURL }}">Ordforklaringer</a> <a href="{{ "tags/" | relURL }}">Emner</a></nav></header>
        <main id="hovedindhold">
        {{ block "main" . }}{{ end }}
        </main>
        <footer><p>{{ site.Title }}</p></footer>
        </body>
        </html>

        """),
        ("_default/single.html", """
        {{ define "main" }}
        <article>
        <p class="kicker">{{ .Params.kind }}</p>
        <h1>{{ .Title }}</h1>
        {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
        <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2. January 2006" }}</time></p>
        {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
        <nav class="toc">{{ .TableOfContents }}</nav>
        <div class="prose">
        {{ .Content }}
        </div>
        </article>
        {{ end }}

        """),
        ("ordforklaringer/single.html", """
        {{ define "main" }}
        <article class="term">
        <p class="kicker">Ordforklaring</p>
        <h1>{{ .Title }}</h1>
        <p class="lead definition">{{ .Description }}</p>
        {{ with .Params.synonyms }}<p class="aliases">Andre former: {{ range . }}<span class="alias">{{ . }}</span>{{ end }}</p>{{ end }}
        <div class="prose">
        {{ .Content }}
        </div>
        {{ with .Params.related }}<ul class="related">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
        </article>
        {{ end }}

        """),
        ("_default/list.html", """
        {{ define "main" }}
        <h1>{{ .Title }}</h1>
        <ul class="cards">
        {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} <p>{{ . }}</p>{{ end }}</li>
        {{ end }}
        </ul>
        {{ end }}

        """),
        ("index.html", """
        {{ define "main" }}
        <h1>{{ site.Title }}</h1>
        <ul class="cards">
        {{ range where site.RegularPages "Section" "artikler" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2. January 2006" }}</time>{{ with .Description }} <p>{{ . }}</p>{{ end }}</li>
        {{ end }}
        </ul>
        {{ end }}

        """),
    ]
}
