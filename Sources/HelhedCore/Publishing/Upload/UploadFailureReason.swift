import Foundation

/// Turns rsync's exit and what rsync and ssh printed into one line a user can act on. ssh's messages are recognised by
/// their fixed English text (the uploader runs both with LC_ALL=C), rsync's by its documented exit codes.
enum UploadFailureReason {
    static let finishAdvice = "the host keeps the old site; run publish again to finish"

    /// `status` is rsync's exit code, or nil when a signal (`signal`) ended it.
    static func explain(status: Int32?, signal: Int32?, stderr: String, target: PublishTarget) -> UploadError {
        // ssh ends its lines with "\r\n", which Swift counts as one character: `isNewline` splits at both kinds.
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        func has(_ text: String) -> Bool { lines.contains { $0.localizedCaseInsensitiveContains(text) } }
        func fail(_ kind: UploadError.Kind, _ message: String) -> UploadError { UploadError(kind, message, details: stderr) }
        let hostAndPort = "\(target.host) port \(target.port)"

        if let signal {
            return fail(.interrupted, "the upload was stopped (signal \(signal)); \(finishAdvice)")
        }
        // ssh's own failures come first: rsync then only adds "connection unexpectedly closed".
        for cause in ["Connection refused", "No route to host", "Connection timed out", "Network is unreachable",
                      "Could not resolve hostname", "Name or service not known", "Temporary failure in name resolution",
                      "Operation timed out", "Connection closed by remote host", "Connection reset by peer"] where has(cause) {
            return fail(.unreachable, "cannot reach \(hostAndPort) (\(cause.lowercased())); check the host name, the port and that the host's SSH server runs")
        }
        if has("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return fail(.hostKeyRejected, "the host key of \(target.host) has changed since it was first remembered; if the host was reinstalled, remove the old key with ssh-keygen -R, otherwise do not publish there (someone may be intercepting)")
        }
        if has("Host key verification failed") {
            return fail(.hostKeyRejected, "the host key of \(target.host) could not be verified; connect once with ssh \(target.user)@\(target.host) -p \(target.port) to check and remember it")
        }
        // ssh lists the methods it tried, "Permission denied (publickey,password)."; a file error ends in "(13)".
        let loginRefusal = lines.first { line in
            guard let range = line.range(of: "Permission denied (") else { return false }
            return line[range.upperBound...].first?.isLetter == true
        }
        if loginRefusal != nil || has("Too many authentication failures") {
            let methods = loginRefusal.flatMap { line in
                line.range(of: "Permission denied (").map { String(line[$0.lowerBound...]) }
            } ?? "too many authentication failures"
            return fail(.authenticationRefused, "\(hostAndPort) refused the login as \(target.user) (\(methods)); add your public key to ~\(target.user)/.ssh/authorized_keys on the host, or give the key with --identity")
        }
        if has("rsync: command not found") || has("rsync: not found") || lines.contains(where: { $0.hasSuffix("rsync: No such file or directory") }) {
            return fail(.remoteRsyncMissing, "rsync is not installed on \(target.host); install it there (apt-get install rsync)")
        }

        let status = status ?? -1
        let firstProblem = Self.firstProblem(lines)
        let because = firstProblem.map { " (\($0))" } ?? ""
        // The receiving rsync runs on the host: its file errors are about the target folder. rsync does not always
        // deliver the host's explanation (it was missing now and then, also on an idle machine), so a selection or
        // file error that the local sender did not report is taken to be the host's.
        let onReceiver = !lines.contains { $0.contains("[sender]") || $0.contains("[Sender]") }
        switch status {
        case 255:
            return fail(.unreachable, "the SSH connection to \(hostAndPort) failed\(because); check the host, the port and your SSH key")
        case 3 where onReceiver, 11 where onReceiver:
            return fail(.remotePathUnusable, "the folder \(target.path) on \(target.host) cannot be made or written\(because); create it there and give \(target.user) write access, or fix the path")
        case 20:
            return fail(.interrupted, "the upload was interrupted; \(finishAdvice)")
        case 30, 35:
            return fail(.interrupted, "the upload stalled: no data for too long\(because); \(finishAdvice)")
        case 23:
            if has("Permission denied (13)") || has("Read-only file system") || has("No space left on device") {
                return fail(.partialTransfer, "some files could not be written on \(target.host)\(because); the upload is incomplete: fix the host, then run publish again to finish")
            }
            return fail(.partialTransfer, "some files were not transferred\(because); the upload is incomplete: run publish again to finish")
        case 24:
            return fail(.partialTransfer, "files in the site changed during the upload\(because); the upload is incomplete: run publish again to finish")
        case 12 where firstProblem == nil || has("connection unexpectedly closed"):
            return fail(.interrupted, "the connection to \(hostAndPort) broke off\(because); \(finishAdvice)")
        default:
            return fail(.failed, "rsync failed with exit code \(status)\(because)")
        }
    }

    /// rsync's first explanation, without its `rsync: [Receiver]` prefix; not the closing `rsync error:` line, which
    /// only repeats the exit code.
    static func firstProblem(_ lines: [String]) -> String? {
        for line in lines where line.hasPrefix("rsync:") || line.hasPrefix("ERROR:") {
            var text = line.dropFirst(line.hasPrefix("rsync:") ? 6 : 0).trimmingCharacters(in: .whitespaces)
            for prefix in ["[Receiver]", "[receiver]", "[sender]", "[Sender]", "[generator]", "[Generator]"] where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            }
            if text.hasPrefix("ERROR: ") { text = String(text.dropFirst(7)) }
            return text
        }
        return nil
    }
}
