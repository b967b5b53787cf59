import ArgumentParser
import Foundation
import HelhedCore
import HelhedServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.helpServe),
        discussion: say(.helpServeDiscussion)
    )

    @OptionGroup var folders: SiteFolders

    @Option(help: ArgumentHelp(say(.helpHost)))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(say(.helpPort)))
    var port = 8000

    @Flag(help: ArgumentHelp(say(.helpPoll)))
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(say(Message(.portOptionInvalid, ["port": String(port)]))) }
    }

    func run() throws {
        // The output folder is never written by `serve`; the option only completes the shared build options.
        let build = try folders.buildOptions(output: "Public")
        let options = ServeOptions(build: build, host: host, port: UInt16(port), explicitBaseURL: build.site.baseURL,
                                   forcePolling: poll, messages: messageLanguage)
        let status = ServeSession.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
