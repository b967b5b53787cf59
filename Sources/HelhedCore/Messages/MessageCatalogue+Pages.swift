/// Messages about the bodies (Markdown/), the theme (Pages/) and `helhed check`'s content warnings (Commands/).
extension MessageCatalogue {
    static let markdown: Table = [
        .linkToMissingPage: [
            .danish: "Linket til »{link}« peger på en side, der ikke findes ({target}). Ret stien, eller opret siden.",
            .english: "the link \"{link}\" points at {target}, which does not exist",
        ],
        .linkToMissingFile: [
            .danish: "Linket til »{link}« peger på en fil, der ikke findes i indholdsmappen ({target}). Ret stien, eller læg filen der.",
            .english: "the link \"{link}\" points at {target}, which does not exist in the content folder",
        ],
        .linkToLeftOutPage: [
            .danish: "Linket til »{link}« peger på en side, der ikke kommer med på sitet: den {reason}",
            .english: "the link \"{link}\" points at a page that {reason}",
        ],
        .linkToFolder: [
            .danish: "Linket til »{link}« peger på en mappe. Link til en fil i mappen i stedet.",
            .english: "the link \"{link}\" points at a folder; link to a file in it",
        ],
        .linkNotInSite: [
            .danish: "Linket til »{link}« peger ikke på en side eller fil på sitet (et link, der begynder med /, læses fra sitets rod, "
                + "ikke fra din computer). Link i stedet i forhold til denne fil, fx ../artikler/x.md",
            .english: "the link \"{link}\" does not point at a page or file of the site (a link starting with / is read from the site's "
                + "root, not from your computer); link relative to this file, e.g. ../artikler/x.md",
        ],
        .linkLeavesContent: [
            .danish: "Linket til »{link}« fører uden for indholdsmappen. Ret stien, så den bliver inde i mappen.",
            .english: "the link \"{link}\" leads outside the content folder",
        ],
        .linkWithoutAddress: [.danish: "Linket har ingen adresse. Skriv adressen i parentesen: [tekst](adresse)", .english: "the link has no address"],
        .linkWithQuery: [
            .danish: "Et link inden for sitet kan ikke have en forespørgsel ('?'): {link}. Fjern '?' og det, der står efter.",
            .english: "a link inside the site cannot have a query ('?'): {link}",
        ],
        .linkNotAPath: [.danish: "Adressen »{link}« er ikke en gyldig sti. Ret den.", .english: "the address \"{link}\" is not a valid path"],
        .termUnknown: [
            .danish: "[[{name}]] er ikke et ord i ordforklaringerne{leftOut}. Ret stavningen, eller opret ordet med helhed new ord.{suggestion}",
            .english: "[[{name}]] is not a term of the glossary{leftOut}{suggestion}",
        ],
        .termLeftOutBecause: [.danish: ", fordi det {reason}", .english: ", because it {reason}"],
        .didYouMeanNames: [.danish: " Mente du {names}?", .english: "; did you mean {names}?"],
        .linkToMissingHeadingHere: [
            .danish: "Linket »{link}« peger på en overskrift, som denne side ikke har. Ret linket, eller ret overskriften.{suggestion}",
            .english: "the link \"{link}\" points at a heading this page does not have{suggestion}",
        ],
        .linkToMissingHeadingThere: [
            .danish: "Linket »{link}« peger på en overskrift, som {page} ikke har. Ret linket, eller ret overskriften.{suggestion}",
            .english: "the link \"{link}\" points at a heading that {page} does not have{suggestion}",
        ],
        .didYouMeanHeadings: [.danish: " Mente du {headings}?", .english: " (did you mean {headings}?)"],
        .removedLink: [
            .danish: "Et link til en {scheme}:-adresse er fjernet: {why}",
            .english: "removed a link to a {scheme}: address; {why}",
        ],
        .removedPicture: [
            .danish: "Et billede fra en {scheme}:-adresse er fjernet: {why}",
            .english: "removed a picture to a {scheme}: address; {why}",
        ],
        .becauseLocalFile: [
            .danish: "den peger på en fil på din egen computer, som læserne ikke kan åbne. Kopiér filen ind i indholdsmappen, og link til den der.",
            .english: "it points at a file on your own computer, which readers cannot open; copy the file into the content folder and link to it there",
        ],
        .becauseRunsCode: [
            .danish: "den slags adresser kan køre programkode i læserens browser.",
            .english: "such addresses can run code in the reader's browser",
        ],
        .pictureWithoutAltText: [
            .danish: "Billedet »{url}« mangler en beskrivelse (alt-tekst) til læsere, der ikke kan se det. Skriv den mellem de kantede parenteser: ![hvad billedet viser]({url})",
            .english: "the picture \"{url}\" has no alt text; describe it between the brackets: ![what the picture shows]({url})",
        ],
    ]

    static let theme: Table = [
        .templateMissing: [
            .danish: "Temaet skal bruge denne skabelon, men den mangler. Hent den fra Helheds egen Templates/-mappe.",
            .english: "the theme needs this template, but it is missing",
        ],
        .themeFileMissing: [
            .danish: "Temaet skal bruge denne fil, men den mangler. Hent den fra Helheds egen Templates/-mappe.",
            .english: "the theme needs this file, but it is missing",
        ],
        .templateProblem: [.danish: "Skabelonen har en fejl: {problem}", .english: "{problem}"],
    ]

    static let check: Table = [
        .articleSummaryPlaceholder: [
            .danish: "Resuméet (summary) er stadig en pladsholder (»{summary}«). Skriv en eller to sætninger om, hvad artiklen handler om.",
            .english: "the summary is still a placeholder (\"{summary}\"); write one or two sentences that say what the article is about",
        ],
        .articleWithoutSummary: [
            .danish: "Artiklen har intet resumé. Tilføj »summary:« øverst i filen (front matter); resuméet vises i lister, søgeresultater, nyhedsfeedet og når nogen deler et link til artiklen.",
            .english: "the article has no summary; add 'summary:' to the front matter (it is shown in lists, search results, the feed and link previews)",
        ],
        .termSummaryPlaceholder: [
            .danish: "Forklaringen (summary) er stadig en pladsholder (»{summary}«). Forklar ordet i én sætning.",
            .english: "the summary is still a placeholder (\"{summary}\"); explain the term in one sentence",
        ],
        .termUnused: [
            .danish: "Ingen artikel bruger ordet »{term}« (listen »Bruges i« er tom). Nævn det i en artikel, eller slet det.",
            .english: "no article uses the term \"{term}\" (its \"Bruges i\" list is empty); mention it in an article, or remove it",
        ],
        .articleNotLinked: [
            .danish: "Ingen anden side linker til artiklen »{title}«; læserne finder den kun gennem listerne. Link til den fra en side om et beslægtet emne.",
            .english: "no other page links to this article (\"{title}\"); readers find it only through the lists; link to it from a related page",
        ],
        .termNotLinked: [
            .danish: "Ingen anden side linker til ordet »{title}«; læserne finder det kun gennem listerne. Link til det fra en side om et beslægtet emne.",
            .english: "no other page links to this term (\"{title}\"); readers find it only through the lists; link to it from a related page",
        ],
    ]
}
