import Foundation
import HelhedTemplates
import HelhedCore

/// What `serve` adds to the HTML it sends, and only there: the live-reload script, while the latest rebuild is
/// broken the error banner, and the page's writing notes (`WritingNotes`). The built site never contains any of
/// them; they are added per response.
enum PageInjection {
    /// Inserts the banner and then the notes right after `<body …>` (first thing a screen reader meets) and the script
    /// before the last `</body>`; appends either when the page lacks the tag.
    static func inject(into html: Data, script: String, banner: String?, notes: String? = nil) -> Data {
        var bytes = [UInt8](html)
        let scriptBytes = Array(script.utf8)
        if let closing = lastIndex(of: "</body", in: bytes) {
            bytes.insert(contentsOf: scriptBytes, at: closing)
        } else {
            bytes.append(contentsOf: scriptBytes)
        }
        if banner != nil || notes != nil {
            let bannerBytes = Array(((banner ?? "") + (notes ?? "")).utf8)
            if let opening = endOfOpeningBodyTag(in: bytes) {
                bytes.insert(contentsOf: bannerBytes, at: opening)
            } else {
                bytes.insert(contentsOf: bannerBytes, at: 0)
            }
        }
        return Data(bytes)
    }

    /// The `<script>` for one response. `file` is the site path the page came from (`404.html` for misses), so the
    /// page reloads only when a rebuild changes it; `*` reloads on any rebuild. `etag` is the response's own ETag.
    static func scriptTag(file: String, etag: String) -> String {
        "<script data-helhed-live-reload data-file=\"\(HTMLEscaping.escape(file))\" data-etag=\"\(HTMLEscaping.escape(etag))\">\(liveReloadScript)</script>\n"
    }

    /// Small and dependency-free.
    /// - Only a visible tab keeps the event stream open: browsers allow six HTTP/1.1 connections per server, and a
    ///   stream per background tab would soon use them up.
    /// - On every (re)connection the tab asks for its page's ETag: if it differs from the one it was served with, it
    ///   missed a rebuild (while hidden, before the stream opened, or across a restart of `serve`) and reloads.
    /// - Reloads keep the scroll position through sessionStorage; a CSS-only change swaps the `<link>` and removes the
    ///   old one once the new sheet has loaded, so nothing flashes unstyled.
    /// - Writing notes arrive after the reload (`notes`: one page's, or "compare your ETag" after a check of every
    ///   page). Dismissed notes stay hidden in this tab until they change (their `data-key`, in sessionStorage).
    static let liveReloadScript = """
    (()=>{const me=document.currentScript,file=me.dataset.file,etag=me.dataset.etag,key="helhed-scroll:"+location.pathname;\
    try{const s=JSON.parse(sessionStorage.getItem(key)||"null");sessionStorage.removeItem(key);\
    if(s){const go=()=>scrollTo(s.x,s.y);go();addEventListener("load",go,{once:true});}}catch(e){}\
    const reload=()=>{try{sessionStorage.setItem(key,JSON.stringify({x:scrollX,y:scrollY}));}catch(e){}location.reload();};\
    const banner=html=>{document.getElementById("helhed-error")?.remove();if(!html)return;\
    const t=document.createElement("template");t.innerHTML=html;document.body.prepend(t.content);};\
    const noteKey="helhed-notes:"+location.pathname,dismissed=()=>{const n=document.getElementById("helhed-notes");\
    try{if(n&&sessionStorage.getItem(noteKey)===n.dataset.key)n.remove();}catch(e){}};dismissed();\
    const notes=html=>{document.getElementById("helhed-notes")?.remove();if(!html)return;\
    const t=document.createElement("template");t.innerHTML=html;const n=t.content.firstElementChild,b=document.getElementById("helhed-error");\
    if(b)b.after(n);else document.body.prepend(n);dismissed();};\
    document.addEventListener("click",e=>{const at=s=>e.target.closest&&e.target.closest(s);\
    if(at("[data-helhed-dismiss]"))document.getElementById("helhed-error")?.remove();\
    const n=at("[data-helhed-dismiss-notes]")&&document.getElementById("helhed-notes");\
    if(n){try{sessionStorage.setItem(noteKey,n.dataset.key);}catch(e){}n.remove();}});\
    let events=null;const connect=()=>{if(events)return;events=new EventSource("\(LiveReloadHub.path)");\
    const on=(name,f)=>events.addEventListener(name,e=>f(JSON.parse(e.data)));\
    const stale=()=>fetch(location.href,{method:"HEAD",cache:"no-store"}).then(r=>{if(r.headers.get("ETag")!==etag)reload();},()=>{});\
    on("hello",stale);on("notes",d=>{if(d.all)stale();else if(d.file===file)notes(d.html);});\
    on("reload",d=>{if(file==="*"||d.all||d.files.includes(file)||d.urls.includes(location.pathname))reload();});\
    on("css",d=>{for(const link of document.querySelectorAll('link[rel~="stylesheet"]')){const url=new URL(link.href,location.href);\
    const next=d.swaps[url.pathname];if(next===undefined||url.origin!==location.origin)continue;\
    const fresh=link.cloneNode();fresh.href=next+(next===url.pathname?"?v="+Date.now():"");\
    fresh.addEventListener("load",()=>link.remove(),{once:true});fresh.addEventListener("error",reload,{once:true});link.after(fresh);}});\
    on("failed",d=>banner(d.html));on("fixed",()=>banner(""));};\
    const disconnect=()=>{if(events){events.close();events=null;}};\
    document.addEventListener("visibilitychange",()=>document.hidden?disconnect():connect());\
    addEventListener("pagehide",disconnect);addEventListener("pageshow",connect);if(!document.hidden)connect();})();
    """

    /// The banner for a failed rebuild: the same `path:line: fejl: message` lines the terminal shows.
    static func banner(for diagnostics: [Diagnostic], hasGoodSite: Bool, in language: MessageLanguage) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = errors.isEmpty ? diagnostics : errors
        let items = shown.prefix(20).map { "<li style=\"margin:2px 0\">\(HTMLEscaping.escape($0.rendered(in: language)))</li>" }.joined()
        let more = shown.count > 20 ? "<li>\(HTMLEscaping.escape(Message(.bannerMore, ["count": String(shown.count - 20)]).rendered(in: language)))</li>" : ""
        let headline = (hasGoodSite ? MessageKey.bannerNotRebuilt : .bannerNotBuilt).text(in: language)
        return """
        <div id="helhed-error" role="alert" lang="\(language.rawValue)" style="position:sticky;top:0;z-index:2147483647;box-sizing:border-box;\
        margin:0;padding:12px 16px;max-height:50vh;overflow:auto;background:#7a1010;color:#fff;border-bottom:4px solid #ffb3b3;\
        font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;text-align:left">\
        <div style="display:flex;gap:16px;align-items:flex-start;max-width:72rem;margin:0 auto">\
        <div style="flex:1;min-width:0"><p style="margin:0 0 6px;font-weight:700;color:#fff">\(headline)</p>\
        <ul style="margin:0;padding-left:1.25em;font:15px/1.5 ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace;\
        overflow-wrap:anywhere;color:#fff">\(items)\(more)</ul></div>\
        <button type="button" data-helhed-dismiss style="flex:none;font:inherit;font-weight:700;padding:4px 12px;\
        background:#fff;color:#7a1010;border:2px solid #fff;border-radius:4px;cursor:pointer">\(MessageKey.bannerDismiss.text(in: language))</button>\
        </div></div>

        """
    }

    /// The page served for every path while no build has ever succeeded.
    static func buildFailedPage(banner: String, in language: MessageLanguage) -> Data {
        Data("""
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(MessageKey.nothingBuiltTitle.text(in: language))</title></head>
        <body style="margin:0">
        \(banner)<p style="margin:2rem auto;max-width:40rem;padding:0 1rem;font:18px/1.5 system-ui,sans-serif">\(MessageKey.nothingBuiltYet.text(in: language))</p>
        </body>
        </html>

        """.utf8)
    }


    private static func lastIndex(of tag: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where matches(needle, in: bytes, at: start) {
            return start
        }
        return nil
    }

    /// The index just after the `>` of the first `<body>` or `<body …>` tag.
    private static func endOfOpeningBodyTag(in bytes: [UInt8]) -> Int? {
        let needle = Array("<body".utf8)
        guard bytes.count > needle.count else { return nil }
        var start = 0
        while start + needle.count < bytes.count {
            if matches(needle, in: bytes, at: start) {
                let next = bytes[start + needle.count]
                if next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r") {
                    guard let close = bytes[(start + needle.count)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                    return close + 1
                }
            }
            start += 1
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        for offset in 0..<needle.count {
            var byte = bytes[start + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}
