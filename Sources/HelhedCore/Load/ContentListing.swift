import Foundation

/// Walking `Content/`: every regular file, never leaving the folder, and reading a file whole.
extension ContentLoader {
    /// The bytes of a regular file, read straight into an array; nil when it cannot be read. (`FileManager.contents`
    /// made a `Data` that was then copied into an array.)
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // Room for one byte more than the size, so that one read normally sees the end; a file that grew since is
        // read on in a second loop.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    return
                } else if errno != EINTR {
                    failed = true
                    return
                }
            }
        }
        var rest = [UInt8](repeating: 0, count: bytes.count > status.st_size ? 64 * 1024 : 0)
        while !failed && !rest.isEmpty {
            let count = rest.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                bytes += rest[..<count]
            } else if count == 0 {
                break
            } else if errno != EINTR {
                failed = true
            }
        }
        return failed ? nil : bytes
    }

    /// Every regular file under the root, sorted, skipping hidden files. A symbolic link is followed only when it
    /// stays inside the root: content must never read from elsewhere.
    /// With each file, its stamp when listing already read it (a file reached through a symbolic link has none).
    /// `withStamps`: read every entry's stamp while listing (a rebuild compares them); without it, entries whose type
    /// the folder listing gives (regular files, folders) are not `lstat`ed at all, which saves a system call per file
    /// in the single-core start of a build.
    func listFiles(withStamps: Bool, into diagnostics: inout Diagnostics) -> [(path: String, stamp: FileStamp?)] {
        let rootPath = root.resolvingSymlinksInPath().path
        var files: [(path: String, stamp: FileStamp?)] = []
        var folders = [""]
        var visitedFolders: Set<String> = [rootPath]
        // The resolved path of each folder being walked: an entry that is not a symbolic link resolves to its folder's
        // resolved path plus its name, which one `lstat` confirms. Resolving every path afresh cost a system call
        // per path component and made listing a large site a noticeable, single-core part of a build.
        var resolvedFolders: [String: String] = ["": rootPath]
        while let folder = folders.popLast() {
            let folderURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let entries = Self.entries(ofFolder: folderURL.path) else {
                diagnostics.append(.error(displayPath(folder), .folderUnreadable))
                continue
            }
            let visible = entries.filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
            let folderResolved = resolvedFolders[folder]
            // What each entry is: the listing says for regular files and folders when no stamp is needed; otherwise
            // one `lstat` each, on all cores (a rebuild in `helhed serve` stats every file of the site).
            let kinds: [EntryKind?] = switch (withStamps, folderResolved) {
            case (true, let resolvedFolder?): Self.kindsIfNotLinks(of: visible.map(\.name), inFolder: resolvedFolder)
            case (true, nil): Array(repeating: nil, count: visible.count)
            case (false, _): visible.map { Self.listedKind($0.type) }
            }
            for ((name, _), listedKind) in zip(visible, kinds) {
                let relativePath = folder.isEmpty ? name : folder + "/" + name
                if let folderResolved, let kind = listedKind ?? Self.kindIfNotALink(folderResolved + "/" + name) {
                    let resolved = folderResolved + "/" + name
                    switch kind {
                    case .folder:
                        if visitedFolders.insert(resolved).inserted {
                            folders.append(relativePath)
                            resolvedFolders[relativePath] = resolved
                        }
                    case .file(let stamp):
                        files.append((relativePath, stamp))
                    }
                    continue
                }
                let url = root.appendingPathComponent(relativePath)
                let resolved = url.resolvingSymlinksInPath().path
                if resolved != rootPath && !resolved.hasPrefix(rootPath + "/") {
                    diagnostics.append(.error(displayPath(relativePath), .symlinkOutside, ["root": displayRoot, "target": resolved]))
                    continue
                }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
                    diagnostics.append(.error(displayPath(relativePath), .symlinkBroken))
                    continue
                }
                if isFolder.boolValue {
                    // A link back to a folder already seen would make the walk endless.
                    if visitedFolders.insert(resolved).inserted {
                        folders.append(relativePath)
                        resolvedFolders[relativePath] = resolved
                    }
                } else {
                    files.append((relativePath, nil))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private enum EntryKind: Sendable {
        case file(FileStamp?)
        case folder
    }

    /// The names in a folder with their types as the folder lists them (`DT_REG`, `DT_DIR`, `DT_LNK`, or `DT_UNKNOWN`
    /// on file systems that do not say), without `.` and `..`; nil when it cannot be read.
    private static func entries(ofFolder path: String) -> [(name: String, type: UInt8)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries
    }

    /// What the folder listing says an entry is, when that is enough: a regular file or a folder; nil for anything
    /// else (a symbolic link, or a file system that does not say), which `lstat` then decides.
    private static func listedKind(_ type: UInt8) -> EntryKind? {
        switch Int32(type) {
        case Int32(DT_REG): .file(nil)
        case Int32(DT_DIR): .folder
        default: nil
        }
    }

    /// What `lstat` says `path` is, or nil when it is a symbolic link or cannot be read (the caller then resolves it).
    private static func kindIfNotALink(_ path: String) -> EntryKind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return kindIfNotALink(status)
    }

    /// `kindIfNotALink` for each name in one folder, on all cores. Asked relative to the open folder, so that the
    /// kernel does not walk the folder's whole path again for every file.
    private static func kindsIfNotLinks(of names: [String], inFolder path: String) -> [EntryKind?] {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return names.map { kindIfNotALink(path + "/" + $0) } }
        defer { close(folder) }
        return names.parallelMap { name in
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return kindIfNotALink(status)
        }
    }

    private static func kindIfNotALink(_ status: stat) -> EntryKind? {
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return nil
        case S_IFDIR: return .folder
        default: return .file(FileStamp(status))
        }
    }
}
