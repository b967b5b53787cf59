import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn` (an argument array, no shell) and reaped with `waitpid`.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when a socket the child inherited closes, and
/// then waits for it on its one monitoring thread. Programs that close every inherited descriptor at start (ssh and
/// sshd do) make that wait block until they exit, and every other `Process` in the program hangs meanwhile.
struct SpawnedProcess: Sendable {
    let pid: pid_t

    struct Ending: Sendable {
        /// The exit status, or nil when a signal ended the process.
        let status: Int32?
        let signal: Int32?
    }

    /// Starts `executable`; standard input is /dev/null, output and errors go to the files given (or /dev/null).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                      standardOutput: String = "/dev/null", standardError: String = "/dev/null") throws -> SpawnedProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Signals the parent ignores stay ignored in the child unless reset: a child that ignored SIGINT could not be
        // stopped with Ctrl-C.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return SpawnedProcess(pid: pid)
    }

    /// Whether the process still runs, without reaping it (so its id cannot be reused before `wait()`).
    var isRunning: Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
        return info.si_signo != SIGCHLD
    }

    func send(_ signal: Int32) {
        _ = kill(pid, signal)
    }

    func wait() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        if signal != 0 && signal != 0x7F { return Ending(status: nil, signal: signal) }
        return Ending(status: (status >> 8) & 0xFF, signal: nil)
    }
}
