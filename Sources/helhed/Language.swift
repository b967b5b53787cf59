import ArgumentParser
import Foundation
import HelhedCore

/// The language of this run: `--messages`, else `HELHED_MESSAGES`, else Danish (`MessageLanguage.choose`). It is
/// read from the raw arguments before ArgumentParser parses them, because the command help is made of static
/// descriptions that ArgumentParser reads first; a lazily initialised global is computed once, on first use.
let messageLanguage: MessageLanguage = {
    let arguments = Array(CommandLine.arguments.dropFirst())
    var option: String?
    for (index, argument) in arguments.enumerated() {
        if argument == "--" { break }
        if argument == "--messages", index + 1 < arguments.count { option = arguments[index + 1] }
        if argument.hasPrefix("--messages=") { option = String(argument.dropFirst("--messages=".count)) }
    }
    do {
        return try MessageLanguage.choose(option: option, environment: ProcessInfo.processInfo.environment)
    } catch {
        FileHandle.standardError.write(Data("helhed: \(error)\n".utf8))
        exit(64)  // EX_USAGE, as ArgumentParser's own usage errors
    }
}()

/// A text of the catalogue in this run's language (the command help, the command line's own lines).
func say(_ key: MessageKey) -> String { key.text(in: messageLanguage) }

func say(_ message: Message) -> String { message.rendered(in: messageLanguage) }

/// `--messages da|en`: every command takes it (its value is read earlier, see `messageLanguage`).
struct MessageOption: ParsableArguments {
    @Option(name: .customLong("messages"), help: ArgumentHelp(say(.helpMessages), valueName: "da|en"))
    var messages: String?
}

/// Prints diagnostics the way compilers do, so terminals and editors can jump to them.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.rendered(in: messageLanguage) + "\n").utf8))
    }
}
