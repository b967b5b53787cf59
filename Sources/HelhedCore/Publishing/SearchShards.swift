/// The search index as files, so that a query loads only what it needs (`scripts/SEARCH-SHARDS.md`):
/// - `soeg/index.json`, the manifest (a fixed name, small, revalidated like the pages): the page count, the pages per
///   fragment, the first key and file of every term shard, and every fragment's file;
/// - `soeg/t/<hash>.json`, term shards: `{"key":[postings],…}`, keys in order, grouped by their first two letters
///   (neighbouring small groups share a shard, a large group is split between keys). Postings as
///   `SearchPostings.postings`, each but the first written as its difference from the one before (small numbers);
/// - `soeg/r/<hash>.json`, result fragments: `[[title, address, kind, snippet],…]` for `fragmentSize` consecutive
///   pages in index order, loaded only for the results shown.
/// Shards and fragments are named by a hash of their bytes, so a host can let browsers cache them forever, and the
/// same site gives the same files.
struct SearchShards {
    /// Raw bytes a term shard aims at: 2–8 KB gzipped.
    static let shardTarget = 24 * 1024
    static let fragmentSize = 50
    static let shardFolder = "soeg/t"
    static let fragmentFolder = "soeg/r"

    let files: [OutputFile]

    init(postings: SearchPostings, entries: [SearchIndex.Entry]) {
        var files: [OutputFile] = []
        var shardList: [(firstKey: String, name: String)] = []
        for shard in Self.shards(postings) {
            let name = Self.named(shard.json, in: Self.shardFolder)
            files.append(OutputFile(path: name, contents: .bytes(shard.json)))
            shardList.append((shard.firstKey, name))
        }
        var fragmentNames: [String] = []
        for start in stride(from: 0, to: entries.count, by: Self.fragmentSize) {
            let json = Self.fragment(entries[start..<min(start + Self.fragmentSize, entries.count)])
            let name = Self.named(json, in: Self.fragmentFolder)
            files.append(OutputFile(path: name, contents: .bytes(json)))
            fragmentNames.append(name)
        }
        files.append(OutputFile(path: SitePages.searchIndexPath, contents: .bytes(Self.manifest(pageCount: entries.count, shards: shardList,
                                                                                                  fragments: fragmentNames))))
        self.files = files
    }

    /// `folder/<hash>.json`.
    private static func named(_ json: [UInt8], in folder: String) -> String {
        "\(folder)/\(ContentHash.hex(of: json)).json"
    }

    /// A shard ends before a key of other first two letters once it reaches the target, and before any key at twice
    /// the target (so a very common beginning does not make one huge shard).
    static func shards(_ postings: SearchPostings) -> [(firstKey: String, json: [UInt8])] {
        var shards: [(firstKey: String, json: [UInt8])] = []
        var json: [UInt8] = []
        var firstKey = ""
        var group = ""
        for (key, pages) in zip(postings.keys, postings.postings) {
            let keyGroup = String(String.UnicodeScalarView(key.unicodeScalars.prefix(2)))
            if !json.isEmpty && (json.count >= 2 * shardTarget || (json.count >= shardTarget && keyGroup != group)) {
                json.append(UInt8(ascii: "}"))
                shards.append((firstKey, json))
                json = []
            }
            if json.isEmpty {
                firstKey = key
                json.append(UInt8(ascii: "{"))
            } else {
                json.append(UInt8(ascii: ","))
            }
            group = keyGroup
            SearchJSON.appendString(key, to: &json)
            json.append(contentsOf: ":[".utf8)
            var previous: UInt32 = 0
            for (index, posting) in pages.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                SearchJSON.appendNumber(Int(posting - previous), to: &json)
                previous = posting
            }
            json.append(UInt8(ascii: "]"))
        }
        if !json.isEmpty {
            json.append(UInt8(ascii: "}"))
            shards.append((firstKey, json))
        }
        return shards
    }

    static func fragment(_ entries: ArraySlice<SearchIndex.Entry>) -> [UInt8] {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, entry) in entries.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            SearchJSON.appendArray([entry.title, entry.url, entry.kind, entry.snippet], to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return json
    }

    /// `{"fragmentSize":50,"fragments":[…],"pages":N,"shards":[[first key, file],…],"version":2}`; files relative to
    /// the manifest's folder (`t/….json`), so the site works under any base path.
    static func manifest(pageCount: Int, shards: [(firstKey: String, name: String)], fragments: [String]) -> [UInt8] {
        let relative = { (name: String) in String(name.dropFirst("soeg/".count)) }
        var json = Array(#"{"fragmentSize":"#.utf8)
        SearchJSON.appendNumber(fragmentSize, to: &json)
        json.append(contentsOf: #","fragments":"#.utf8)
        SearchJSON.appendArray(fragments.map(relative), to: &json)
        json.append(contentsOf: #","pages":"#.utf8)
        SearchJSON.appendNumber(pageCount, to: &json)
        json.append(contentsOf: #","shards":["#.utf8)
        for (index, shard) in shards.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            SearchJSON.appendArray([shard.firstKey, relative(shard.name)], to: &json)
        }
        json.append(contentsOf: #"],"version":"#.utf8)
        SearchJSON.appendNumber(SearchIndex.formatVersion, to: &json)
        json.append(UInt8(ascii: "}"))
        return json
    }
}
