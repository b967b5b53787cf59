/// Messages about the content's files (Load/) and the front matter (FrontMatter/).
extension MessageCatalogue {
    static let contentFiles: Table = [
        .fileEmpty: [
            .danish: "Filen er tom. En artikel eller et ord begynder med oplysningerne øverst i filen (front matter) mellem to linjer med ---.",
            .english: "the file is empty; an article or term starts with front matter between '---' lines",
        ],
        .fileNotText: [
            .danish: "Filen er ikke en tekstfil (den indeholder en NUL-byte). Er det en anden slags fil, der har fået navnet .md?",
            .english: "this is not a text file (it contains a NUL byte); is it a binary file named .md?",
        ],
        .fileNotUTF8AtByte: [
            .danish: "Filen er ikke gemt som UTF-8 (byte 0x{byte}). Gem den som UTF-8 i din editor.",
            .english: "the file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8",
        ],
        .fileNotUTF8: [.danish: "Filen er ikke gemt som UTF-8. Gem den som UTF-8 i din editor.", .english: "the file is not valid UTF-8; save it as UTF-8"],
        .frontMatterMissing: [
            .danish: "Filen skal begynde med oplysningerne øverst i filen (front matter): en linje med ---, felterne og så endnu en linje med ---.",
            .english: "the file must start with front matter: a line '---', the fields, then another '---'",
        ],
        .frontMatterNotClosed: [
            .danish: "Oplysningerne øverst i filen (front matter) er ikke afsluttet. Tilføj en linje med --- efter det sidste felt.",
            .english: "the front matter is not closed: add a line '---' after its last field",
        ],
        .markdownOutsideFolders: [
            .danish: "Filen kommer ikke med på sitet: Markdown-filer skal ligge direkte i {articles}/ eller {glossary}/.",
            .english: "not part of the site: Markdown files belong directly in {articles}/ or {glossary}/",
        ],
        .siteConfigMissing: [
            .danish: "Sitets indstillinger mangler. Opret filen med felterne title, description og base_url.",
            .english: "the site configuration is missing; create it with title, description and base_url",
        ],
        .folderUnreadable: [.danish: "Mappen kan ikke læses. Tjek, at du har adgang til den.", .english: "the folder cannot be read"],
        .symlinkOutside: [
            .danish: "Et symbolsk link, der peger uden for {root}/ (til {target}). Kopiér filen ind i {root}/ i stedet.",
            .english: "a symbolic link that points outside {root}/ (to {target}); copy the file into {root}/ instead",
        ],
        .symlinkBroken: [
            .danish: "Et symbolsk link, der ikke fører til nogen fil (filen mangler, eller linkene peger på hinanden i ring). Slet det, eller kopiér filen hertil.",
            .english: "a symbolic link that leads to no file (its target is missing, or links point at each other in a loop); remove it or copy the file here",
        ],
        .fileClashesWithPage: [
            .danish: "Filen ville overskrive siden /{path}, som helhed laver selv. Giv filen et andet navn.",
            .english: "this file would overwrite a page the build generates at /{path}; rename it",
        ],
    ]

    static let frontMatter: Table = [
        .imageFieldProblem: [
            .danish: "Billedet i feltet image øverst i filen (front matter): {problem}",
            .english: "front matter: 'image': {problem}",
        ],
        .imageNotAPicture: [
            .danish: "»{path}« er ikke et JPEG-, PNG- eller WebP-billede i indholdsmappen. Skriv stien i forhold til denne fil, fx ../billeder/foto.jpg",
            .english: "\"{path}\" is not a JPEG, PNG or WebP picture in the content folder; write its path relative to this file, e.g. ../billeder/foto.jpg",
        ],
        .fieldTabIndented: [
            .danish: "Oplysningerne øverst i filen (front matter) er rykket ind med tabulator. Brug mellemrum i stedet.",
            .english: "front matter: a tab is used for indentation; YAML needs spaces",
        ],
        .fieldGivenTwice: [
            .danish: "Feltet »{field}« står to gange øverst i filen (front matter). Slet det ene.",
            .english: "front matter: '{field}' is given twice",
        ],
        .fieldUnknown: [
            .danish: "Feltet »{field}« øverst i filen (front matter) kendes ikke og bliver ikke brugt. Ret stavningen, eller slet feltet.",
            .english: "front matter: unknown field '{field}'",
        ],
        .fieldUnknownDidYouMean: [
            .danish: "Feltet »{field}« øverst i filen (front matter) kendes ikke. Mente du »{suggestion}«?",
            .english: "front matter: unknown field '{field}' (did you mean '{suggestion}'?)",
        ],
        .fieldNotText: [
            .danish: "Feltet »{field}« øverst i filen (front matter) skal være tekst (der står {value}).",
            .english: "front matter: '{field}' must be text (got {value})",
        ],
        .fieldEmpty: [
            .danish: "Feltet »{field}« øverst i filen (front matter) er tomt. Skriv en værdi efter kolonet.",
            .english: "front matter: '{field}' is empty",
        ],
        .fieldNotACalendarDay: [
            .danish: "Datoen i feltet »{field}« findes ikke i kalenderen (der står {value}). Ret måneden og dagen.",
            .english: "front matter: '{field}' is not a day of the calendar (got {value}); check the month and the day",
        ],
        .fieldNotADate: [
            .danish: "Feltet »{field}« er ikke en dato (der står {value}). Skriv datoen som ÅÅÅÅ-MM-DD, fx 2022-08-20.",
            .english: "front matter: '{field}' is not a date (got {value}); write it as YYYY-MM-DD, e.g. 2022-08-20",
        ],
        .fieldNotTrueOrFalse: [
            .danish: "Feltet »{field}« skal være true (ja) eller false (nej) (der står {value}).",
            .english: "front matter: '{field}' must be true or false (got {value})",
        ],
        .fieldNotAWholeNumber: [
            .danish: "Feltet »{field}« skal være et helt tal på mindst {minimum} (der står {value}).",
            .english: "front matter: '{field}' must be a whole number of at least {minimum} (got {value})",
        ],
        .fieldNotAList: [
            .danish: "Feltet »{field}« skal være en liste af ord, fx [a, b] (der står {value}).",
            .english: "front matter: '{field}' must be a list of words, like [a, b] (got {value})",
        ],
        .fieldListEntryNotText: [
            .danish: "Alle punkter i listen »{field}« skal være tekst (der står {value}).",
            .english: "front matter: every entry of '{field}' must be text (got {value})",
        ],
        .fieldRequired: [
            .danish: "Feltet »{field}« mangler øverst i filen (front matter). Tilføj en linje »{field}: …« mellem linjerne med ---.",
            .english: "front matter: '{field}' is required",
        ],
        .valueText: [.danish: "»{text}«", .english: "\"{text}\""],
        .valueGroup: [.danish: "en gruppe felter", .english: "a group of fields"],
        .valueList: [.danish: "en liste", .english: "a list"],
        .articleKindUnknown: [
            .danish: "Artikeltypen »{kind}« i feltet kind kendes ikke. Brug explainer (forklaring), case (eksempel) eller event (begivenhed).",
            .english: "front matter: unknown kind \"{kind}\"; use explainer, case or event",
        ],
        .updatedBeforeDate: [
            .danish: "Datoen i feltet updated ({updated}) ligger før datoen i feltet date ({date}). Ret en af dem.",
            .english: "front matter: 'updated' ({updated}) is before 'date' ({date})",
        ],
        .slugInvalid: [
            .danish: "Adressen i feltet slug må kun indeholde a-z, 0-9 og enkelte bindestreger imellem (der står »{slug}«). Prøv »{suggestion}«.",
            .english: "front matter: 'slug' may only hold a-z, 0-9 and single '-' between them (got \"{slug}\"; try \"{suggestion}\")",
        ],
        .titleGivesEmptyAddress: [
            .danish: "Titlen »{title}« giver en tom adresse. Angiv en adresse med feltet slug, fx slug: min-side.",
            .english: "front matter: the title \"{title}\" gives an empty address; set 'slug'",
        ],
        .siteLanguageNotDanish: [
            .danish: "Feltet language skal være da: temaets tekster, datoer og sortering er danske (der står »{language}«).",
            .english: "'language' must be da: the theme's texts, dates and sorting are Danish (got \"{language}\")",
        ],
        .siteBaseURLInvalid: [
            .danish: "Feltet base_url skal være en fuld http(s)-adresse som https://example.org/ eller https://example.org/sti/ (der står »{url}«).",
            .english: "'base_url' must be an absolute http(s) address like https://example.org/ or https://example.org/sti/ (got \"{url}\")",
        ],
    ]
}
