import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that the output folder is only ever the complete old site or the complete new one: everything
/// goes into a staging folder beside it, which is then swapped in with one atomic rename.
public enum OutputWriter {
    static let stagingMarker = ".helhed-"

    public static func write(_ files: [OutputFile], to output: URL, displayName: String) throws(BuildFailure) {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let fileManager = FileManager.default
        func failure(_ message: String) -> BuildFailure { BuildFailure([.error(displayName, message)]) }

        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { throw failure("the output exists but is not a folder") }
        if exists && fileManager.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw failure("the output folder holds a git repository; refusing to replace it (choose another --output)")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        removeLeftovers(of: output)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent)\(stagingMarker)\(getpid())")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw failure("cannot write beside the output folder (in \(parent.path)): \(error.localizedDescription)")
        }
        do {
            try writeFiles(files, into: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("writing the site failed: \(error)")
        }
        if exists {
            // Atomic swap: there is no moment at which the output folder is missing or half-written.
            guard helhed_exchange_paths(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: staging)
                throw failure("cannot replace the output folder: \(reason)")
            }
            try? fileManager.removeItem(at: staging)  // now the previous site
        } else {
            guard rename(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: staging)
                throw failure("cannot create the output folder: \(reason)")
            }
        }
    }

    /// Staging folders of builds that were killed; a folder whose process is still running is left alone.
    static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent)\(stagingMarker)"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Folders first, then every file, both across all cores. Each page has a folder of its own (`artikler/x/`), so
    /// a site has about as many folders as files: folders are made with `mkdir` directly, top level first (few), then
    /// the deeper ones in parallel — each task makes the folders whose first file it writes, in path order, so a
    /// folder always exists before anything is put in it.
    static func writeFiles(_ files: [OutputFile], into folder: URL) throws {
        let root = folder.path
        var seen: Set<Substring> = [""]
        var foldersByDepth: [[String]] = []
        for file in files {
            var depth = 0
            var end = file.path.startIndex
            while let slash = file.path[end...].firstIndex(of: "/") {
                let prefix = file.path[..<slash]
                if seen.insert(prefix).inserted {
                    while foldersByDepth.count <= depth { foldersByDepth.append([]) }
                    foldersByDepth[depth].append(String(prefix))
                }
                depth += 1
                end = file.path.index(after: slash)
            }
        }
        for folders in foldersByDepth {
            let failures = folders.parallelMap { path -> String? in
                Glibc.mkdir(root + "/" + path, 0o755) == 0 || errno == EEXIST ? nil : "\(path): \(String(cString: strerror(errno)))"
            }
            if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
        }
        let failures = files.parallelMap { file -> String? in
            do {
                try write(file, to: root + "/" + file.path)
                return nil
            } catch {
                return "\(file.path): \(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(description: failure) }
    }

    /// One `open`, one `write` loop and one `close` per file.
    private static func write(_ file: OutputFile, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        func writeAll(_ buffer: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(description: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        switch file.contents {
        case .text(var text):
            try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes):
            try bytes.withUnsafeBytes { try writeAll($0) }
        case .copy:
            let data = try file.data()
            try data.withUnsafeBytes { try writeAll($0) }
        }
    }
}
