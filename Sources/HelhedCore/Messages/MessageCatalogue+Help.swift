/// The command help (`helhed --help`, `helhed check --help`, …). The `helhed` command chooses the language before
/// ArgumentParser reads its commands, so the help follows `--messages` and `HELHED_MESSAGES` too.
extension MessageCatalogue {
    static let help: Table = [
        .helpHelhed: [
            .danish: "Bygger et dansk website fra Markdown i Content/ og Mustache-skabeloner i Templates/.",
            .english: "Builds a Danish static website from Markdown in Content/ and Mustache templates in Templates/.",
        ],
        .helpMessages: [
            .danish: "Sproget for beskeder og hjælp: da (dansk) eller en (engelsk). Standard: HELHED_MESSAGES, ellers da.",
            .english: "The language of messages and help: da (Danish) or en (English). Default: HELHED_MESSAGES, else da.",
        ],
        .helpContent: [.danish: "Indholdsmappen.", .english: "The content folder."],
        .helpTemplates: [.danish: "Skabelonmappen.", .english: "The templates folder."],
        .helpBaseURL: [
            .danish: "Adressen, sitet skal ligge på; går forud for base_url i site.yml.",
            .english: "The address the site will live at, overriding base_url in site.yml.",
        ],
        .helpDrafts: [.danish: "Tag kladder med (draft: true).", .english: "Include drafts (draft: true)."],
        .helpFuture: [.danish: "Tag artikler med en dato i fremtiden med.", .english: "Include articles dated in the future."],
        .helpBuild: [.danish: "Byg sitet ind i resultatmappen.", .english: "Build the site into the output folder."],
        .helpOutput: [
            .danish: "Resultatmappen; den bliver præcis det nye site, når sitet kan bygges (kun ændrede filer skrives).",
            .english: "The output folder; made exactly the new site when the build succeeds (only changed files are written).",
        ],
        .helpQuiet: [.danish: "Skriv kun problemer ud.", .english: "Print nothing but problems."],
        .helpMarkdown: [
            .danish: "Lav Markdown fra standard input om til HTML på standard output, med samme cmark som byggeriet.",
            .english: "Render Markdown from standard input to HTML on standard output, through the same cmark wrapper as the build.",
        ],
        .helpPlain: [
            .danish: "Slå Helheds tilføjelser (overskrifternes id og ankre) fra: ren CommonMark.",
            .english: "Turn Helhed's transforms (heading ids and anchors) off: plain CommonMark.",
        ],
        .helpUnsafe: [.danish: "Behold rå HTML og alle link-adresser.", .english: "Keep raw HTML and every link address."],
        .helpCheck: [
            .danish: "Tjek sitet uden at skrive det: døde links, manglende alt-tekst og resuméer, ubrugte ord og sider, som intet linker til.",
            .english: "Check the site without writing it: broken links, missing alt text and summaries, unused terms, pages nothing links to.",
        ],
        .helpSpelling: [
            .danish: "Tjek kun stavningen (dansk hunspell, kræver hunspell-da): ukendte ord med forslag. Content/ordliste.txt lister ord, der er i orden.",
            .english: "Only check the spelling (Danish hunspell, needs hunspell-da): unknown words with suggestions. Content/ordliste.txt lists words to accept.",
        ],
        .helpLix: [
            .danish: "Skriv også hver artikels LIX (læsbarhed) og vurdering ud (meget let, let, middel, svær, meget svær).",
            .english: "Also print every article's LIX readability and its verdict (meget let, let, middel, svær, meget svær).",
        ],
        .helpNew: [.danish: "Opret en ny artikel eller et nyt ord som kladde.", .english: "Create a new article or glossary term as a draft."],
        .helpNewArticle: [
            .danish: "Opret Content/artikler/<adresse>.md med dagens dato, som kladde.",
            .english: "Create Content/artikler/<slug>.md with today's date, as a draft.",
        ],
        .helpNewTerm: [.danish: "Opret Content/ordforklaringer/<adresse>.md, som kladde.", .english: "Create Content/ordforklaringer/<slug>.md, as a draft."],
        .helpArticleTitle: [.danish: "Artiklens titel.", .english: "The article's title."],
        .helpKind: [
            .danish: "explainer (forklaring), case (eksempel) eller event (begivenhed).",
            .english: "explainer, case or event.",
        ],
        .helpTermTitle: [.danish: "Ordet, som det skrives i løbende tekst.", .english: "The term, as written in running text."],
        .helpServe: [
            .danish: "Se sitet, mens du skriver: vis det, byg det igen ved hver gemning, og opdatér browseren.",
            .english: "Preview the site while you write: serve it, rebuild on every save, and reload the browser.",
        ],
        .helpServeDiscussion: [
            .danish: "Bygger sitet i hukommelsen (Public/ røres aldrig) og viser det på http://127.0.0.1:8000/. Hver gang du gemmer "
                + "i indholds- eller skabelonmappen, bygges sitet igen, og åbne sider opdaterer sig selv. Kan sitet ikke bygges, "
                + "vises den seneste gode version med fejlen øverst på hver side.",
            .english: "Builds the site into memory (Public/ is never touched) and serves it at http://127.0.0.1:8000/. Every save in "
                + "the content or templates folder rebuilds the site, and open pages reload by themselves. When a rebuild fails, "
                + "the last good site stays up with the error shown on every page.",
        ],
        .helpHost: [
            .danish: "Adressen, der lyttes på. Standarden holder forhåndsvisningen på denne maskine; 0.0.0.0 deler den med dit netværk.",
            .english: "The address to listen on. The default keeps the preview on this machine; 0.0.0.0 shares it with your network.",
        ],
        .helpPort: [.danish: "Porten, der lyttes på; 0 vælger en ledig.", .english: "The port to listen on; 0 picks a free one."],
        .helpPoll: [
            .danish: "Opdag ændringer ved at kigge hvert 500. ms i stedet for med inotify (til netværksdrev og nogle containere).",
            .english: "Notice changes by polling every 500 ms instead of inotify (for network drives and some containers).",
        ],
        .helpPublish: [
            .danish: "Byg sitet, og send det til webhotellet over SSH (med rsync).",
            .english: "Build the site and upload it to the web host over SSH (with rsync).",
        ],
        .helpPublishDiscussion: [
            .danish: "Målet er publish.target i site.yml (bruger@vært:/fuld/sti, publish.port for en anden SSH-port) eller --target. "
                + "Kun ændrede filer sendes; de skifter over samtidig til sidst, og filer, sitet ikke længere har, slettes i målmappen. "
                + "En vært stoles på ved første forbindelse, og dens nøgle huskes.",
            .english: "The target is publish.target in site.yml (user@host:/absolute/path, publish.port for another SSH port), or "
                + "--target. Only changed files are sent; they switch over together at the end, and files the site no longer "
                + "has are deleted from the target folder. A host is trusted on first connection and its key remembered.",
        ],
        .helpPublishOutput: [.danish: "Resultatmappen: bygges og sendes derefter.", .english: "The output folder: built, then uploaded."],
        .helpTarget: [
            .danish: "Hvortil: bruger@vært:/fuld/sti (går forud for publish.target i site.yml).",
            .english: "Where to upload: user@host:/absolute/path (overrides publish.target in site.yml).",
        ],
        .helpSSHPort: [
            .danish: "SSH-porten (går forud for publish.port i site.yml; 22 som standard).",
            .english: "The SSH port (overrides publish.port in site.yml; 22 by default).",
        ],
        .helpNoBuild: [
            .danish: "Send resultatmappen, som den er, uden at bygge den først.",
            .english: "Upload the output folder as it is, without building it first.",
        ],
        .helpDryRun: [
            .danish: "Vis, hvad der ville ændre sig på værten, og ændr intet.",
            .english: "List what would change on the host, and change nothing.",
        ],
        .helpIdentity: [
            .danish: "Den private SSH-nøgle, der logges ind med (som standard ssh's eget valg: nøgler i ~/.ssh og agenten).",
            .english: "The SSH private key to log in with (by default ssh's own choice: ~/.ssh keys and the agent).",
        ],
        .helpKnownHosts: [
            .danish: "Filen, hvor værternes nøgler huskes (som standard ~/.ssh/known_hosts).",
            .english: "The file where host keys are remembered (by default ~/.ssh/known_hosts).",
        ],
        .helpVerbose: [
            .danish: "Skriv også overførslens tal ud, og ved fejl hvad rsync og ssh sagde.",
            .english: "Also print the transfer's numbers, and on failure what rsync and ssh said.",
        ],
    ]
}
