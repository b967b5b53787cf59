/// Why an upload did not happen or did not finish, as one line a user can act on.
public struct UploadError: Error, Sendable, CustomStringConvertible {
    enum Kind: String, Sendable {
        /// The target is not `user@host:/absolute/path`, or the port is out of range.
        case badTarget
        /// `publish:` in site.yml cannot be read.
        case badSettings
        /// rsync or ssh is not installed on this machine.
        case toolMissing
        /// Nothing answered: wrong host or port, no route, a timeout, or a name that does not resolve.
        case unreachable
        /// The host's key differs from the one remembered, or it cannot be checked.
        case hostKeyRejected
        /// The host refused the login (no key it accepts).
        case authenticationRefused
        /// The remote folder cannot be made or written.
        case remotePathUnusable
        /// rsync is missing on the host.
        case remoteRsyncMissing
        /// The upload was stopped part-way (a signal, Ctrl-C, a timeout); the delayed updates were not applied.
        case interrupted
        /// Some files were not transferred (rsync 23/24): the upload is not complete.
        case partialTransfer
        /// The folder to upload is missing or empty.
        case nothingToUpload
        /// Anything else rsync reported.
        case failed
    }

    let kind: Kind
    /// One line, no trailing period needed; never contains key material (only ssh's and rsync's own messages).
    public let message: String
    /// What rsync and ssh printed on standard error, as they printed it: for `--verbose`.
    public let details: String

    init(_ kind: Kind, _ message: String, details: String = "") {
        self.kind = kind
        self.message = message
        self.details = details
    }

    public var description: String { message }
}
