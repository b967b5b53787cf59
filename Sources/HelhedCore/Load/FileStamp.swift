import Foundation

/// A file's identity on disk: if none of these changed, neither did the file.
public struct FileStamp: Hashable, Sendable {
    let size: Int
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int
    let inode: UInt64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(_ info: stat) {
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// A stamp as a memo's inputs: a file that could not be stat'ed equals nothing, so it is always read again.
struct SourceStamp: Equatable, Sendable {
    let stamp: FileStamp?

    init(_ stamp: FileStamp?) { self.stamp = stamp }

    static func == (lhs: SourceStamp, rhs: SourceStamp) -> Bool {
        lhs.stamp != nil && lhs.stamp == rhs.stamp
    }
}

/// The result of reading one Markdown file.
struct ParsedSource: Sendable {
    var article: Article?
    var term: GlossaryTerm?
    var diagnostics: [Diagnostic]
}

/// The loading stage's memo: each Markdown file's parse, by its path inside `Content/`, kept while its stamp stays.
typealias SourceMemo = StageMemo<String, SourceStamp, ParsedSource>
