import Foundation
import HelhedTemplates

/// Glossary references, automatic term links, links and pictures, and heading ids: the passes of one page's transform.
extension TransformRun {
    // MARK: Glossary references and automatic term links

    /// A run of a text node that becomes a term link: a `[[reference]]` (shown as the text it names) or a term's
    /// name found in running text (shown as written).
    struct TermLink {
        let range: Range<Int>
        let term: Int
        /// nil: the text of `range` itself.
        let shownText: String?
    }

    /// Replaces glossary references and (unless `inHeading` or switched off) the first mention of each term in a text
    /// node by term links. Most text nodes have neither: they are scanned in place, in cmark's own buffer, and left
    /// alone without anything being allocated.
    mutating func linkTerms(in node: MarkdownNode, inHeading: Bool, site: Site, matcher: TermMatcher) {
        let autolink = context.autolinksTerms && !inHeading && !matcher.isEmpty
        node.withLiteralBytes { bytes in
            var links: [TermLink] = []
            var plainStart = 0
            for reference in WikiReference.all(in: bytes) {
                if autolink { findTerms(in: bytes, plainStart..<reference.range.lowerBound, matcher: matcher, into: &links) }
                plainStart = reference.range.upperBound
                guard let term = site.term(named: reference.name) else {
                    // Left as text.
                    let line = context.source.fileLine(bodyLine: Self.line(of: node))
                    let hint = takeHint() ? site.termSuggestions(for: reference.name) : []
                    let suggestion = hint.isEmpty ? Message.nothing
                        : Message(.didYouMeanNames, ["names": hint.map { "\"\($0)\"" }.joined(separator: ", ")])
                    // The reason comes from the site index, which is not in the catalogue yet.
                    let leftOut = site.leftOutTerm(named: reference.name).map { Message(.termLeftOutBecause, ["reason": $0]) } ?? .nothing
                    diagnostics.append(.error(path, line: line, .termUnknown, ["name": reference.name],
                                              parts: ["leftOut": leftOut, "suggestion": suggestion]))
                    continue
                }
                noteLinked(term)
                links.append(TermLink(range: reference.range, term: term, shownText: reference.shownText))
            }
            if autolink { findTerms(in: bytes, plainStart..<bytes.count, matcher: matcher, into: &links) }
            guard !links.isEmpty else { return }

            // The text between the links stays text; cmark renders adjacent text nodes as their concatenation.
            var nodes: [MarkdownNode] = []
            var cursor = 0
            for link in links {
                if link.range.lowerBound > cursor { nodes.append(document.makeText(UnsafeBufferPointer(rebasing: bytes[cursor..<link.range.lowerBound]))) }
                let shown = link.shownText.map(document.makeText) ?? document.makeText(UnsafeBufferPointer(rebasing: bytes[link.range]))
                nodes.append(document.makeCustomInline(before: transformer.termLinkOpenings[link.term], after: "</a>", wrapping: shown))
                cursor = link.range.upperBound
            }
            if cursor < bytes.count { nodes.append(document.makeText(UnsafeBufferPointer(rebasing: bytes[cursor...]))) }
            // Last: the node's literal, which `bytes` points into, is freed with it.
            document.replace(node, with: nodes)
        }
    }

    /// Automatic links in `range` of a text: the first mention on the page of each term but the page's own. The range
    /// is scanned as a text of its own (its ends are word boundaries), as the text between two references.
    mutating func findTerms(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, matcher: TermMatcher,
                                    into links: inout [TermLink]) {
        guard !range.isEmpty else { return }
        for match in matcher.matches(in: UnsafeBufferPointer(rebasing: bytes[range]))
        where match.term != ownTerm && !linkedTermSet.contains(match.term) {
            noteLinked(match.term)
            links.append(TermLink(range: (match.range.lowerBound + range.lowerBound)..<(match.range.upperBound + range.lowerBound),
                                  term: match.term, shownText: nil))
        }
    }

    mutating func noteLinked(_ term: Int) {
        if linkedTermSet.insert(term).inserted { linkedTerms.append(term) }
        mentionedTerms.insert(term)
        linkedPages.insert(.term(term))
    }

    // MARK: Links and images

    /// `site` and `resolver` are passed in, unwrapped once per page: unwrapping them here copied the whole site
    /// (a retain and a release of each of its parts) twice per link.
    mutating func resolve(_ node: MarkdownNode, isImage: Bool, site: Site, resolver: LinkResolver) {
        let address = node.url
        let line = context.source.fileLine(bodyLine: Self.line(of: node))
        switch resolver.resolve(address, from: context.source, isImage: isImage) {
        case .external, .unreadablePage:
            break
        case .ownHeading(let fragment):
            ownFragmentChecks.append((fragment, line, address))
        case .page(let target, let fragment):
            node.url = site.baseURL.link(to: site.sitePath(of: target)) + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
            linkedPages.insert(target)
            if case .term(let term) = target { mentionedTerms.insert(term) }
            if let fragment {
                if target == context.page {
                    ownFragmentChecks.append((fragment, line, address))
                } else {
                    fragmentChecks.append(FragmentCheck(target: target, fragment: fragment, line: line, address: address))
                }
            }
        case .file(let sitePath, _) where isImage && transformer.pictures.isProcessed(sitePath):
            show(node, picture: transformer.pictures.prose[sitePath]!, line: line, site: site)
        case .file(let sitePath, let fragment):
            // A link to a picture's file asks for the original, which is otherwise not published.
            if !isImage && transformer.pictures.isProcessed(sitePath) { originals.insert(sitePath) }
            node.url = site.baseURL.link(to: Self.encodePath(sitePath)) + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
        case .dangerous(let scheme):
            let why = Message(scheme == "file" ? .becauseLocalFile : .becauseRunsCode)
            diagnostics.append(.warning(path, line: line, isImage ? .removedPicture : .removedLink, ["scheme": scheme], parts: ["why": why]))
            document.unwrap(node)
        case .broken(let message):
            diagnostics.append(.error(path, line: line, message))
        }
    }

    /// A picture without a description (`![](x.png)`: no text in the image node) is invisible to screen reader users.
    mutating func warnAboutMissingAltText(_ node: MarkdownNode) {
        let line = context.source.fileLine(bodyLine: Self.line(of: node))
        diagnostics.append(.warning(path, line: line, .pictureWithoutAltText, ["url": node.url]))
    }

    // MARK: Headings

    mutating func anchor(_ node: MarkdownNode, ids: inout HeadingIDs) {
        let level = node.headingLevel
        let text = node.plainText.trimmingWhitespace()
        let id = ids.id(for: text)
        headings.append(Heading(level: level, text: text, id: id))
        // Written as bytes: the same markup by string interpolation cost a dozen appends, each with its own checks,
        // for every heading of every page.
        let digit = UInt8(ascii: "0") + UInt8(clamping: level)
        var before: [UInt8] = []
        before.reserveCapacity(48 + id.utf8.count)
        before += #"<div class="heading"><h"#.utf8
        before += [digit]
        before += #" id=""#.utf8
        HTMLEscaping.append(id, to: &before)
        before += #"">"#.utf8
        var after: [UInt8] = []
        after.reserveCapacity(192 + id.utf8.count + text.utf8.count)
        after += "</h".utf8
        after += [digit]
        after += ##"><a class="heading-anchor" href="#"##.utf8
        HTMLEscaping.append(id, to: &after)
        after += ##""><span aria-hidden="true">#</span><span class="visually-hidden">Link til afsnittet “"##.utf8
        HTMLEscaping.append(text, to: &after)
        after += "”</span></a></div>".utf8
        document.wrapChildren(of: node, inCustomBlockBefore: before, after: after)
    }
}
