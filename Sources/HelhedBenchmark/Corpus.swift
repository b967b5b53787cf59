import Foundation
import HelhedCore

/// A glossary term of the synthetic corpus.
struct CorpusTerm {
    let file: String
    let title: String
    let aliases: [String]
    let summary: String
    let related: [String]
    let body: String
}

/// An article of the synthetic corpus. `body` is Markdown in Helhed's dialect (`[[term]]` references,
/// links to `artikel-….md`); `HugoSite` rewrites what Hugo does not know.
struct CorpusArticle {
    let file: String
    let title: String
    let date: String
    let kind: String
    let summary: String
    let tags: [String]
    let body: String
}

/// A deterministic synthetic Danish site: `articleCount` articles of 1–6 KB and `articleCount / 10` glossary terms
/// with aliases. Every link points at a page (or a heading) that exists, and every `[[…]]` names a term, so the
/// corpus builds without errors and exercises link checking, fragment checks, term references and automatic
/// term linking.
struct Corpus {
    let articles: [CorpusArticle]
    let terms: [CorpusTerm]

    static let siteTitle = "Boligsociale indsatser"
    static let siteDescription = "En syntetisk dansk testside med artikler og ordforklaringer om boligsociale indsatser."
    static let baseURL = "https://boligsocial.example.dk/"

    init(articleCount: Int, seed: UInt64 = 2024) {
        var random = SeededGenerator(seed: seed)
        let terms = Self.makeTerms(count: max(1, articleCount / 10), random: &random)
        var articles: [CorpusArticle] = []
        articles.reserveCapacity(articleCount)
        for index in 0..<articleCount {
            articles.append(Self.makeArticle(index, of: articleCount, terms: terms, random: &random))
        }
        self.terms = terms
        self.articles = articles
    }

    static func articleFile(_ index: Int) -> String { String(format: "artikel-%05d.md", index + 1) }
    static func termFile(_ index: Int) -> String { String(format: "ord-%04d.md", index + 1) }

    // MARK: Vocabulary

    static let prefixes = [
        "bolig", "by", "nabo", "beboer", "skole", "fritids", "job", "kultur", "sundheds", "familie", "ungdoms", "social",
        "miljø", "trygheds", "lokal", "kvarter", "afdelings", "fonds", "kommune", "forenings", "netværks", "værested",
        "have", "park", "idræts", "uddannelses", "trivsels", "frivillig", "lejer", "drifts", "energi", "klima", "grøn",
        "gade", "torve", "projekt", "forsøgs", "borger", "velfærds", "lektie",
    ]
    static let suffixes = [
        "råd", "indsats", "model", "strategi", "partnerskab", "udvalg", "pulje", "vejledning", "mentorordning", "kontrakt",
        "evaluering", "analyse", "redskab", "aftale", "ordning", "program", "budget", "tilbud", "samarbejde", "koordinator",
        "forum", "politik", "reform", "styring", "portal", "kortlægning", "handleplan", "målsætning", "ansøgning", "rapport",
        "undersøgelse", "konference", "værksted", "café", "dialog", "forløb", "kampagne", "screening", "hotline", "skema",
    ]
    static let places = [
        "Gellerup", "Vollsmose", "Tingbjerg", "Mjølnerparken", "Korsløkken", "Skovparken", "Munkebo", "Ringparken",
        "Stengårdsvej", "Nørrebro", "Sønderbro", "Aalborg Øst", "Holmbladsgade", "Ishøj Strand", "Taastrup Gårde",
        "Æblehaven", "Ørstedparken", "Ålholm", "Brøndby Strand", "Hedelyngen",
    ]
    static let tags = [
        "beskæftigelse", "uddannelse", "tryghed", "trivsel", "børn og unge", "familier", "sundhed", "kultur", "fritid",
        "frivillighed", "samarbejde", "kommuner", "finansiering", "renovering", "fællesskab", "evaluering", "forebyggelse",
        "integration", "ældre", "beboerdemokrati", "byudvikling", "energi", "klima", "økonomi",
    ]
    static let topics = [
        "Erfaringer med", "Sådan lykkes", "Et år med", "Nye veje for", "Status på", "Lær af", "Spørgsmål og svar om",
        "Når beboerne tager ansvar for", "Tal og fakta om", "Ti råd om",
    ]
    static let sectionHeadings = [
        "Udfordringen", "Indsatsen", "Samarbejdspartnere", "Hvad andre kan lære", "Resultater", "Næste skridt",
        "Økonomi og finansiering", "Beboernes rolle", "Sådan kom vi i gang", "Det svære", "Gode råd", "Metoden",
    ]
    static let subHeadings = ["Første fase", "Anden fase", "Opfølgning", "Erfaringer", "Tal", "Eksempler", "Tidsplan"]
    static let subjects = [
        "Boligorganisationen", "Kommunen", "Helhedsplanen", "Beboerne", "Medarbejderne", "Styregruppen", "Projektlederen",
        "De frivillige", "Afdelingsbestyrelsen", "Skolen", "Foreningerne", "Indsatsen", "Partnerskabet", "Fonden",
    ]
    static let verbs = [
        "har styrket", "bygger videre på", "samler", "skaber rammer for", "har prøvet", "evaluerer", "udvikler",
        "understøtter", "følger op på", "sætter fokus på", "bidrager til", "finansierer", "planlægger", "gentænker",
    ]
    static let objects = [
        "samarbejdet på tværs af forvaltninger", "de unges vej til uddannelse", "trygheden i området", "fællesskabet i afdelingen",
        "beboernes egne idéer", "lektiehjælp og fritidsjob", "dialogen med politiet", "sundheden blandt de ældre",
        "forældresamarbejdet i daginstitutionerne", "beskæftigelsen blandt kvinder", "det lokale foreningsliv",
        "overgangen fra skole til job", "renoveringen af facaderne", "økonomien i boligafdelingen", "naboskabet på tværs af generationer",
    ]
    static let tails = [
        "i tæt samarbejde med kommunen", "over de næste fire år", "med støtte fra Landsbyggefonden", "uden at miste de lokale kræfter",
        "på tværs af sektorer", "med udgangspunkt i beboernes ønsker", "i hele boligområdet", "trods stramme budgetter",
        "efter en grundig kortlægning", "med fokus på langsigtede resultater", "sammen med de lokale skoler", "hver eneste uge",
    ]
    static let quotes = [
        "Det vigtigste er, at beboerne selv er med fra starten.", "Vi har lært, at tillid tager tid – men den betaler sig.",
        "Når vi mødes på tværs, løser vi problemerne, før de vokser.", "Små skridt hver uge gør en stor forskel over et år.",
        "Det handler om at se hele mennesket og hele området.",
    ]
    static let codeLines = [
        "antal_deltagere = 128", "mål: 75 % i job eller uddannelse", "budget_2024 = 1.250.000 kr.", "status: afsluttet",
        "ansvarlig: boligsocial medarbejder", "opfølgning: hver tredje måned",
    ]

    // MARK: Terms

    private static func makeTerms(count: Int, random: inout SeededGenerator) -> [CorpusTerm] {
        // Every title and alias is unique (Helhed rejects a name that points at two terms).
        var compounds: [String] = []
        for suffix in suffixes {
            for prefix in prefixes { compounds.append(prefix + suffix) }
        }
        compounds.shuffle(using: &random)
        // Past 1,600 terms (N > 16,000) the compounds come round again with a number.
        var used: Set<String> = []
        var names: [(title: String, aliases: [String])] = []
        var candidate = 0
        while names.count < count {
            let round = candidate / compounds.count
            let title = compounds[candidate % compounds.count] + (round == 0 ? "" : " \(round + 1)")
            candidate += 1
            guard used.insert(title).inserted else { continue }
            var aliases: [String] = []
            for ending in ["en", "er", "erne"] where aliases.count < 2 {
                let alias = round == 0 ? title + ending : title + " " + ending
                if used.insert(alias).inserted { aliases.append(alias) }
            }
            names.append((title, aliases))
        }
        return names.enumerated().map { index, name in
            let related = (0..<Int.random(in: 0...2, using: &random)).compactMap { _ -> String? in
                let other = Int.random(in: 0..<count, using: &random)
                return other == index ? nil : names[other].title
            }
            let mention = names[Int.random(in: 0..<count, using: &random)]
            var body = "Ordet bruges om \(name.title), når \(sentenceBody(&random)). "
            body += "Det hænger ofte sammen med \(mention.title) og \(sentenceBody(&random)).\n\n"
            body += "\(sentence(&random)) Se også [[\(mention.aliases.first ?? mention.title)]]. \(sentence(&random))\n"
            return CorpusTerm(file: termFile(index), title: name.title, aliases: name.aliases,
                              summary: "\(name.title.prefix(1).uppercased() + name.title.dropFirst()) er et redskab, som \(sentenceBody(&random)).",
                              related: Array(Set(related)).sorted(), body: body)
        }
    }

    // MARK: Articles

    private static func makeArticle(_ index: Int, of count: Int, terms: [CorpusTerm], random: inout SeededGenerator) -> CorpusArticle {
        let place = places.randomElement(using: &random)!
        let focus = terms.randomElement(using: &random)!
        let title = "\(topics.randomElement(using: &random)!) \(focus.title) i \(place) \(index + 1)"
        let kind = ["explainer", "case", "case", "event"].randomElement(using: &random)!
        let dayNumber = Int.random(in: 0..<3000, using: &random)
        let date = Self.isoDate(daysAfter2015: dayNumber)
        let tagCount = Int.random(in: 1...3, using: &random)
        var articleTags: [String] = []
        while articleTags.count < tagCount {
            let tag = tags.randomElement(using: &random)!
            if !articleTags.contains(tag) { articleTags.append(tag) }
        }
        let targetBytes = Int.random(in: 900...5200, using: &random)

        func otherArticle() -> String {
            guard count > 1 else { return articleFile(index) }
            var other = Int.random(in: 0..<count, using: &random)
            if other == index { other = (other + 1) % count }
            return articleFile(other)
        }
        func term() -> CorpusTerm { terms.randomElement(using: &random)! }
        func termName(_ term: CorpusTerm) -> String { ([term.title] + term.aliases).randomElement(using: &random)! }

        var body = "\(sentence(&random)) Artiklen handler om [[\(focus.title)]] i \(place), og om hvordan \(termName(term())) "
        body += "\(sentenceBody(&random)). Læs også [en beslægtet artikel](\(otherArticle())).\n\n"
        body += "## Baggrund\n\n"
        body += paragraph(&random, mentioning: termName(term()))
        var sectionIndex = 0
        while body.utf8.count < targetBytes {
            body += "## \(sectionHeadings[(index + sectionIndex) % sectionHeadings.count])\n\n"
            body += paragraph(&random, mentioning: termName(term()))
            switch sectionIndex % 4 {
            case 0:
                for _ in 0..<Int.random(in: 3...5, using: &random) {
                    body += "- **\(subjects.randomElement(using: &random)!)** \(sentenceBody(&random)).\n"
                }
                body += "- Se [\(topics.randomElement(using: &random)!.lowercased()) samarbejdet](\(otherArticle())#baggrund).\n\n"
            case 1:
                body += "> \(quotes.randomElement(using: &random)!) Det siger en medarbejder om [[\(termName(term()))|indsatsen]].\n\n"
                body += "### \(subHeadings.randomElement(using: &random)!)\n\n"
                for number in 1...Int.random(in: 2...4, using: &random) {
                    body += "\(number). \(sentence(&random))\n"
                }
                body += "\n"
            case 2:
                body += "Planen blev skrevet ned i et enkelt skema, `status.txt`:\n\n```text\n"
                for _ in 0..<Int.random(in: 2...4, using: &random) { body += codeLines.randomElement(using: &random)! + "\n" }
                body += "```\n\n"
            default:
                let glossaryTerm = term()
                body += "Ordet \(glossaryTerm.title) er forklaret i [ordforklaringen](../ordforklaringer/\(glossaryTerm.file)). "
                body += "\(sentence(&random)) Sammenlign med [denne case](\(otherArticle())).\n\n"
            }
            sectionIndex += 1
        }
        return CorpusArticle(file: articleFile(index), title: title, date: date, kind: kind,
                             summary: "\(subjects.randomElement(using: &random)!) i \(place) \(sentenceBody(&random)).",
                             tags: articleTags, body: body)
    }

    private static func paragraph(_ random: inout SeededGenerator, mentioning name: String) -> String {
        var text = ""
        let sentences = Int.random(in: 3...6, using: &random)
        for number in 0..<sentences {
            text += sentence(&random)
            if number == 1 { text += " Her spiller \(name) en vigtig rolle." }
            text += " "
        }
        return text + "\n\n"
    }

    private static func sentence(_ random: inout SeededGenerator) -> String {
        "\(subjects.randomElement(using: &random)!) \(sentenceBody(&random))."
    }

    private static func sentenceBody(_ random: inout SeededGenerator) -> String {
        "\(verbs.randomElement(using: &random)!) \(objects.randomElement(using: &random)!) \(tails.randomElement(using: &random)!)"
    }

    private static func isoDate(daysAfter2015 days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2015, month: 1, day: 1))!
        let date = calendar.date(byAdding: .day, value: days, to: start)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
