import Dispatch
import Foundation
import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// `helhed serve` from the command line: runs the preview until Ctrl-C (SIGINT) or SIGTERM, then stops it cleanly
/// so the port is free again. Blocks the calling thread; the server runs on the concurrency pool.
public enum ServeSession {
    /// Returns the process's exit status: 0 after a clean stop, 1 when the server could not start.
    public static func run(_ options: ServeOptions, console: ServeConsole = .standard) -> Int32 {
        let stopRequested = DispatchSemaphore(value: 0)
        let signalCount = Locked(0)
        let signalSources = [SIGINT, SIGTERM].map { number in
            // Handled through Dispatch rather than a C handler, so stopping can run ordinary Swift code.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let count = signalCount.withLock { count in
                    count += 1
                    return count
                }
                if count == 1 {
                    stopRequested.signal()
                } else {
                    // A second Ctrl-C while stopping: leave at once.
                    _exit(130)
                }
            }
            source.resume()
            return source
        }
        defer { signalSources.forEach { $0.cancel() } }

        let server = PreviewServer(options: options, console: console)
        let started = Locked<Result<URL, ServeError>?>(nil)
        let startDone = DispatchSemaphore(value: 0)
        Task {
            do throws(ServeError) {
                let url = try await server.start()
                started.withLock { $0 = .success(url) }
            } catch {
                started.withLock { $0 = .failure(error) }
            }
            startDone.signal()
        }
        startDone.wait()

        switch started.current {
        case .success(let url)?:
            let title = " \"\(siteTitle(options) ?? "")\"".replacingOccurrences(of: " \"\"", with: "")
            let say = { (message: Message) in message.rendered(in: options.messages) }
            console.info(say(Message(.serving, ["title": title, "url": url.absoluteString])))
            let method = server.watchMethod?.rawValue ?? "polling"
            console.info(say(Message(.watching, ["content": DisplayPath.of(options.build.contentFolder),
                                                 "templates": DisplayPath.of(options.build.templatesFolder), "method": method])))
            if !PreviewServer.isLoopback(options.host) {
                console.info(say(Message(.listeningBeyondThisMachine, ["host": options.host])))
            }
        case .failure(let error)?:
            console.problem("helhed: \(error)")
            stopAndWait(server)
            return 1
        case nil:
            return 1
        }

        stopRequested.wait()
        console.info(MessageKey.stopping.text(in: options.messages))
        stopAndWait(server)
        console.info(Message(.stopped, ["port": server.port.map(String.init) ?? "?"]).rendered(in: options.messages))
        return 0
    }

    /// Stops the server from this synchronous (signal-waiting) thread.
    private static func stopAndWait(_ server: PreviewServer) {
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.stop()
            stopped.signal()
        }
        stopped.wait()
    }

    private static func siteTitle(_ options: ServeOptions) -> String? {
        SiteConfig.read(contentFolder: options.build.contentFolder)?.title
    }
}
