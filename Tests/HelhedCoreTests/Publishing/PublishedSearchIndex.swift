import Foundation
@testable import HelhedCore

/// The sharded search index of a built site, read back as `Templates/assets/search.js` reads it: the manifest, every
/// result fragment and every term shard, with the postings decoded.
struct PublishedSearchIndex {
    struct Manifest: Decodable {
        let fragmentSize: Int
        let fragments: [String]
        let pages: Int
        let shards: [[String]]
        let version: Int
    }

    struct Posting: Equatable {
        let page: Int
        /// field × 2, plus 1 when the page has the key only as a stem.
        let rank: Int
    }

    let manifest: Manifest
    /// `[title, url, kind, snippet]` by page number.
    let results: [[String]]
    let postings: [String: [Posting]]
    /// Each shard's keys in file order, by its name.
    let shardKeys: [String: [String]]
    /// Every file of the index, by its path in the site.
    let files: [String: Data]

    init(_ site: GeneratedSite) throws {
        var files: [String: Data] = [:]
        for file in site.files where file.path.hasPrefix("soeg/") && file.path.hasSuffix(".json") { files[file.path] = try file.data() }
        try self.init(files: files)
    }

    init(folder: URL) throws {
        try self.init { path in try Data(contentsOf: folder.appendingPathComponent(path)) }
    }

    init(read: (String) throws -> Data) throws {
        var files: [String: Data] = [SitePages.searchIndexPath: try read(SitePages.searchIndexPath)]
        let manifest = try JSONDecoder().decode(Manifest.self, from: files[SitePages.searchIndexPath]!)
        for name in manifest.fragments + manifest.shards.map({ $0[1] }) { files["soeg/" + name] = try read("soeg/" + name) }
        try self.init(files: files)
    }

    private init(files: [String: Data]) throws {
        self.files = files
        manifest = try JSONDecoder().decode(Manifest.self, from: try Self.file(SitePages.searchIndexPath, in: files))
        results = try manifest.fragments.flatMap { try JSONDecoder().decode([[String]].self, from: try Self.file("soeg/" + $0, in: files)) }
        var postings: [String: [Posting]] = [:]
        var shardKeys: [String: [String]] = [:]
        for shard in manifest.shards {
            let data = try Self.file("soeg/" + shard[1], in: files)
            let decoded = try JSONDecoder().decode([String: [Int]].self, from: data)
            // Keys in file order (a dictionary forgets it): the quoted strings at the start of each entry.
            let text = String(decoding: data, as: UTF8.self)
            shardKeys[shard[1]] = text.matches(of: /[{,]"([^"]*)":\[/).map { String($0.output.1) }
            for (key, deltas) in decoded {
                var value = 0
                postings[key] = deltas.map { delta in
                    value += delta
                    return Posting(page: value >> 3, rank: value & 7)
                }
            }
        }
        self.postings = postings
        self.shardKeys = shardKeys
    }

    private static func file(_ path: String, in files: [String: Data]) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    var titles: [String] { results.map { $0[0] } }

    /// The titles of the pages a query finds, as the script matches (not ranks) them: every query word must match a
    /// key equal to its folded form or folded stem, or beginning with its form.
    func titles(finding query: String) -> Set<String> {
        let stemmer = DanishStemmer()
        var found: Set<Int>?
        for word in SearchText.loweredWords(query) {
            let form = SearchText.fold(word), stem = SearchText.fold(stemmer.searchStem(word))
            let pages = Set(postings.filter { $0.key == stem || $0.key.hasPrefix(form) }.values.flatMap { $0.map(\.page) })
            found = found.map { $0.intersection(pages) } ?? pages
        }
        return Set((found ?? []).map { results[$0][0] })
    }
}
