import Foundation
import Testing
@testable import HelhedCore

/// Random sites through the whole pipeline (`SiteBuilder.build`: load, front matter, cmark, transforms, templates,
/// publishing files, the output swap): random front matter (valid and broken YAML, random keys, values and types,
/// anchors, tabs), random Markdown (syntax fragments mixed with random bytes: invalid UTF-8, NUL, CR, control
/// characters) and random file names. No case may crash or hang, and every failure must be a `BuildFailure` whose
/// messages all read `path:line: error|warning: message` and name a file or folder that exists.
///
/// Seeded and reproducible: the seed is printed; `HELHED_FUZZ_SEED=<seed>` repeats a run, `HELHED_FUZZ_CASES=<n>` runs
/// more cases, `HELHED_FUZZ_VERBOSE=1` prints each case before it runs (to find the one that crashed).
@Suite struct FuzzTests {
    typealias Random = SeededGenerator

    // MARK: Generators

    static let words = ["helhedsplan", "boligsocial", "Æble", "ø", "å", "Aarhus", "beboer", "x", "plan", "", " ", "ÆØÅ", "naïve", "日本",
                        "🙂", "a-b", "../..", "/etc/passwd", "javascript:alert(1)", "<script>", "{{x}}", "&amp;", "\"", "'", "\\", "%2e%2e",
                        "null", "true", "2022-08-20", "#", "|", "[[", "]]", "*", "&a", "*a", "- ", ": ", "? ", "\t", "\u{0B}", "\u{FEFF}"]

    static func word(_ r: inout Random) -> String {
        r.chance(85) ? r.pick(words) : String((0..<r.below(12)).map { _ in Character(Unicode.Scalar(UInt8(32 + r.below(95)))) })
    }

    static func scalarValue(_ r: inout Random) -> String {
        switch r.below(16) {
        case 0: return word(&r)
        case 1: return "\"" + word(&r) + " " + word(&r) + "\""
        case 2: return "'" + word(&r) + "'"
        case 3: return String(r.below(100_000) - 50_000)
        case 4: return r.pick(["true", "false", "yes", "no", "~", "null", "", ".nan", "-.inf", "0x1F", "1e9"])
        case 5: return String(format: "%04d-%02d-%02d", 1990 + r.below(60), r.below(14), r.below(33))
        case 6: return r.pick(["i går", "2022-8-20", "20-08-2022", "2022-02-30", "2022-08-20T10:00:00Z", "9999-12-31"])
        case 7: return "[" + (0..<r.below(4)).map { _ in word(&r) }.joined(separator: ", ") + "]"
        case 8: return "{" + word(&r) + ": " + word(&r) + "}"
        case 9: return "|\n  " + word(&r) + "\n  " + word(&r)
        case 10: return "&anker " + word(&r)
        case 11: return "*anker"
        case 12: return "\"ulukket " + word(&r)
        case 13: return "[" + word(&r)
        case 14: return "!!binary aGVq"
        default: return String(repeating: word(&r), count: r.below(50))
        }
    }

    static let articleKeys = ["title", "date", "kind", "summary", "tags", "draft", "slug", "updated", "autolink"]
    static let termKeys = ["title", "summary", "aliases", "related", "draft", "slug", "autolink"]

    static func frontMatter(_ r: inout Random, isArticle: Bool, index: Int) -> String {
        var lines: [String] = []
        if r.chance(70) {
            // Mostly valid fields, so that the Markdown below gets parsed too.
            lines.append("title: \"\(isArticle ? "Artikel" : "begreb") \(index)\"")
            if isArticle {
                lines.append("date: 2022-08-\(String(format: "%02d", 1 + r.below(28)))")
                lines.append("kind: \(r.pick(["explainer", "case", "event"]))")
            }
            lines.append("summary: \"Et resumé.\"")
            if !isArticle && r.chance(50) { lines.append("aliases: [\"begreb \(index) form\", \(Page.quoted(word(&r)))]") }
            if isArticle && r.chance(50) { lines.append("tags: [\(Page.quoted(word(&r))), emne]") }
        }
        for _ in 0..<r.below(5) {
            let key = r.chance(70) ? r.pick(isArticle ? articleKeys : termKeys) : r.chance(80) ? word(&r) : r.pick(["? [a, b]", "- x", "&k key", "*k"])
            var line = "\(key): \(scalarValue(&r))"
            if r.chance(8) { line = (r.chance(50) ? "\t" : "   ") + line }
            if r.chance(10) { line = "  - " + scalarValue(&r) }
            lines.insert(line, at: r.below(lines.count + 1))
        }
        return lines.joined(separator: "\n")
    }

    static let fragments = [
        "# Titel\n", "## Afsnit\n", "### Under *afsnit*\n", "## Afsnit\n", "*kursiv* ", "**fed** ", "_a_ ", "`kode` ", "``", "```\nkode\n```\n",
        "    indrykket\n", "> citat\n", "- punkt\n", "1. nummer\n", "[[begreb 0]] ", "[[begreb 1|vist]] ", "[[ukendt]] ", "[[", "]]",
        "[link](a0.md) ", "[link](../artikler/a1.md#afsnit) ", "[link](../ordforklaringer/t0.md) ", "[x](#afsnit) ", "[x](#mangler) ",
        "[x](https://example.org/) ", "[x](javascript:alert(1)) ", "[x](../../etc/passwd) ", "[x](/etc/passwd) ", "[x](mappe/) ",
        "![billede](../kort.svg) ", "![](x.png) ", "![[]()", "<script>alert(1)</script>", "<b>", "&amp; &#0; &#x110000; ", "\\", "\n\n",
        "helhedsplan boligsocial begreb 0 ", "---\n", "***\n", "|a|b|\n", "[ref]: https://example.org/\n", "[ref] ", "<https://example.org>",
        "<!-- kommentar", "\r\n", "\r", "\t", "\u{0}", "æøå ÆØÅ ", "🙂", "\u{FEFF}", "\u{202E}",
    ]

    /// Fragments that never make a build fail (no broken links, unknown terms or refused patterns).
    static let harmlessFragments = fragments.filter {
        !["[[ukendt]] ", "[x](#mangler) ", "[x](../../etc/passwd) ", "[x](/etc/passwd) ", "[x](mappe/) ", "![](x.png) ", "![[]()", "\u{0}",
          "[link](../artikler/a1.md#afsnit) ", "[link](../ordforklaringer/t0.md) ", "[[begreb 0]] ", "[[begreb 1|vist]] ", "[x](#afsnit) ",
          "[link](a0.md) "].contains($0)
    }

    static func markdown(_ r: inout Random, harmless: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        if harmless {
            for _ in 0..<r.below(60) { bytes += Array(r.pick(harmlessFragments).utf8) }
            return bytes
        }
        for _ in 0..<r.below(60) {
            switch r.below(100) {
            case 0..<75: bytes += Array(r.pick(fragments).utf8)
            case 75..<77: bytes += (0..<r.below(20)).map { _ in UInt8(r.below(256)) }  // random bytes: invalid UTF-8, NUL, CR …
            case 77..<80: bytes += (0..<r.below(20)).map { _ in UInt8(r.pick([9, 10, 13, 32, 0x7F]) + (r.chance(50) ? 0 : UInt8(r.below(2)))) }
            case 80..<88: bytes += Array(String(repeating: r.pick(["[", "*", "_", "`", ">", "![", "[[", "<", "(", "- "]), count: r.below(300)).utf8)
            default: bytes += Array(word(&r).utf8)
            }
        }
        return bytes
    }

    static func file(_ r: inout Random, isArticle: Bool, index: Int, harmless: Bool) -> [UInt8] {
        if harmless {
            let fields = isArticle ? "title: \"Artikel \(index)\"\ndate: 2022-08-20\nkind: case\nsummary: Et resumé." : "title: \"begreb \(index)\"\nsummary: Et ord."
            return Array("---\n\(fields)\n---\n\n".utf8) + markdown(&r, harmless: true)
        }
        var bytes: [UInt8] = []
        if r.chance(5) { bytes += [0xEF, 0xBB, 0xBF] }
        func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(r.below(256)) } }
        switch r.below(40) {
        case 0, 1: return r.chance(50) ? [] : markdown(&r)  // empty, or no front matter
        case 2, 3: bytes += Array("---\n\(frontMatter(&r, isArticle: isArticle, index: index))\n".utf8) + markdown(&r)  // never closed
        case 4: return randomBytes(r.below(3_000))  // a binary file
        case 5: bytes += Array("---\n".utf8) + randomBytes(r.below(300)) + Array("\n---\n".utf8) + markdown(&r)  // front matter of random bytes
        default: bytes += Array("---\n\(frontMatter(&r, isArticle: isArticle, index: index))\n---\n\n".utf8) + markdown(&r)
        }
        if r.chance(10) {  // Windows line endings
            bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }
        return bytes
    }

    static func siteConfig(_ r: inout Random, harmless: Bool) -> String {
        if harmless || r.chance(85) {
            var config = FixtureSite.minimalConfig
            if r.chance(20) { config += "\nautolink: \(r.pick(["false", "true", "måske"]))" }
            if r.chance(10) { config += "\nunsafe_html: true" }
            return config
        }
        if r.chance(10) { return String(decoding: (0..<r.below(200)).map { _ in UInt8(r.below(256)) }, as: UTF8.self) }
        return (0..<r.below(6)).map { _ in "\(r.pick(["title", "description", "base_url", "language", "publisher", word(&r)])): \(scalarValue(&r))" }
            .joined(separator: "\n")
    }

    /// Writes one random site into `site` (replacing its content).
    static func writeRandomSite(_ r: inout Random, into site: FixtureSite) throws {
        let content = site.url("Content")
        try? FileManager.default.removeItem(at: content)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        // A quarter of the sites hold only valid files, so that whole builds (templates, feed, search index, the swap) run too.
        let harmless = r.chance(25)
        try site.write("Content/site.yml", siteConfig(&r, harmless: harmless))
        try site.write("Content/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        for index in 0..<(1 + r.below(4)) {
            let name = harmless || r.chance(90) ? "a\(index).md" : r.pick(["æble \(index).md", "a b\(index).md", ".skjult\(index).md", "a\(index).MD"])
            try site.write("Content/artikler/\(name)", Data(file(&r, isArticle: true, index: index, harmless: harmless)))
        }
        for index in 0..<r.below(4) {
            try site.write("Content/ordforklaringer/t\(index).md", Data(file(&r, isArticle: false, index: index, harmless: harmless)))
        }
        if !harmless && r.chance(10) { try site.write("Content/mappe/noter.md", Data(file(&r, isArticle: true, index: 9, harmless: false))) }
    }

    // MARK: The property

    /// `path:line: severity: message` or `path: severity: message` → the path.
    static func pathOfDiagnostic(_ text: String) -> String? {
        let pattern = try! Regex(#"^(.+?)(:([0-9]+))?: (error|warning): (.+)$"#)
        guard let match = try? pattern.wholeMatch(in: text) else { return nil }
        return match.output[1].substring.map(String.init)
    }

    /// What is wrong with a build's messages, if anything.
    static func problems(with diagnostics: [Diagnostic], root: URL, failed: Bool) -> [String] {
        var problems: [String] = []
        if failed && !diagnostics.contains(where: { $0.severity == .error }) { problems.append("a failed build reported no error") }
        if !failed && diagnostics.contains(where: { $0.severity == .error }) { problems.append("a successful build reported an error") }
        for diagnostic in diagnostics {
            let text = diagnostic.description
            guard !text.contains("\n"), let path = pathOfDiagnostic(text) else {
                problems.append("not in the form path:line: severity: message: \(text.debugDescription)")
                continue
            }
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                problems.append("names a file that does not exist: \(text)")
            }
            if diagnostic.message.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("an empty message: \(text)") }
        }
        return problems
    }

    /// Runs `work` on its own thread; nil when it did not finish within `limit` (the thread is left behind).
    final class Box<T>: @unchecked Sendable { var value: T? }

    static func withTimeLimit<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }

    @Test func randomSitesNeverCrashOrHangAndEveryFailureIsReported() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["HELHED_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_125
        let count = environment["HELHED_FUZZ_CASES"].flatMap { Int($0) } ?? 120
        let verbose = environment["HELHED_FUZZ_VERBOSE"] != nil
        print("fuzz: seed \(seed), \(count) cases (repeat with HELHED_FUZZ_SEED=\(seed))")
        let site = try FixtureSite()
        var outcomes = (built: 0, failed: 0)
        var slowest = Duration.zero
        for index in 0..<count {
            var random = Random(seed: seed &+ UInt64(index) &* 0x1_0000_0001)
            try Self.writeRandomSite(&random, into: site)
            if verbose { print("fuzz: seed \(seed) case \(index)") }
            let options = site.options()
            let start = ContinuousClock.now
            let result = Self.withTimeLimit(.seconds(30)) { () -> Result<BuildReport, BuildFailure> in
                do throws(BuildFailure) { return .success(try SiteBuilder.build(options)) } catch { return .failure(error) }
            }
            let elapsed = ContinuousClock.now - start
            slowest = max(slowest, elapsed)
            guard let result else {
                Issue.record("seed \(seed) case \(index): the build did not finish within 30 seconds")
                return
            }
            let problems: [String]
            switch result {
            case .success(let report):
                outcomes.built += 1
                problems = Self.problems(with: report.warnings, root: site.root, failed: false)
            case .failure(let failure):
                outcomes.failed += 1
                problems = Self.problems(with: failure.diagnostics, root: site.root, failed: true)
            }
            #expect(problems.isEmpty, "seed \(seed) case \(index): \(problems)")
            #expect(elapsed < .seconds(10), "seed \(seed) case \(index) took \(elapsed)")
        }
        print("fuzz: \(outcomes.built) sites built, \(outcomes.failed) refused with errors, slowest case \(slowest)")
        #expect(outcomes.built > 0 && outcomes.failed > 0, "the generator should produce both good and bad sites")
    }
}

extension SeededGenerator {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
