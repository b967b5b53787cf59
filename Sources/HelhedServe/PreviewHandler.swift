import FlyingFox
import FlyingSocks
import Foundation

/// Answers every request of the preview: the site from memory, the live-reload stream, and the error pages.
struct PreviewHandler: HTTPHandler {
    let store: SiteStore
    let hub: LiveReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return Self.plain(.methodNotAllowed, "405 Method Not Allowed: the preview only answers GET and HEAD.\n",
                              isHead: false, extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path()
        if raw == LiveReloadHub.path { return eventStream(isHead: isHead) }

        let path: RequestPath
        switch RequestPath.parse(raw) {
        case .success(let parsed): path = parsed
        case .failure(let rejection): return Self.plain(.badRequest, "400 Bad Request: \(rejection).\n", isHead: isHead)
        }

        let state = store.current
        guard let site = state.site else {
            guard let banner = state.banner else {
                return Self.plain(.serviceUnavailable, "503: the site is still building; try again in a moment.\n",
                                  isHead: isHead, extra: [HTTPHeader("Retry-After"): "1"])
            }
            return page(PageInjection.buildFailedPage(banner: "", in: store.messages), file: "*", etag: nil, status: .serviceUnavailable,
                        banner: banner, request: request)
        }

        let query = request.target.query()
        let querySuffix = query.isEmpty ? "" : "?" + query
        let requested = path.absolute
        // A sub-path site lives under its sub-path only; `/` and `/sub` lead there.
        guard requested.hasPrefix(site.basePath) else {
            if requested == "/" || requested + "/" == site.basePath {
                return Self.redirect(to: site.encodedBasePath + querySuffix)
            }
            return notFound(site, state: state, request: request)
        }
        let sitePath = String(requested.dropFirst(site.basePath.count))
        switch site.lookup(sitePath) {
        case .file(let filePath):
            guard let file = site.files[filePath] else { return notFound(site, state: state, request: request) }
            return serve(file, path: filePath, status: .ok, state: state, request: request)
        case .folder:
            return Self.redirect(to: raw + "/" + querySuffix)
        case .missing:
            return notFound(site, state: state, request: request)
        }
    }

    // MARK: - Responses

    private func serve(_ file: ServedFile, path: String, status: HTTPStatusCode, state: SiteStore.State,
                       request: HTTPRequest) -> HTTPResponse {
        if file.isHTML {
            return page(file.bytes, file: path, etag: file.etag, status: status, banner: state.banner,
                        notes: state.notes[path], request: request)
        }
        return Self.respond(file.bytes, contentType: file.contentType, etag: file.etag, status: status, request: request)
    }

    /// HTML goes out with the live-reload script (and the banner while a rebuild is broken, and the page's writing
    /// notes). Its ETag covers what was injected (the server instance, the banner, the notes), so a browser never
    /// gets a 304 for a page whose banner, notes or server have changed, and a tab can compare it with the ETag it was
    /// served with to learn that it is stale.
    private func page(_ html: Data, file: String, etag: String?, status: HTTPStatusCode, banner: String?,
                      notes: String? = nil, request: HTTPRequest) -> HTTPResponse {
        let injection = Fingerprint.hex(of: hub.instance + (banner ?? "") + (notes ?? ""))
        let injectedETag = etag.map { "\"\($0.dropFirst().dropLast())-\(injection)\"" } ?? "\"failed-\(injection)\""
        if status == .ok, etag != nil, Self.matches(request.headers[.ifNoneMatch], etag: injectedETag) {
            return Self.notModified(etag: injectedETag)
        }
        let body = PageInjection.inject(into: html, script: PageInjection.scriptTag(file: file, etag: injectedETag),
                                        banner: banner, notes: notes)
        return Self.respond(body, contentType: ContentTypes.forPath("index.html"), etag: injectedETag, status: status,
                            request: request)
    }

    private func notFound(_ site: SiteSnapshot, state: SiteStore.State, request: HTTPRequest) -> HTTPResponse {
        guard let page = site.files[SiteSnapshot.notFoundPage] else {
            return Self.plain(.notFound, "404 Not Found\n", isHead: request.method == .HEAD)
        }
        return serve(page, path: SiteSnapshot.notFoundPage, status: .notFound, state: state, request: request)
    }

    private func eventStream(isHead: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
        ]
        guard !isHead else { return HTTPResponse(statusCode: .ok, headers: headers) }
        headers[HTTPHeader("X-Accel-Buffering")] = "no"
        return HTTPResponse(statusCode: .ok, headers: headers,
                            body: HTTPBodySequence(from: EventStreamBody(messages: hub.subscribe()), suggestedBufferSize: 16_384))
    }

    private static func respond(_ body: Data, contentType: String, etag: String?, status: HTTPStatusCode,
                                request: HTTPRequest) -> HTTPResponse {
        if status == .ok, let etag, matches(request.headers[.ifNoneMatch], etag: etag) {
            return notModified(etag: etag)
        }
        var headers: HTTPHeaders = [
            .contentType: contentType,
            // Revalidate every time: the preview changes under the browser, and 304s keep that cheap.
            .cacheControl: "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
            .contentLength: String(body.count),
        ]
        if let etag { headers[.eTag] = etag }
        return HTTPResponse(statusCode: status, headers: headers, body: request.method == .HEAD ? Data() : body)
    }

    private static func notModified(etag: String) -> HTTPResponse {
        let headers: HTTPHeaders = [.eTag: etag, .cacheControl: "no-cache"]
        return HTTPResponse(statusCode: .notModified, headers: headers)
    }

    private static func redirect(to location: String) -> HTTPResponse {
        // 302, not 301: browsers keep 301s forever, and a preview's folders come and go.
        let headers: HTTPHeaders = [.location: location, .cacheControl: "no-store", .contentLength: "0"]
        return HTTPResponse(statusCode: .found, headers: headers)
    }

    private static func plain(_ status: HTTPStatusCode, _ text: String, isHead: Bool,
                              extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        let body = Data(text.utf8)
        var headers: HTTPHeaders = [
            .contentType: "text/plain; charset=utf-8",
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
            .contentLength: String(body.count),
        ]
        for (header, value) in extra { headers[header] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: isHead ? Data() : body)
    }

    /// `If-None-Match: "a", W/"b"` — weak comparison, as RFC 9110 asks for GET.
    static func matches(_ ifNoneMatch: String?, etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        let wanted = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        return ifNoneMatch.split(separator: ",").contains { candidate in
            var candidate = candidate.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == wanted
        }
    }
}
