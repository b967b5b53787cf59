import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A path inside the output folder, compared byte for byte: `String ==` calls two names equal that differ only in
/// Unicode normalization (`é` as one code point or two), which the file system keeps as two files.
struct ExactPath: Hashable {
    let path: String

    init(_ path: String) { self.path = path }

    static func == (lhs: ExactPath, rhs: ExactPath) -> Bool { lhs.path.utf8.elementsEqual(rhs.path.utf8) }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// What an output folder holds, by path inside it, found by one walk that never follows a symbolic link: a file reached
/// through a linked folder is not the output's own and is not listed.
struct OutputTree {
    /// Regular files: the only entries a new file can be found equal to.
    private(set) var files: Set<ExactPath> = []
    /// Everything else that is not a folder (symbolic links, sockets, …): a build never makes these, so they go.
    private(set) var others: [String] = []
    /// Every folder below the root.
    private(set) var folders: [String] = []

    /// The tree of `root`; an empty tree when it cannot be read (then every file counts as new).
    static func read(_ root: String) -> OutputTree {
        var tree = OutputTree()
        var pending = [""]
        while let folder = pending.popLast() {
            guard let directory = opendir(folder.isEmpty ? root : root + "/" + folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                var type = Int(entry.pointee.d_type)
                if type == DT_UNKNOWN {  // file systems that do not fill d_type
                    var info = stat()
                    type = lstat(root + "/" + path, &info) != 0 ? DT_UNKNOWN
                        : (info.st_mode & S_IFMT) == S_IFDIR ? DT_DIR : (info.st_mode & S_IFMT) == S_IFREG ? DT_REG : DT_LNK
                }
                switch type {
                case DT_DIR: tree.folders.append(path); pending.append(path)
                case DT_REG: tree.files.insert(ExactPath(path))
                default: tree.others.append(path)
                }
            }
        }
        return tree
    }
}

/// Whether a file in the output folder already holds a new file's bytes, compared byte for byte (no cache to trust:
/// a file edited by hand or a fresh clone is compared like any other). Safe to call from several threads.
enum OutputComparison {
    private static let chunkSize = 1 << 16

    /// Whether the regular file at `path` (not followed through a symbolic link) holds exactly `file`'s bytes.
    static func file(at path: String, holds file: OutputFile) -> Bool {
        switch file.contents {
        case .text(var text): text.withUTF8 { Self.file(at: path, holds: UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): bytes.withUnsafeBytes { Self.file(at: path, holds: $0) }
        case .copy(let source): Self.file(at: path, matches: source.path)
        }
    }

    static func file(at path: String, holds bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        return compare(path, size: bytes.count) { chunk in
            defer { offset += chunk.count }
            return memcmp(chunk.baseAddress!, bytes.baseAddress! + offset, chunk.count) == 0
        }
    }

    /// Whether the regular file at `path` holds the same bytes as the file at `other` (a staged or copied file).
    static func file(at path: String, matches other: String) -> Bool {
        let descriptor = open(other, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        return compare(path, size: Int(info.st_size)) { chunk in
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<chunk.count])
            return readFully(descriptor, into: wanted) && memcmp(chunk.baseAddress!, wanted.baseAddress!, chunk.count) == 0
        }
    }

    /// Reads the file at `path` chunk by chunk and hands each to `matches`, after checking that it is a regular file
    /// of `size` bytes (most changed files differ in size, and are known without reading them).
    private static func compare(_ path: String, size: Int, _ matches: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        guard size > 0 else { return true }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(size, chunkSize), alignment: 16)
        defer { buffer.deallocate() }
        var remaining = size
        while remaining > 0 {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(remaining, buffer.count)])
            guard readFully(descriptor, into: chunk), matches(UnsafeRawBufferPointer(chunk)) else { return false }
            remaining -= chunk.count
        }
        // A file that grew since `fstat` is not equal either.
        var extra: UInt8 = 0
        return read(descriptor, &extra, 1) == 0
    }

    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}

/// The changes that turn the output folder into the new site, in the order they are made: first everything the new
/// site does not have goes (files, then folders that hold none of its files, deepest first, which also clears a folder
/// standing where a file must go), then the staged new and changed files are moved in. The three lists are disjoint,
/// so making them again after an interruption changes nothing that is done already (see `OutputJournal`).
struct OutputPlan: Equatable {
    var deletions: [String] = []
    var folderRemovals: [String] = []
    var moves: [String] = []

    var isEmpty: Bool { deletions.isEmpty && folderRemovals.isEmpty && moves.isEmpty }

    init(deletions: [String], folderRemovals: [String], moves: [String]) {
        (self.deletions, self.folderRemovals, self.moves) = (deletions, folderRemovals, moves)
    }

    /// `produced`: every path of the new site; `staged`: those whose file in the output is missing or different.
    init(tree: OutputTree, produced: Set<ExactPath>, staged: [String]) {
        deletions = (tree.files.subtracting(produced).map(\.path) + tree.others.filter { !produced.contains(ExactPath($0)) }).sorted()
        var needed: Set<ExactPath> = []
        for file in produced {
            var rest = Substring(file.path)
            while let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
                rest = rest[..<slash]
                if !needed.insert(ExactPath(String(rest))).inserted { break }  // its ancestors are in already
            }
        }
        // Reverse order puts every folder before the folders that hold it ("a/b" sorts after "a").
        folderRemovals = tree.folders.filter { !needed.contains(ExactPath($0)) }.sorted(by: >)
        moves = staged.sorted()
    }
}
