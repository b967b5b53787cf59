import FlyingSocks
import Foundation

/// The open live-reload connections (Server-Sent Events) and what is sent to them.
///
/// SSE rather than a WebSocket: the browser's `EventSource` reconnects by itself, it is one plain HTTP response
/// that FlyingFox streams with chunked encoding, and the server only ever talks one way.
final class LiveReloadHub: Sendable {
    static let path = "/__helhed/events"

    private struct Clients {
        var nextID = 0
        var open: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var isClosed = false
    }

    private let clients = Locked(Clients())
    private let heartbeat = Locked<Task<Void, Never>?>(nil)
    /// Changes every time the server starts, so a tab that reconnects to a restarted server knows to reload.
    let instance: String

    init(instance: String = UUID().uuidString.lowercased()) {
        self.instance = instance
    }

    var clientCount: Int { clients.withLock { $0.open.count } }

    /// A new connection's stream of event bytes; it ends when the hub closes or the browser goes away.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(64))
        let id: Int? = clients.withLock { clients in
            guard !clients.isClosed else { return nil }
            clients.nextID += 1
            clients.open[clients.nextID] = continuation
            return clients.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.clients.withLock { $0.open.removeValue(forKey: id) }
        }
        // `retry` makes browsers reconnect after a second instead of the default three.
        continuation.yield(Array("retry: 1000\n\n".utf8) + Self.encode(event: "hello", json: "{\"instance\":\"\(instance)\"}"))
        startHeartbeatIfNeeded()
        return stream
    }

    func send(event: String, json: String) {
        broadcast(Self.encode(event: event, json: json))
    }

    /// Ends every stream, so that a stopping server is not held open by tabs.
    func close() {
        let open = clients.withLock { clients in
            clients.isClosed = true
            defer { clients.open = [:] }
            return Array(clients.open.values)
        }
        for continuation in open { continuation.finish() }
        heartbeat.withLock { $0?.cancel() }
    }

    private func broadcast(_ bytes: [UInt8]) {
        let open = clients.withLock { Array($0.open.values) }
        for continuation in open { continuation.yield(bytes) }
    }

    /// A comment line now and then: it keeps proxies from timing the stream out, and writing to a closed tab's socket
    /// is how the server learns that the tab is gone.
    private func startHeartbeatIfNeeded() {
        heartbeat.withLock { task in
            guard task == nil else { return }
            task = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    guard let self else { return }
                    self.broadcast(Array(": keep-alive\n\n".utf8))
                }
            }
        }
    }

    static func encode(event: String, json: String) -> [UInt8] {
        // JSON from JSONEncoder has no raw newlines, so one `data:` line carries it.
        Array("event: \(event)\ndata: \(json)\n\n".utf8)
    }
}

/// Adapts a stream of SSE messages to the buffered byte sequence FlyingFox streams as a chunked body.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let messages: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(messages: messages.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        /// One message per call when it fits, so each event goes out as one chunk, at once.
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = message[...]
            }
            let chunk = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(chunk.count)
            return Array(chunk)
        }
    }
}
