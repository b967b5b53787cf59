/// Messages about front matter that YAML cannot read (FrontMatter/YAML*): `yamlInvalid` with one of the details.
extension MessageCatalogue {
    static let yaml: Table = [
        .yamlInvalid: [
            .danish: "Oplysningerne øverst i filen (front matter) kan ikke læses: {detail}",
            .english: "front matter is not valid YAML: {detail}",
        ],
        .yamlLibraryProblem: [.danish: "YAML-læseren siger »{problem}«", .english: "{problem}"],
        .yamlFieldNameNotAWord: [
            .danish: "Et feltnavn øverst i filen (front matter) skal være et ord.",
            .english: "front matter: a field name must be a word",
        ],
        .yamlNotFields: [
            .danish: "Øverst i filen (front matter) skal der stå felter som »title: …«, men der står {value}.",
            .english: "front matter: expected fields like 'title: …', found {value}",
        ],
        .yamlAnchor: [
            .danish: "En værdi øverst i filen (front matter) begynder med '&' eller '*', som YAML læser som en henvisning (&navn, *navn); "
                + "det kan Helhed ikke bruge. Sæt værdien i anførselstegn, fx title: \"*Vigtigt* nyt\"",
            .english: "front matter: a value starts with '&' or '*', which YAML reads as an anchor or alias (&name, *name); "
                + "Helhed does not support those. Put the value in quotes, e.g. title: \"*Vigtigt* nyt\"",
        ],
        .yamlUnexpectedColon: [
            .danish: "et ':', hvor YAML ikke venter et. Er linjen rykket mere ind end feltet over den? En værdi med ': ' skal stå i anførselstegn",
            .english: "a ':' where YAML does not expect one. Is this line indented more than the field above it? A value that contains ': ' must be in quotes",
        ],
        .yamlColonMissing: [
            .danish: "en linje, der ikke har formen 'felt: værdi' (kolonet mangler), eller et anførselstegn, der ikke er lukket",
            .english: "a line that is not 'field: value' (the ':' is missing), or a quote that is not closed",
        ],
        .yamlMisaligned: [
            .danish: "linjen flugter ikke med felterne over den. Begynd alle felter lige langt inde, og sæt en værdi, der begynder med \" eller ', helt i anførselstegn",
            .english: "this line does not line up with the fields above it. Start every field at the same indentation, and put a value that begins with \" or ' entirely in quotes",
        ],
        .yamlListMisaligned: [
            .danish: "et punkt i en liste flugter ikke med punkterne over det (alle '- ' skal være rykket lige langt ind)",
            .english: "a list entry that does not line up with the entries above it (every '- ' must be indented the same)",
        ],
        .yamlBracketNotClosed: [
            .danish: "en liste, der begynder med '[', er ikke lukket med ']' på samme linje, eller punkterne er ikke adskilt med ','",
            .english: "a list that starts with '[' is not closed with ']' on the same line, or its entries are not separated by ','",
        ],
        .yamlBraceNotClosed: [
            .danish: "en '{', der ikke er lukket med '}'; en værdi, der begynder med '{', skal stå i anførselstegn",
            .english: "a '{' that is not closed with '}'; a value that starts with '{' must be in quotes",
        ],
        .yamlValueMissing: [
            .danish: "en værdi mangler eller begynder med et tegn, som YAML bruger selv; sæt værdien i anførselstegn",
            .english: "a value is missing or starts with a character YAML reserves; put the value in quotes",
        ],
        .yamlReservedCharacter: [
            .danish: "en værdi begynder med et tegn, som YAML bruger selv (fx @, ` eller %); sæt værdien i anførselstegn",
            .english: "a value starts with a character YAML reserves (such as @, ` or %); put the value in quotes",
        ],
        .yamlQuoteNotClosed: [
            .danish: "et anførselstegn (\" eller ') er åbnet, men aldrig lukket",
            .english: "a quote (\" or ') is opened but never closed",
        ],
        .yamlUnknownEscape: [
            .danish: "en omvendt skråstreg i dobbelte anførselstegn, som YAML ikke kender; skriv \\\\ for en omvendt skråstreg, eller brug enkelte anførselstegn",
            .english: "a backslash in double quotes that YAML does not know; write \\\\ for a backslash, or use single quotes",
        ],
        .yamlListEntryAfterValue: [
            .danish: "et listepunkt ('- ') lige efter et felts værdi; sæt punkterne på deres egne linjer under feltet, rykket ind",
            .english: "a list entry ('- ') right after a field's value; put the entries on their own lines below the field, indented",
        ],
        .yamlUnexpectedQuestionMark: [
            .danish: "et '?', hvor YAML ikke venter et; sæt værdien i anførselstegn",
            .english: "a '?' where YAML does not expect one; put the value in quotes",
        ],
        .yamlTabIndent: [
            .danish: "der er rykket ind med tabulator; YAML skal have mellemrum",
            .english: "a tab is used for indentation; YAML needs spaces",
        ],
        .yamlStartsWithAnchorCharacter: [
            .danish: "en værdi begynder med '*' eller '&', som YAML læser som en henvisning; sæt værdien i anførselstegn, fx summary: \"*Vigtigt* nyt\"",
            .english: "a value starts with '*' or '&', which YAML reads as an alias or anchor; put the value in quotes, e.g. summary: \"*Vigtigt* nyt\"",
        ],
        .yamlUndefinedAlias: [
            .danish: "en værdi begynder med '*', som YAML læser som en henvisning; sæt værdien i anførselstegn",
            .english: "a value starts with '*', which YAML reads as an alias; put the value in quotes",
        ],
        .yamlControlCharacter: [
            .danish: "oplysningerne indeholder et usynligt kontroltegn; skriv linjen igen",
            .english: "the front matter contains an invisible control character; retype the line",
        ],
        .yamlTooDeep: [
            .danish: "lister eller felter inden i hinanden mere end tusind lag dybt; oplysningerne øverst i filen er enkle værdier og lister",
            .english: "lists or fields nested more than a thousand levels deep; front matter holds simple values and lists",
        ],
    ]
}
