import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A reply as it came over the wire.
struct HTTPReply: Sendable {
    let status: Int
    /// Lower-cased names.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

struct RawHTTPError: Error, CustomStringConvertible {
    let description: String
}

/// An HTTP/1.1 client over a plain socket. URLSession tidies paths (`..`, `%2e`) before sending them; the point
/// of the traversal tests is to send them exactly as an attacker would, so this client sends bytes as given.
enum RawHTTP {
    static func get(_ port: UInt16, _ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPReply {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        return try await send(port, Array(request.utf8), isHead: method == "HEAD")
    }

    /// Sends raw bytes (for request lines no string API would produce, like a literal NUL).
    static func send(_ port: UInt16, _ bytes: [UInt8], isHead: Bool = false) async throws -> HTTPReply {
        try await onOwnThread {
            let socket = try connect(port)
            defer { close(socket) }
            try writeAll(socket, bytes)
            let raw = try readToEnd(socket)
            return try parse(raw, isHead: isHead)
        }
    }

    // MARK: - Blocking socket work, kept off the concurrency pool the server runs on

    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }

    static func connect(_ port: UInt16, receiveTimeout seconds: Int = 20) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawHTTPError(description: "socket() failed: \(errno)") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw RawHTTPError(description: "connect() to port \(port) failed: \(errno)")
        }
        return socket
    }

    static func writeAll(_ socket: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw RawHTTPError(description: "send() failed: \(errno)") }
            offset += written
        }
    }

    static func readToEnd(_ socket: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else { throw RawHTTPError(description: "recv() failed or timed out: \(errno)") }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    static func parse(_ raw: [UInt8], isHead: Bool) throws -> HTTPReply {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else {
            throw RawHTTPError(description: "no complete header in \(raw.count) bytes: \(String(decoding: raw, as: UTF8.self))")
        }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTPError(description: "bad status line: \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[end.upperBound...])
        if isHead || status == 304 {
            body = []
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            body = Array(body.prefix(length))
        }
        return HTTPReply(status: status, headers: headers, body: Data(body))
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        let crlf: [UInt8] = [13, 10]
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: crlf) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                throw RawHTTPError(description: "bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            output.append(contentsOf: bytes[start..<min(bytes.count, start + size)])
            index = start + size + 2
        }
        return output
    }
}

/// Listens to the live-reload stream like a browser tab would, collecting what arrives.
final class EventStreamListener: @unchecked Sendable {
    private let socket: Int32
    private let received = LockedText()
    private let finished = DispatchSemaphore(value: 0)

    init(port: UInt16) throws {
        socket = try RawHTTP.connect(port, receiveTimeout: 60)
        try RawHTTP.writeAll(socket, Array("GET /__helhed/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let thread = Thread { [socket, received, finished] in
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received.append(String(decoding: buffer[0..<count], as: UTF8.self))
            }
            finished.signal()
        }
        thread.start()
    }

    var text: String { received.value }

    /// `(event, data)` pairs seen so far, in order.
    var events: [(name: String, data: String)] {
        var events: [(String, String)] = []
        for block in text.components(separatedBy: "\n\n") {
            var name = "message"
            var data: String?
            // By scalar, not by Character: the chunked body's `\r\n` is one Character and would glue lines together.
            for line in block.components(separatedBy: CharacterSet.newlines) {
                // Chunk-size lines of the chunked body sit between events; neither prefix matches them.
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if let data { events.append((name, data)) }
        }
        return events
    }

    func waitForEvent(_ name: String, timeout: Duration = .seconds(20), where matches: @escaping (String) -> Bool = { _ in true }) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let event = events.first(where: { $0.name == name && matches($0.data) }) { return event.data }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        finished.wait()
        Glibc.close(socket)
    }
}

final class LockedText: @unchecked Sendable {
    private var storage = ""
    private let lock = NSLock()

    func append(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Waits for a condition without assuming how long anything takes.
func eventually(timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
