/// What the commands say: `helhed new`, `helhed serve`'s preview banner and terminal lines, and the command line's own.
extension MessageCatalogue {
    static let newContent: Table = [
        .newTitleEmpty: [
            .danish: "Titlen er tom. Skriv den i anførselstegn: helhed new {command} \"Titel\"",
            .english: "the title is empty; write it in quotes: helhed new {command} \"Titel\"",
        ],
        .newTitleNotOneLine: [.danish: "Titlen skal stå på én linje.", .english: "the title must be one line"],
        .newTitleGivesEmptyAddress: [
            .danish: "Titlen »{title}« giver en tom adresse. Brug bogstaver eller tal i den.",
            .english: "the title \"{title}\" gives an empty address; use letters or digits in it",
        ],
        .newFileExists: [
            .danish: "Filen findes allerede, og helhed new overskriver aldrig en fil. Vælg en anden titel, eller ret i filen.",
            .english: "the file already exists; helhed new never overwrites a file (choose another title, or edit the file)",
        ],
        .newCannotCreate: [.danish: "Filen kan ikke oprettes: {reason}", .english: "cannot create the file: {reason}"],
        .newCreated: [
            .danish: "Oprettede {path} som kladde (draft: true); byg eller tjek med --drafts for at se den",
            .english: "Created {path} (draft: true; build or check with --drafts to see it)",
        ],
    ]

    static let serve: Table = [
        .bannerNotRebuilt: [
            .danish: "Sitet blev ikke bygget igen. Du ser den seneste version, der kunne bygges. Ret fejlen, og gem: siden opdaterer sig selv.",
            .english: "The site did not rebuild. You are looking at the last version that built; fix the problem and save.",
        ],
        .bannerNotBuilt: [
            .danish: "Sitet kunne ikke bygges. Ret fejlen, og gem: siden opdaterer sig selv.",
            .english: "The site did not build. Fix the problem and save: this page reloads by itself.",
        ],
        .bannerMore: [.danish: "… og {count} mere (se terminalen)", .english: "… and {count} more (see the terminal)"],
        .bannerDismiss: [.danish: "Luk", .english: "Dismiss"],
        .nothingBuiltTitle: [.danish: "Sitet kunne ikke bygges", .english: "The site did not build"],
        .nothingBuiltYet: [
            .danish: "Intet er bygget endnu, så der er ingen side at vise.",
            .english: "Nothing has built yet, so there is no page to show.",
        ],
        .serving: [.danish: "Viser{title} på {url}", .english: "Serving{title} at {url}"],
        .watching: [
            .danish: "Holder øje med {content}/ og {templates}/ ({method}); tryk Ctrl-C for at stoppe.",
            .english: "Watching {content}/ and {templates}/ ({method}); press Ctrl-C to stop.",
        ],
        .listeningBeyondThisMachine: [
            .danish: "Bemærk: lytter på {host}, så andre maskiner, der kan nå denne, kan åbne forhåndsvisningen.",
            .english: "Note: listening on {host}, so other machines that can reach this one can open the preview.",
        ],
        .stopping: [.danish: "Stopper…", .english: "Stopping…"],
        .stopped: [.danish: "Stoppet; port {port} er fri igen.", .english: "Stopped; port {port} is free."],
        .firstBuilt: [
            .danish: "Byggede sitet på {milliseconds} ms: {pages} sider, {files} filer",
            .english: "Built the site in {milliseconds} ms: {pages} pages, {files} files",
        ],
        .rebuilt: [
            .danish: "{clock} {cause} → bygget igen på {milliseconds} ms: {pages} sider lavet, {change}{plan}",
            .english: "{clock} {cause} → rebuilt in {milliseconds} ms: {pages} pages rendered, {change}{plan}",
        ],
        .rebuiltOnePage: [
            .danish: "{clock} {cause} → bygget igen på {milliseconds} ms: 1 side lavet, {change}{plan}",
            .english: "{clock} {cause} → rebuilt in {milliseconds} ms: 1 page rendered, {change}{plan}",
        ],
        .firstBuildFailed: [
            .danish: "Sitet kunne ikke bygges efter {milliseconds} ms ({errors}); {still}",
            .english: "The first build failed after {milliseconds} ms with {errors}; {still}",
        ],
        .rebuildFailed: [
            .danish: "{clock} {cause} → sitet blev ikke bygget igen efter {milliseconds} ms ({errors}); {still}",
            .english: "{clock} {cause} → the rebuild failed after {milliseconds} ms with {errors}; {still}",
        ],
        .nothingToServe: [.danish: "der er intet at vise endnu", .english: "nothing to serve yet"],
        .stillServing: [
            .danish: "viser stadig den seneste version, der kunne bygges",
            .english: "still serving the last good site",
        ],
        .causeStart: [.danish: "start", .english: "start"],
        .causeOneFile: [.danish: "{file} ændret", .english: "{file} changed"],
        .causeTwoFiles: [.danish: "{file} og {other} ændret", .english: "{file} and {other} changed"],
        .causeManyFiles: [.danish: "{file} og {count} andre ændret", .english: "{file} and {count} more changed"],
        .noOutputChanged: [.danish: "intet ændret i resultatet", .english: "no output changed"],
        .outputFileChanged: [.danish: "1 fil ændret ({files})", .english: "1 file changed ({files})"],
        .outputFilesChanged: [.danish: "{count} filer ændret ({files})", .english: "{count} files changed ({files})"],
        .outputManyFilesChanged: [.danish: "{count} filer ændret", .english: "{count} files changed"],
        .stylesheetSwapped: [.danish: "; stilarket skiftet i åbne faner", .english: "; stylesheet swapped in open tabs"],
        .tabsReload: [.danish: "; åbne faner opdateres", .english: "; open tabs reload"],
    ]

    static let commandLine: Table = [
        .baseURLOptionInvalid: [
            .danish: "--base-url skal være en fuld http(s)-adresse som https://example.org/sti/ (der står »{url}«)",
            .english: "--base-url must be an absolute http(s) address like https://example.org/sti/ (got \"{url}\")",
        ],
        .kindOptionInvalid: [
            .danish: "--kind skal være explainer, case eller event (der står »{kind}«)",
            .english: "--kind must be explainer, case or event (got \"{kind}\")",
        ],
        .portOptionInvalid: [
            .danish: "--port skal være mellem 0 og 65535 (der står {port})",
            .english: "--port must be between 0 and 65535 (got {port})",
        ],
    ]
}
