import Foundation
import HelhedCore

/// How `helhed serve` runs.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    /// An IP address to listen on. The default keeps the preview on this machine.
    public var host: String
    /// 0 lets the system pick a free port.
    public var port: UInt16
    /// `--base-url`: only its path is used (the site is served under it); the origin is always this server's.
    public var explicitBaseURL: BaseURL?
    public var forcePolling: Bool
    /// How long saves must be quiet before a rebuild starts.
    public var debounce: Duration
    public var makeRebuilder: SiteRebuilderFactory
    /// The language of the banner and the terminal lines.
    public var messages: MessageLanguage

    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, explicitBaseURL: BaseURL? = nil,
                forcePolling: Bool = false, debounce: Duration = .milliseconds(100),
                makeRebuilder: @escaping SiteRebuilderFactory = SiteRebuilders.incremental, messages: MessageLanguage = .danish) {
        self.build = build
        self.host = host
        self.port = port
        self.explicitBaseURL = explicitBaseURL
        self.forcePolling = forcePolling
        self.debounce = debounce
        self.makeRebuilder = makeRebuilder
        self.messages = messages
    }
}

public enum ServeError: Error, Sendable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case cannotListen(host: String, port: UInt16, reason: String)
    case invalidHost(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use (is another `helhed serve` running?); choose another with --port, or --port 0 for any free one"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        case .invalidHost(let host):
            "--host must be an IP address of this machine, like 127.0.0.1, ::1 or 0.0.0.0 (got \"\(host)\")"
        }
    }
}
