import Foundation
import Testing
@testable import HelhedCore

/// Every internal `href`/`src` of every generated page starts with the base path and points at a file the build
/// wrote, at a sub-path and at the domain root.
@Suite struct BaseURLLinkTests {
    struct Checked {
        var links = 0
        var fragments = 0
        var problems: [String] = []
    }

    static func checkLinks(base: String) throws -> Checked {
        let fixture = try PublishFixture(baseURL: base)
        defer { fixture.remove() }
        try fixture.build()
        let baseURL = try #require(BaseURL(base))
        let output = fixture.output
        let files = PublishFixture.files(in: output)
        var checked = Checked()
        var idsByFile: [String: Set<String>] = [:]
        func ids(_ file: String) -> Set<String> {
            if let known = idsByFile[file] { return known }
            let found = HTMLScan.ids(in: (try? fixture.read(file)) ?? "")
            idsByFile[file] = found
            return found
        }

        for file in files where file.hasSuffix(".html") {
            let html = try fixture.read(file)
            var addresses = HTMLScan.attributes("href", in: html) + HTMLScan.attributes("src", in: html)
                + HTMLScan.attributes("data-search-index", in: html)
            if let ogURL = HTMLScan.meta("og:url", in: html) { addresses.append(ogURL) }
            for address in addresses {
                if address.hasPrefix("mailto:") { continue }
                var path = address
                if address.hasPrefix("#") {
                    checked.fragments += 1
                    if !ids(file).contains(String(address.dropFirst())) { checked.problems.append("\(file): \(address) names no id on the page") }
                    continue
                }
                if address.hasPrefix("http://") || address.hasPrefix("https://") {
                    guard address.hasPrefix(baseURL.origin + "/") else { continue }  // another site
                    path = String(address.dropFirst(baseURL.origin.count))
                }
                guard path.hasPrefix(baseURL.path) else {
                    checked.problems.append("\(file): \(address) does not start with \(baseURL.path)")
                    continue
                }
                checked.links += 1
                let (withoutFragment, fragment) = LinkResolver.splitFragment(path)
                var target = String(withoutFragment.dropFirst(baseURL.path.count)).removingPercentEncoding ?? ""
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                guard files.contains(target) else {
                    checked.problems.append("\(file): \(address) points at \(target), which the build did not write")
                    continue
                }
                if let fragment, target.hasSuffix(".html") {
                    checked.fragments += 1
                    if !ids(target).contains(fragment) { checked.problems.append("\(file): \(address): \(target) has no id \(fragment)") }
                }
            }
        }
        return checked
    }

    @Test(arguments: [PublishFixture.subPathBase, "https://example.org/"])
    func everyInternalLinkStartsWithTheBasePathAndExists(base: String) throws {
        let checked = try Self.checkLinks(base: base)
        #expect(checked.problems == [])
        // 13 pages with a header, footer, stylesheet and scripts each: far more than 200 links; a broken scan finds none.
        #expect(checked.links > 200)
        #expect(checked.fragments > 15)  // skip links, contents, heading anchors, kolding.md#udfordringen
    }

    @Test func aSubPathSiteHasNoLinkOutsideTheSubPath() throws {
        let fixture = try PublishFixture(baseURL: PublishFixture.subPathBase)
        defer { fixture.remove() }
        try fixture.build()
        let html = try fixture.read("artikler/helhedsplaner-forklaret/index.html")
        let links = HTMLScan.attributes("href", in: html) + HTMLScan.attributes("src", in: html)
        #expect(links.contains("/boligsocial/artikler/kolding-proever-noget-nyt/#udfordringen"))
        #expect(links.contains("/boligsocial/billeder/hus.svg"))
        #expect(links.contains("/boligsocial/ordforklaringer/beboerraadgiver/"))
        #expect(links.contains("https://example.org/boligsocial/artikler/helhedsplaner-forklaret/"))  // canonical
        #expect(links.filter { $0.hasPrefix("/") && !$0.hasPrefix("/boligsocial/") } == [])
    }
}
