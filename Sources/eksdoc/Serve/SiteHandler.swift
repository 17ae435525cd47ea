import EKSDocRender
import FlyingFox
import Foundation

/// Answers requests from the in-memory site: pages with the live-reload script, other files by extension,
/// folders through their `index.html` (or a listing), the build version for live reload, and a 404 page.
struct SiteHandler: HTTPHandler {
    let state: SiteState
    /// Host names (without port) a request may be addressed to; nil accepts any (the user chose a public host).
    /// Refusing other names stops DNS-rebinding pages from reading the local site.
    let allowedHosts: Set<String>?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return respond(request, .methodNotAllowed, text: "405 method not allowed\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        if let allowedHosts, let host = request.headers[.host], !allowedHosts.contains(SiteHandler.hostName(host)) {
            return respond(request, .misdirectedRequest, text: "421 eksdoc serve only answers \(allowedHosts.sorted())\n")
        }
        // The target as sent: FlyingFox's `request.path` is already standardised (`..` folded, trailing `/`
        // dropped), and the trailing slash matters for folders; SitePath decodes it and refuses `..` itself.
        let path = request.target.path(percentEncoded: true)
        let (site, version, failure) = await state.snapshot()
        if path == LiveReload.versionPath {
            return respond(request, .ok, text: "\(version)\n")
        }
        guard let site else {
            let body = Pages.page(title: "Build failed", heading: "The site has not been built yet",
                                  preformatted: failure ?? "building…")
            return respond(request, .serviceUnavailable, html: body, version: version)
        }
        switch SitePath.resolve(path, in: site) {
        case .file(let path):
            let type = MediaType.forPath(path)
            let data = site.files[path] ?? Data()
            if MediaType.isHTML(type) { return respond(request, .ok, html: data, version: version) }
            return respond(request, .ok, body: data, type: type)
        case .redirect(let location):
            // Absolute when the Host is known: some clients (swift-corelibs URLSession) mis-resolve `/folder/`.
            let host = request.headers[.host].flatMap { $0.allSatisfy(SiteHandler.isHostCharacter) ? $0 : nil }
            let absolute = host.map { "http://\($0)\(location)" } ?? location
            return respond(request, .movedPermanently, text: "moved to \(location)\n", extra: [.location: absolute])
        case .listing(let folder):
            return respond(request, .ok, html: Pages.listing(folder, SitePath.children(of: folder, in: site)),
                           version: version)
        case .notFound:
            let body = Pages.page(title: "Not found", heading: "404: no such page",
                                  preformatted: path.removingPercentEncoding ?? path, link: ("/", "Back to the start page"))
            return respond(request, .notFound, html: body, version: version)
        case .badRequest:
            return respond(request, .badRequest, text: "400 bad request: the path leaves the site\n")
        }
    }

    /// `Host` header value without its port: `127.0.0.1:8000` -> `127.0.0.1`, `[::1]:8000` -> `::1`.
    static func hostName(_ header: String) -> String {
        let value = header.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            return String(value[value.index(after: value.startIndex)..<close])
        }
        if let colon = value.lastIndex(of: ":") { return String(value[..<colon]) }
        return value
    }

    static func isHostCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || ".-:[]".contains(c))
    }

    private func respond(_ request: HTTPRequest, _ status: HTTPStatusCode, html: Data, version: Int) -> HTTPResponse {
        respond(request, status, body: LiveReload.inject(into: html, version: version), type: MediaType.byExtension["html"]!)
    }

    private func respond(_ request: HTTPRequest, _ status: HTTPStatusCode, text: String,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        respond(request, status, body: Data(text.utf8), type: MediaType.byExtension["txt"]!, extra: extra)
    }

    private func respond(_ request: HTTPRequest, _ status: HTTPStatusCode, body: Data, type: String,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store",
                                    HTTPHeader("X-Content-Type-Options"): "nosniff"]
        for (name, value) in extra { headers[name] = value }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

/// The few pages the server makes itself (errors, folder listings).
enum Pages {
    static func page(title: String, heading: String, preformatted: String, link: (String, String)? = nil) -> Data {
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(title)) · eksdoc serve</title>"
        html += "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        html += "pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style></head>\n<body>\n"
        html += "<h1>\(escape(heading))</h1>\n<pre>\(escape(preformatted))</pre>\n"
        if let (href, label) = link { html += "<p><a href=\"\(escape(href))\">\(escape(label))</a></p>\n" }
        html += "</body></html>\n"
        return Data(html.utf8)
    }

    /// A list of a folder's entries (used while the site has no `index.html` there).
    static func listing(_ folder: String, _ children: [String]) -> Data {
        let title = "/" + (folder.isEmpty ? "" : folder + "/")
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(title)) · eksdoc serve</title>"
        html += "</head>\n<body>\n<h1>Index of \(escape(title))</h1>\n<ul>\n"
        if !folder.isEmpty { html += "<li><a href=\"../\">../</a></li>\n" }
        for name in children {
            let href = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
            html += "<li><a href=\"\(escape(href))\">\(escape(name))</a></li>\n"
        }
        html += "</ul>\n</body></html>\n"
        return Data(html.utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
