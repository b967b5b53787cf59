import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `helhed` binary with `posix_spawn` and reaps it with `wait4`, which reports the CPU time of that one child:
/// unlike wall-clock time or the whole process's rusage, it does not count the other tests running at the same time.
struct ChildProcess {
    let pid: pid_t
    let errorFile: URL

    struct Exit {
        /// The exit status, or nil when a signal ended the process.
        let status: Int32?
        let signal: Int32?
        /// User + system CPU seconds of the child.
        let cpuSeconds: Double
        let stderr: String
    }

    /// Starts `binary` with `arguments`; standard output goes to /dev/null, standard error to a file read on `wait()`.
    static func start(_ binary: URL, _ arguments: [String]) throws -> ChildProcess {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-stderr-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return ChildProcess(pid: pid, errorFile: errorFile)
    }

    /// Whether the process has ended, without reaping it: until `wait()` reaps it, its id cannot be reused, so `kill` can
    /// never reach another process.
    func hasExited() -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        return info.si_signo == SIGCHLD
    }

    /// Sends `signal`; only ever called before `wait()` has reaped the process.
    func kill(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(pid, signal)
    }

    func wait() -> Exit {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errorFile)
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return Exit(status: signaled ? nil : (status >> 8) & 0xFF, signal: signaled ? status & 0x7F : nil,
                    cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), stderr: stderr)
    }

    static func run(_ binary: URL, _ arguments: [String]) throws -> Exit {
        try start(binary, arguments).wait()
    }
}
