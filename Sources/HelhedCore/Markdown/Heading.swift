/// A section heading of a page, with the id its anchor uses.
struct Heading: Sendable, Equatable {
    let level: Int
    let text: String
    let id: String
}

/// One entry of a page's table of contents: an h2 with its h3 sections.
struct ContentsEntry: Sendable, Equatable {
    let text: String
    let id: String
    let children: [ContentsEntry]

    /// Pages with fewer than three h2 sections are short enough to read without a table of contents.
    static let minimumSections = 3

    static func tableOfContents(for headings: [Heading]) -> [ContentsEntry] {
        guard headings.filter({ $0.level == 2 }).count >= minimumSections else { return [] }
        var entries: [ContentsEntry] = []
        var current: (heading: Heading, children: [ContentsEntry])?
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                if let current { entries.append(ContentsEntry(text: current.heading.text, id: current.heading.id, children: current.children)) }
                current = (heading, [])
            } else if current != nil {
                current!.children.append(ContentsEntry(text: heading.text, id: heading.id, children: []))
            }
        }
        if let current { entries.append(ContentsEntry(text: current.heading.text, id: current.heading.id, children: current.children)) }
        return entries
    }
}

/// Gives headings unique ids: the slug of their text, then `-2`, `-3` … for repeats. Remembers the next number per
/// slug, so a thousand identical headings cost a thousand steps, not half a million.
struct HeadingIDs {
    private var used: Set<String>
    private var nextNumber: [String: Int] = [:]

    init(reserved: Set<String>) {
        used = reserved
    }

    mutating func id(for text: String) -> String {
        let slug = Slug.make(from: text)
        let base = slug.isEmpty ? "afsnit" : slug
        if used.insert(base).inserted { return base }
        var number = nextNumber[base, default: 2]
        while !used.insert("\(base)-\(number)").inserted { number += 1 }
        nextNumber[base] = number + 1
        return "\(base)-\(number)"
    }
}
