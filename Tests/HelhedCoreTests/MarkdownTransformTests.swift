import Foundation
import Testing
@testable import HelhedCore

/// The AST transforms: heading ids and anchors, contents, internal links, glossary references, automatic term
/// links and backlinks — each rule, and each error with its message.
@Suite struct MarkdownTransformTests {
    static let terms: [String: String] = [
        "Content/ordforklaringer/helhedsplan.md": Page.term(title: "helhedsplan", summary: "En samlet plan for et boligområde.",
                                                           aliases: ["helhedsplaner", "helhedsplanen"]),
        "Content/ordforklaringer/boligsocial-helhedsplan.md": Page.term(title: "boligsocial helhedsplan", summary: "En plan for det sociale arbejde.",
                                                                       aliases: ["boligsociale helhedsplaner"]),
        "Content/ordforklaringer/aeldreraad.md": Page.term(title: "ældreråd", summary: "Et råd af ældre \"borgere\" & <andre>."),
        "Content/ordforklaringer/lbf.md": Page.term(title: "Landsbyggefonden", summary: "Fonden.", aliases: ["Landsbyggefondens"],
                                                    body: "Fonden støtter hver helhedsplan. Landsbyggefonden nævnes her."),
    ]

    /// Builds one article with `body` (plus the terms) and returns its page, or the build's messages.
    static func article(_ body: String, extra: String = "", config: String = FixtureSite.minimalConfig,
                        more: [String: String] = [:]) throws -> (html: String, messages: [String], site: FixtureSite) {
        var files = terms.merging(more) { $1 }
        files["Content/artikler/a.md"] = Page.article(title: "Artiklen", extra: extra, body: body)
        let site = try FixtureSite(files: files, config: config)
        let messages = site.failingBuild()
        guard messages.isEmpty else { return ("", messages, site) }
        return (try site.read("artikler/artiklen/index.html"), [], site)
    }

    // MARK: Headings

    @Test func headingsGetStableUniqueIDsAndAnAccessibleAnchor() throws {
        let (html, messages, _) = try Self.article("## Hvem betaler?\n\n### Hvem betaler?\n\n#### Æbler & pærer\n\n## Hvem betaler?\n\n##### Ikke med\n")
        #expect(messages.isEmpty)
        #expect(html.contains("<h2 id=\"hvem-betaler\">"))
        #expect(html.contains("<h3 id=\"hvem-betaler-2\">"))
        #expect(html.contains("<h4 id=\"aebler-paerer\">"))
        #expect(html.contains("<h2 id=\"hvem-betaler-3\">"))
        #expect(html.contains("<h5>Ikke med</h5>"))
        #expect(html.contains("<a class=\"heading-anchor\" href=\"#aebler-paerer\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link til afsnittet “Æbler &amp; pærer”</span></a>"))
    }

    @Test func headingIDsNeverTakeTheTemplatesOwnIDs() throws {
        let (html, _, _) = try Self.article("## Indholdsfortegnelse\n")
        #expect(html.contains("<h2 id=\"indholdsfortegnelse-2\">"))
    }

    @Test func markupInHeadingsIsEscapedInTheAnchorLabel() throws {
        let (html, _, _) = try Self.article("## Om `<script>` og \"citater\"\n")
        #expect(html.contains("<h2 id=\"om-script-og-citater\">"))
        #expect(html.contains("Link til afsnittet “Om &lt;script&gt; og &quot;citater&quot;”"))
        #expect(!html.contains("<script>"))
    }

    // MARK: Table of contents

    @Test func threeH2SectionsGetANestedTableOfContents() throws {
        let (html, _, _) = try Self.article("## Et\n\n### Et a\n\n## To\n\n#### Dybt\n\n## Tre\n")
        #expect(html.contains("<nav class=\"toc\" aria-labelledby=\"indholdsfortegnelse\">"))
        #expect(html.contains("<li><a href=\"#et\">Et</a><ol><li><a href=\"#et-a\">Et a</a></li></ol></li>"))
        #expect(html.contains("<li><a href=\"#to\">To</a></li>"))
        #expect(!html.contains("href=\"#dybt\">Dybt</a></li></ol>"))
    }

    @Test func twoH2SectionsGetNoTableOfContents() throws {
        let (html, _, _) = try Self.article("## Et\n\n### Under\n\n## To\n")
        #expect(!html.contains("class=\"toc\""))
    }

    @Test func tableOfContentsModel() {
        let headings = [Heading(level: 2, text: "A", id: "a"), Heading(level: 3, text: "A1", id: "a1"), Heading(level: 2, text: "B", id: "b"),
                        Heading(level: 4, text: "B1", id: "b1"), Heading(level: 2, text: "C", id: "c")]
        let contents = ContentsEntry.tableOfContents(for: headings)
        #expect(contents.map(\.id) == ["a", "b", "c"])
        #expect(contents[0].children.map(\.id) == ["a1"])
        #expect(contents[1].children.isEmpty)
        #expect(ContentsEntry.tableOfContents(for: Array(headings.prefix(3))).isEmpty)
    }

    // MARK: Internal links

    @Test func linksToMarkdownFilesBecomePageURLsWithCheckedFragments() throws {
        let other = Page.article(title: "Den anden", body: "## Et afsnit\n")
        let (html, messages, _) = try Self.article("[a](b.md) [b](b.md#et-afsnit) [c](../ordforklaringer/helhedsplan.md) [d](./b.md) [e](#egen)\n\n## Egen\n",
                                                   more: ["Content/artikler/b.md": other])
        #expect(messages.isEmpty)
        #expect(html.contains("<a href=\"/artikler/den-anden/\">a</a>"))
        #expect(html.contains("<a href=\"/artikler/den-anden/#et-afsnit\">b</a>"))
        #expect(html.contains("<a href=\"/ordforklaringer/helhedsplan/\">c</a>"))
        #expect(html.contains("<a href=\"/artikler/den-anden/\">d</a>"))
        #expect(html.contains("<a href=\"#egen\">e</a>"))
    }

    @Test func internalLinksRespectASubPathBaseURL() throws {
        let config = FixtureSite.minimalConfig.replacingOccurrences(of: "https://example.org/", with: "https://example.org/boligsocial/")
        let (html, _, _) = try Self.article("[c](../ordforklaringer/helhedsplan.md) ![kort](../billeder/kort.svg) [[helhedsplan]]", config: config,
                                            more: ["Content/billeder/kort.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        #expect(html.contains("<a href=\"/boligsocial/ordforklaringer/helhedsplan/\">c</a>"))
        #expect(html.contains("<img src=\"/boligsocial/billeder/kort.svg\" alt=\"kort\" />"))
        #expect(html.contains("<a class=\"term\" href=\"/boligsocial/ordforklaringer/helhedsplan/\""))
    }

    @Test func linksToFilesAreCheckedAndRewritten() throws {
        let (html, messages, _) = try Self.article("[rapport](../filer/rapport%202022.pdf) ![kort](/billeder/kort.svg)",
                                                   more: ["Content/filer/rapport 2022.pdf": "%PDF", "Content/billeder/kort.svg": "<svg/>"])
        #expect(messages.isEmpty)
        #expect(html.contains("<a href=\"/filer/rapport%202022.pdf\">rapport</a>"))
        #expect(html.contains("<img src=\"/billeder/kort.svg\" alt=\"kort\" />"))
    }

    @Test func externalLinksAreLeftAsTheyAre() throws {
        let (html, messages, _) = try Self.article("[a](https://lbf.dk/x?y=1#z) [b](mailto:info@example.org) [c](//cdn.example.org/x)")
        #expect(messages.isEmpty)
        #expect(html.contains("<a href=\"https://lbf.dk/x?y=1#z\">a</a>"))
        #expect(html.contains("<a href=\"mailto:info@example.org\">b</a>"))
        #expect(html.contains("<a href=\"//cdn.example.org/x\">c</a>"))
    }

    @Test func brokenLinksAreErrorsWithFileAndLine() throws {
        let other = Page.article(title: "Den anden", body: "## Et afsnit\n")
        let (_, messages, _) = try Self.article("""
            Første linje.

            [a](mangler.md) og [b](b.md#et-afsnt)

            [c](#ingen) [d](../billeder/ingen.png) [e](../../hemmelig.txt)

            [f](../ordforklaringer/) [g](/etc/passwd)
            """, more: ["Content/artikler/b.md": other])
        #expect(messages == [
            "Content/artikler/a.md:10: error: the link \"mangler.md\" points at artikler/mangler.md, which does not exist",
            "Content/artikler/a.md:10: error: the link \"b.md#et-afsnt\" points at a heading that Content/artikler/b.md does not have (did you mean #et-afsnit?)",
            "Content/artikler/a.md:12: error: the link \"#ingen\" points at a heading this page does not have",
            "Content/artikler/a.md:12: error: the link \"../../hemmelig.txt\" leads outside the content folder",
            "Content/artikler/a.md:12: error: the link \"../billeder/ingen.png\" points at billeder/ingen.png, which does not exist in the content folder",
            "Content/artikler/a.md:14: error: the link \"../ordforklaringer/\" points at a folder; link to a file in it",
            "Content/artikler/a.md:14: error: the link \"/etc/passwd\" does not point at a page or file of the site (a link starting with / is read from the site's root, not from your computer); link relative to this file, e.g. ../artikler/x.md",
        ].sorted())
    }

    /// `LinkResolver` reads ASCII addresses byte by byte; that must be what the Character-based reading gives.
    @Test func addressesReadAsBytesAgreeWithCharacters() {
        let addresses = ["https://x.dk/a#b", "mailto:a@b.dk", "a.md", "../x/y.md#frag", "//cdn/x", "a//b/./../c/", "/", "",
                         "1abc:x", "a+b-c.d:e", "ab_c:d", "#", "x#y#z", "c:\\x", "java script:x", "æble.md#ø", "a\u{301}:b#c\u{301}"]
        for address in addresses {
            let colon = address.firstIndex(of: ":")
            let candidate = colon.map { address[..<$0] }
            let scheme = candidate.flatMap { candidate -> String? in
                guard let first = candidate.first, first.isASCII, first.isLetter,
                      candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
                else { return nil }
                return String(candidate)
            }
            #expect(LinkResolver.scheme(of: address) == scheme, "\(address)")
            #expect(LinkResolver.segments(of: address) == address.split(separator: "/"), "\(address)")
            let hash = address.firstIndex(of: "#")
            #expect(LinkResolver.splitFragment(address).path == hash.map { String(address[..<$0]) } ?? address, "\(address)")
        }
    }

    /// The usual link, a file name next to the page, skips the general steps; only addresses those steps would leave
    /// unchanged may take that way, split as `splitFragment` splits them.
    @Test func plainFileNamesAreRecognisedExactly() {
        for address in ["x.md", "artikel-00042.md#baggrund", "a_b.C-1.md#", "kort.svg", "x.md#a#b"] {
            let split = LinkResolver.splitFragment(address)
            let plain = LinkResolver.plainFileName(address)
            #expect(plain?.name == split.path && plain?.fragment == split.fragment, "\(address)")
        }
        for address in ["", "#top", ".md", "..", "../x.md", "a/b.md", "/x.md", "x.md#a%20b", "x%20y.md", "mailto:a", "x.md?q",
                        "æble.md", "a b.md", "c:\\x"] {
            #expect(LinkResolver.plainFileName(address) == nil, "\(address)")
        }
    }

    @Test func scriptLinksNeverReachTheOutput() throws {
        let (html, messages, site) = try Self.article("[klik](javascript:alert(1)) [x](JaVaScRiPt:alert(2)) ![y](vbscript:z)")
        #expect(messages.isEmpty)
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.lowercased().contains("vbscript:"))
        #expect(html.contains("klik"))
        let report = try site.build()
        #expect(report.warnings.map(\.description).contains(
            "Content/artikler/a.md:8: warning: removed a link to a javascript: address; such addresses can run code in the reader's browser"))
    }

    // MARK: Glossary references

    @Test func glossaryReferencesLinkTheTermAndShowTheText() throws {
        let (html, messages, _) = try Self.article("Se [[Helhedsplaner]] og [[helhedsplan|planen her]] og [[ Landsbyggefondens ]].", extra: "autolink: false")
        #expect(messages.isEmpty)
        #expect(html.contains("<a class=\"term\" href=\"/ordforklaringer/helhedsplan/\" aria-describedby=\"definition-helhedsplan\" data-definition=\"En samlet plan for et boligområde.\">Helhedsplaner</a>"))
        #expect(html.contains(">planen her</a>"))
        #expect(html.contains("href=\"/ordforklaringer/landsbyggefonden/\""))
        #expect(html.contains("<dd id=\"definition-helhedsplan\">En samlet plan for et boligområde.</dd>"), "the definition the link describes itself by")
    }

    @Test func summariesInTermLinksAreEscaped() throws {
        let (html, _, _) = try Self.article("[[ældreråd]]")
        #expect(html.contains("data-definition=\"Et råd af ældre &quot;borgere&quot; &amp; &lt;andre&gt;.\""))
    }

    @Test func unknownTermsAreErrorsWithSuggestions() throws {
        let (_, messages, _) = try Self.article("Linje et.\n\nOg [[helhedsplam]] samt [[zzz]].")
        #expect(messages == [
            "Content/artikler/a.md:10: error: [[helhedsplam]] is not a term of the glossary; did you mean \"helhedsplan\", \"helhedsplanen\", \"helhedsplaner\"?",
            "Content/artikler/a.md:10: error: [[zzz]] is not a term of the glossary",
        ])
    }

    @Test func bracketsInCodeAreNotReferences() throws {
        let (html, messages, _) = try Self.article("`[[helhedsplan]]`\n\n    [[helhedsplan]]\n")
        #expect(messages.isEmpty)
        #expect(html.contains("<code>[[helhedsplan]]</code>"))
        #expect(!html.contains("class=\"term\""))
    }

    // MARK: Automatic term links

    @Test func linksTheFirstOccurrenceOfEachTermOnly() throws {
        let (html, _, _) = try Self.article("En helhedsplan her. Endnu en helhedsplan og helhedsplanerne. Helhedsplanen igen.")
        let prose = html.components(separatedBy: "class=\"prose\"")[1].components(separatedBy: "</div>")[0]
        #expect(prose.components(separatedBy: "class=\"term\"").count == 2)
        #expect(prose.contains(">helhedsplan</a> her."))
    }

    @Test func matchesWholeWordsCaseInsensitivelyWithDanishLetters() throws {
        let (html, _, _) = try Self.article("helhedsplanlægning og ÆLDRERÅDET og ældrerådsmøde, men ÆLDRERÅD står her.")
        #expect(!html.contains(">helhedsplan</a>lægning"))
        #expect(html.contains("<a class=\"term\" href=\"/ordforklaringer/aeldreraad/\"") && html.contains(">ÆLDRERÅD</a> står"))
    }

    @Test func prefersTheLongestMatch() throws {
        let (html, _, _) = try Self.article("De boligsociale helhedsplaner virker.")
        #expect(html.contains("href=\"/ordforklaringer/boligsocial-helhedsplan/\""))
        #expect(html.contains(">boligsociale helhedsplaner</a> virker."))
        #expect(!html.contains("href=\"/ordforklaringer/helhedsplan/\" aria"))
    }

    @Test func skipsHeadingsLinksCodeAndImages() throws {
        let (html, _, _) = try Self.article("""
            ## Om helhedsplaner

            [en helhedsplan](https://example.org) `helhedsplan` ![helhedsplan](https://example.org/x.png)

            ```
            helhedsplan
            ```
            """)
        #expect(!html.contains("class=\"term\""))
    }

    @Test func notOnTheTermsOwnPage() throws {
        let (_, _, site) = try Self.article("Intet.")
        let fund = try site.read("ordforklaringer/landsbyggefonden/index.html")
        #expect(fund.contains(">helhedsplan</a>. Landsbyggefonden nævnes her."))
    }

    @Test func canBeTurnedOffPerPageOrSite() throws {
        let (perPage, _, _) = try Self.article("En helhedsplan.", extra: "autolink: false")
        #expect(!perPage.contains("class=\"term\""))
        let (perSite, _, _) = try Self.article("En helhedsplan.", config: FixtureSite.minimalConfig + "\nautolink: false")
        #expect(!perSite.contains("class=\"term\""))
        let (explicit, _, _) = try Self.article("En [[helhedsplan]].", config: FixtureSite.minimalConfig + "\nautolink: false")
        #expect(explicit.contains("class=\"term\""), "explicit references still link")
    }

    @Test func matcherIsLinearAndLeftmostLongest() {
        let matcher = TermMatcher(names: [["a b"], ["b c"], ["a"], ["b"], ["c"]])
        let text = Array("a b c".utf8)
        #expect(matcher.matches(in: text).map(\.term) == [0, 4])
        let many = TermMatcher(names: (0..<500).map { ["ord\($0)", "ordet\($0)"] })
        let long = Array(String(repeating: "et ord42 og ordet7 men ord5000 ", count: 2000).utf8)
        let found = many.matches(in: long)
        #expect(found.count == 4000)
        #expect(Set(found.map(\.term)) == [42, 7])
    }

    // MARK: Backlinks

    @Test func termPagesListTheArticlesThatUseThemInDanishOrder() throws {
        let (_, _, site) = try Self.article("Om helhedsplaner.", more: [
            "Content/artikler/b.md": Page.article(title: "Ålborg og planerne", body: "[[helhedsplan]]"),
            "Content/artikler/c.md": Page.article(title: "Zebraer", body: "[Link](../ordforklaringer/helhedsplan.md)"),
            "Content/artikler/d.md": Page.article(title: "Aarhus", extra: "autolink: false", body: "En helhedsplan."),
            "Content/artikler/e.md": Page.article(title: "Ingen omtale", body: "Intet her."),
        ])
        let term = try site.read("ordforklaringer/helhedsplan/index.html")
        let section = term.components(separatedBy: "<h2 id=\"bruges-i\">Bruges i</h2>")[1].components(separatedBy: "</section>")[0]
        #expect(section == "\n<ul><li><a href=\"/artikler/artiklen/\">Artiklen</a></li><li><a href=\"/artikler/zebraer/\">Zebraer</a></li><li><a href=\"/artikler/aalborg-og-planerne/\">Ålborg og planerne</a></li></ul>\n")
    }
}
