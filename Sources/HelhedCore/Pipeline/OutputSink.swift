/// Where the pipeline's last stages hand the finished files: pages in batches as they are rendered, large files
/// (the feed, the search index) in pieces as they are made, so `helhed build` never holds a large site in memory.
/// Nothing reaches the reader (the output folder, the preview) before `commit`, which the pipeline calls only after
/// a run without errors.
protocol OutputSink: AnyObject {
    func write(_ files: [OutputFile]) throws(BuildFailure)
    /// One file whose bytes `produce` hands over in consecutive pieces.
    func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure)
    func commit() throws(BuildFailure)
    func discard()
}

/// Keeps the site in memory: `helhed serve` and the tests. Knows what changed since the site it was made with.
final class MemorySink: OutputSink {
    private(set) var files: [String: OutputFile] = [:]

    init() {}

    func write(_ files: [OutputFile]) {
        for file in files { self.files[file.path] = file }
    }

    func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure) {
        var bytes: [UInt8] = []
        try produce { (piece) throws(BuildFailure) in
            // The first piece is kept rather than copied: a maker that has everything at once hands over one piece.
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
        }
        files[path] = OutputFile(path: path, contents: .bytes(bytes))
    }

    func commit() {}

    func discard() { files = [:] }

    /// Every file, sorted by path.
    var sortedFiles: [OutputFile] { files.values.sorted { $0.path < $1.path } }
}

/// Writes nothing: `helhed check`, and a build whose output folder may not be written (its problems are reported
/// with the content's).
final class DiscardingSink: OutputSink {
    func write(_ files: [OutputFile]) {}
    func writePieces(of path: String, _ produce: (_ write: ([UInt8]) throws(BuildFailure) -> Void) throws(BuildFailure) -> Void) throws(BuildFailure) {
        try produce { (_: [UInt8]) throws(BuildFailure) in }
    }
    func commit() {}
    func discard() {}
}
