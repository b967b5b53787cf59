/// The catalogue: every message Helhed shows, in Danish and English, by key. The texts live in one table per area
/// (`MessageCatalogue+….swift`); `MessageCatalogueTests` fails when a key has no text in a language, when a key is in
/// no table or in two, or when a message's placeholders differ between its languages.
///
/// Placeholders are `{name}`; their values are the same in every language (paths, titles, numbers) or another
/// message (`Message.parts`). The Danish is written for an editor, not a programmer: what is wrong, then what to do.
enum MessageCatalogue {
    typealias Texts = [MessageLanguage: String]
    typealias Table = [MessageKey: Texts]

    static let tables: [(area: String, table: Table)] = [
        ("general", general), ("summaries", summaries), ("content files", contentFiles), ("front matter", frontMatter),
        ("YAML", yaml), ("Markdown", markdown), ("theme", theme), ("check", check), ("new", newContent),
        ("serve", serve), ("command line", commandLine), ("help", help),
    ]

    static let all: Table = tables.reduce(into: [:]) { all, area in all.merge(area.table) { first, _ in first } }

    static func template(_ key: MessageKey, _ language: MessageLanguage) -> String? {
        all[key]?[language]
    }

    /// The few messages shared by several areas, and the catalogue's own.
    static let general: Table = [
        .untranslated: [.danish: "{text}", .english: "{text}"],
        .nothing: [.danish: "", .english: ""],
        .severityError: [.danish: "fejl", .english: "error"],
        .severityWarning: [.danish: "advarsel", .english: "warning"],
        .errorsOne: [.danish: "{count} fejl", .english: "{count} error"],
        .errorsMany: [.danish: "{count} fejl", .english: "{count} errors"],
        .warningsOne: [.danish: "{count} advarsel", .english: "{count} warning"],
        .warningsMany: [.danish: "{count} advarsler", .english: "{count} warnings"],
        .pagesOne: [.danish: "{count} side", .english: "{count} page"],
        .pagesMany: [.danish: "{count} sider", .english: "{count} pages"],
        .unknownWordsOne: [.danish: "{count} ukendt ord", .english: "{count} unknown word"],
        .unknownWordsMany: [.danish: "{count} ukendte ord", .english: "{count} unknown words"],
        .fileUnreadable: [.danish: "Filen kan ikke læses. Tjek, at du har adgang til den.", .english: "the file cannot be read"],
        .contentFolderMissing: [
            .danish: "Indholdsmappen findes ikke. Kør helhed i sitets mappe, eller angiv mappen med --content.",
            .english: "the content folder does not exist (run helhed in the site's folder, or pass --content)",
        ],
        .unknownMessageLanguage: [
            .danish: "{source} skal være da (dansk) eller en (engelsk), ikke »{given}«",
            .english: "{source} must be da (Danish) or en (English), not \"{given}\"",
        ],
    ]

    /// What `build` and `check` print when they are done.
    static let summaries: Table = [
        .buildSummary: [
            .danish: "Byggede {pages} sider ({articles} artikler, {terms} ord) og kopierede {files} filer på {milliseconds} ms",
            .english: "Built {pages} pages ({articles} articles, {terms} terms), copied {files} files in {milliseconds} ms",
        ],
        .checkSummary: [.danish: "Tjekkede {pages}: {errors}, {warnings}", .english: "Checked {pages}: {errors}, {warnings}"],
        .spellingSummary: [.danish: "Stavekontrol af {pages}: {words}", .english: "Checked the spelling of {pages}: {words}"],
        .buildFailed: [
            .danish: "helhed: sitet blev ikke bygget ({errors}); {output}/ er ikke ændret",
            .english: "helhed: the build failed with {errors}; {output}/ is unchanged",
        ],
        .publishBuildFailed: [
            .danish: "helhed: sitet blev ikke bygget, så intet er udgivet",
            .english: "helhed: the build failed, so nothing was published",
        ],
        .publishWithoutBuilding: [
            .danish: "helhed: sender {output}/, som den er, uden at bygge den først (--no-build)",
            .english: "helhed: uploading {output}/ as it is, without building it first (--no-build)",
        ],
    ]
}
