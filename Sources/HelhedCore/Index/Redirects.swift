/// An address that is no longer a page and sends readers on to the page that has it now.
struct Redirect: Sendable, Hashable {
    /// The old address, as a path inside the site (`artikler/gammel-titel/`, `gammel.html`).
    let from: String
    let to: PageID
}

/// The site's redirects, and the record of published addresses as this build leaves it.
///
/// Every redirect points straight at a published page: a page that moved twice redirects both old addresses to where
/// it is now, so chains of redirects cannot arise, and an address whose page is gone is a warning, never a redirect
/// to nothing. Where a redirect comes from:
///
/// - the record (`AddressRecord`): a source whose address changed (a new title or `slug`) keeps its old addresses;
/// - `old_addresses:` in front matter, by hand; one of these takes an address over from the record.
///
/// An address that a page of the site has now belongs to that page (it no longer redirects). A source that is gone
/// but whose address another page now has (the file was renamed) hands its old addresses to that page.
struct Redirects: Sendable {
    /// Sorted by old address.
    let all: [Redirect]
    /// The record to write after a successful build.
    let record: AddressRecord

    static let none = Redirects(all: [], record: AddressRecord())

    /// `recordPath`: how `Content/adresser.yml` is named in messages.
    static func resolve(record old: AddressRecord, pages: SitePages, recordPath: String, into diagnostics: inout Diagnostics) -> Redirects {
        let site = pages.site
        var pageAt: [String: PageID] = [:]
        for page in pages.markdownPages { pageAt[site.sitePath(of: page)] = page }
        let targets = byHand(pages: pages, pageAt: pageAt, into: &diagnostics)
        /// Whether an address is answered without the record: a page, a file, or a redirect written by hand.
        func isAnswered(_ address: String) -> Bool {
            pages.generatedSitePaths.contains(address) || site.isStaticFile(sitePath: address) || targets[address] != nil
        }

        var record = AddressRecord()
        var handedOver: [(to: PageID, addresses: [String])] = []
        for (source, entry) in old.entries {
            if let page = site.page(atContentPath: source) {
                let address = site.sitePath(of: page)
                record.entries[source] = AddressRecord.Entry(address: address, earlier: entry.addresses.filter { $0 != address })
            } else if site.leftOutReason(forContentPath: source) != nil || site.isUnreadable(contentPath: source) {
                // A draft, a future article or a file with errors: its addresses come back when it is published again.
                record.entries[source] = entry
            } else if let heir = pageAt[entry.address] ?? targets[entry.address] {
                handedOver.append((heir, entry.addresses))
            } else {
                // Gone: each address that something else answers is handed to it; the rest are reported.
                for address in entry.earlier { if let heir = targets[address] { handedOver.append((heir, [address])) } }
                let lost = entry.addresses.filter { !isAnswered($0) }
                guard !lost.isEmpty else { continue }
                record.entries[source] = AddressRecord.Entry(address: entry.address, earlier: lost.filter { $0 != entry.address }, lines: entry.lines)
                diagnostics.append(goneWarning(source: source, lost: lost, lines: entry.lines, recordPath: recordPath))
            }
        }
        for page in pages.markdownPages {
            let source = site.source(of: page).contentPath
            if record.entries[source] == nil { record.entries[source] = AddressRecord.Entry(address: site.sitePath(of: page)) }
        }
        for (heir, addresses) in handedOver {
            let source = site.source(of: heir).contentPath
            record.entries[source]!.earlier += addresses
        }

        var redirects = targets
        /// Which source's record gave each redirect: two that name the same old address (edited by hand) are settled
        /// by the source's path, whatever order the entries are visited in.
        var claimedBy: [String: String] = [:]
        for (source, entry) in record.entries where !entry.earlier.isEmpty {
            guard let page = site.page(atContentPath: source) else { continue }
            // An address a page or file has now is that page's; it is no longer recorded as an old one.
            let earlier = Set(entry.earlier).filter { !pages.generatedSitePaths.contains($0) && !site.isStaticFile(sitePath: $0) }.sorted()
            record.entries[source]!.earlier = earlier
            for address in earlier where targets[address] == nil {
                if let other = claimedBy[address], other < source { continue }
                claimedBy[address] = source
                redirects[address] = page
            }
        }
        let all = redirects.map { Redirect(from: $0.key, to: $0.value) }.sorted { $0.from < $1.from }
        return Redirects(all: all, record: record)
    }

    /// The redirects written in front matter (`old_addresses:`), by old address; each must be free: no page, file or
    /// other old address may have it.
    private static func byHand(pages: SitePages, pageAt: [String: PageID], into diagnostics: inout Diagnostics) -> [String: PageID] {
        let site = pages.site
        var targets: [String: PageID] = [:]
        for page in pages.markdownPages {
            let source = site.source(of: page)
            for old in oldAddresses(of: page, in: site) {
                let address = old.value
                let written = SiteAddress.written(address)
                func clash(_ what: String) {
                    diagnostics.append(.error(source.path, line: old.line, "front matter: 'old_addresses' has \(written), which \(what); an old address must be free"))
                }
                if let owner = pageAt[address] {
                    clash(owner == page ? "is this page's own address" : "is the address of \(site.source(of: owner).path)")
                } else if pages.generatedSitePaths.contains(address) || site.isStaticFile(sitePath: address) {
                    clash("is a page or file the build makes")
                } else if address.hasSuffix("/"), pages.generatedSitePaths.contains(String(address.dropLast())) || site.isStaticFile(sitePath: String(address.dropLast())) {
                    clash("is the name of a file of the site")
                } else if let other = targets[address] {
                    if other != page { clash("is also an old address of \(site.source(of: other).path)") }
                } else {
                    targets[address] = page
                }
            }
        }
        return targets
    }

    private static func oldAddresses(of page: PageID, in site: Site) -> [Located<String>] {
        switch page {
        case .article(let index): site.articles[index].oldAddresses
        case .term(let index): site.terms[index].oldAddresses
        }
    }

    private static func goneWarning(source: String, lost: [String], lines: ClosedRange<Int>?, recordPath: String) -> Diagnostic {
        let addresses = lost.map(SiteAddress.written)
        let named = addresses.count == 1 ? "its address \(addresses[0]) no longer answers"
            : "its addresses \(addresses.joined(separator: ", ")) no longer answer"
        let entryLines = lines.map { $0.count == 1 ? " (line \($0.lowerBound))" : " (lines \($0.lowerBound)–\($0.upperBound))" } ?? ""
        return .warning(recordPath, line: lines?.lowerBound ?? 0,
                        "\(source) was deleted, so \(named); to keep an address, add it to 'old_addresses:' of another page; to confirm it is gone, delete its entry\(entryLines) from this file")
    }
}
