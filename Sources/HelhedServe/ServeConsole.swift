import Foundation

/// Where `serve` talks to the person running it. Lines go out unbuffered, so a terminal (or a test reading a pipe)
/// sees each rebuild the moment it happens.
public struct ServeConsole: Sendable {
    /// Progress: the address, one line per rebuild.
    public var info: @Sendable (String) -> Void
    /// Problems: diagnostics, failed rebuilds.
    public var problem: @Sendable (String) -> Void

    public init(info: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.problem = problem
    }

    public static let standard = ServeConsole(
        info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        problem: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )

    public static let silent = ServeConsole(info: { _ in }, problem: { _ in })
}
