import ArgumentParser
import Foundation
import HelhedServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you write: serve it, rebuild on every save, and reload the browser.",
        discussion: """
        Builds the site into memory (Public/ is never touched) and serves it at http://127.0.0.1:8000/. Every save in \
        the content or templates folder rebuilds the site, and open pages reload by themselves. When a rebuild fails, \
        the last good site stays up with the error shown on every page.
        """
    )

    @OptionGroup var folders: SiteFolders

    @Option(help: "The address to listen on. The default keeps the preview on this machine; 0.0.0.0 shares it with your network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @Flag(help: "Notice changes by polling every 500 ms instead of inotify (for network drives and some containers).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
    }

    func run() throws {
        // The output folder is never written by `serve`; the option only completes the shared build options.
        let build = try folders.buildOptions(output: "Public")
        let options = ServeOptions(build: build, host: host, port: UInt16(port), explicitBaseURL: build.site.baseURL,
                                   forcePolling: poll)
        let status = ServeSession.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
