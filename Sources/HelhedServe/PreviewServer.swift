import FlyingFox
import FlyingSocks
import Foundation
import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// `helhed serve`: builds the site into memory, serves it, watches `Content/` and `Templates/`, rebuilds on save
/// and tells open tabs to reload. Never writes to the output folder.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    private let console: ServeConsole
    private let store: SiteStore
    private let hub = LiveReloadHub()
    private let running = Locked(Running())

    private struct Running {
        var server: HTTPServer?
        var task: Task<Void, Never>?
        var loop: RebuildLoop?
        var notes: NotesLoop?
        var watcher: (any FileWatching)?
        var watchMethod: FileWatcherKind?
        var port: UInt16?
        var isStopped = false
    }

    public init(options: ServeOptions, console: ServeConsole = .standard) {
        self.options = options
        self.console = console
        self.store = SiteStore(messages: options.messages)
    }

    /// The port actually listened on (useful with port 0), once started.
    public var port: UInt16? { running.withLock { $0.port } }

    /// Listens, builds the site once, starts watching; returns the address of the site's home page.
    public func start() async throws(ServeError) -> URL {
        let address = try Self.socketAddress(host: options.host, port: options.port)
        let server = HTTPServer(address: address, timeout: 15, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                                logger: .disabled, handler: PreviewHandler(store: store, hub: hub))
        let failure = Locked<(any Error)?>(nil)
        let task = Task {
            do { try await server.run() } catch { failure.withLock { $0 = error } }
        }
        running.withLock {
            $0.server = server
            $0.task = task
        }

        // `run()` either starts listening or fails to bind almost at once; wait for whichever comes first.
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = failure.current { throw mapListenError(error) }
            guard ContinuousClock.now < deadline else {
                throw .cannotListen(host: options.host, port: options.port, reason: "the server did not start within 10 seconds")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        guard let port = await Self.port(of: server.listeningAddress) else {
            throw .cannotListen(host: options.host, port: options.port, reason: "the listening address is unknown")
        }
        running.withLock { $0.port = port }

        let origin = "http://\(Self.urlHost(options.host)):\(port)"
        let notes = NotesLoop(options: options.build, store: store, hub: hub, console: console)
        let loop = RebuildLoop(
            settings: .init(build: options.build, explicitBaseURL: options.explicitBaseURL, origin: origin,
                            debounce: options.debounce, makeRebuilder: options.makeRebuilder, messages: options.messages),
            store: store, hub: hub, console: console, notes: notes)
        running.withLock {
            $0.loop = loop
            $0.notes = notes
        }
        await loop.buildInitially()

        let roots = [options.build.contentFolder, options.build.templatesFolder]
        let (watcher, kind) = FileWatchers.start(roots: roots, forcePolling: options.forcePolling) { paths in
            loop.noteChanges(paths)
        }
        running.withLock {
            $0.watcher = watcher
            $0.watchMethod = kind
        }

        let basePath = store.current.site?.encodedBasePath ?? options.explicitBaseURL?.path ?? "/"
        return URL(string: origin + basePath) ?? URL(fileURLWithPath: "/")
    }

    /// How changes are noticed: inotify, or polling when inotify is unavailable or `--poll` was given.
    public var watchMethod: FileWatcherKind? { running.withLock { $0.watchMethod } }

    /// Stops watching, ends the live-reload streams, closes every connection and frees the port.
    public func stop() async {
        let current = running.withLock { running in
            defer { running.isStopped = true }
            return running.isStopped ? nil : running
        }
        guard let current else { return }
        current.watcher?.stop()
        current.loop?.stop()
        current.notes?.stop()
        hub.close()
        // Requests in flight finish within the grace period; FlyingFox's accept loop only ends when it is cancelled,
        // which is what the timeout does, so the period is kept short.
        await current.server?.stop(timeout: 0.2)
        await current.task?.value
    }

    // MARK: - Addresses

    private func mapListenError(_ error: any Error) -> ServeError {
        if case SocketError.failed(_, let code, let message) = error {
            switch code {
            case EADDRINUSE: return .portInUse(host: options.host, port: options.port)
            case EACCES: return .cannotListen(host: options.host, port: options.port, reason: "permission denied (ports below 1024 need root; try --port 8000)")
            case EADDRNOTAVAIL: return .cannotListen(host: options.host, port: options.port, reason: "that address does not belong to this machine")
            default: return .cannotListen(host: options.host, port: options.port, reason: message)
            }
        }
        return .cannotListen(host: options.host, port: options.port, reason: "\(error)")
    }

    static func socketAddress(host: String, port: UInt16) throws(ServeError) -> any SocketAddress {
        let host = host == "localhost" ? "127.0.0.1" : host
        if let address = try? sockaddr_in.inet(ip4: host, port: port) { return address }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let address = try? sockaddr_in6.inet6(ip6: bare, port: port) { return address }
        throw .invalidHost(host)
    }

    /// The host to put in links: a wildcard address is not something a browser can open.
    static func urlHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::", "[::]": "[::1]"
        case _ where host.contains(":") && !host.hasPrefix("["): "[\(host)]"
        default: host
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    private static func port(of address: Socket.Address?) -> UInt16? {
        switch address {
        case .ip4(_, let port)?: port
        case .ip6(_, let port)?: port
        default: nil
        }
    }
}
