import FlyingFox
import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FlyingFox's default socket pool, with Nagle's algorithm switched off. FlyingFox writes a response's head and
/// body with separate calls; with Nagle on, the body waits for the client's delayed ACK, which costs every request
/// about 40 ms on Linux (measured: 23 requests a second on one connection). The listening socket is the first one
/// suspended here, and accepted sockets inherit `TCP_NODELAY` from it; setting it again on them is harmless.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var enabled: Int32 = 1
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
