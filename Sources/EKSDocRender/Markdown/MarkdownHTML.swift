import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks, task lists and the
/// tag filter. Raw HTML is shown as text (escaped, never run) unless `allowRawHTML` is set; `javascript:` and
/// other unsafe link targets are dropped by cmark-gfm's safe mode.
public enum MarkdownHTML {
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public static func render(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return withDocument(markdown, options: options) { document, parser in
            if !allowRawHTML { _ = rawHTMLAsText(document) }
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        } ?? ""
    }

    /// The Markdown with its raw HTML turned into literal text and `javascript:`-style link targets emptied, so
    /// any CommonMark renderer shows it instead of running it. Text without either comes back unchanged; otherwise the document is written out again by
    /// cmark-gfm (same content, its own spacing).
    public static func escapingRawHTML(_ markdown: String) -> String {
        guard mayHoldRawHTMLOrUnsafeLinks(markdown) else { return markdown }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        return withDocument(markdown, options: options) { document, parser in
            guard rawHTMLAsText(document) + unsafeLinksEmptied(document) > 0 else { return markdown }
            guard let text = cmark_render_commonmark(document, options, 0) else { return markdown }
            defer { free(text) }
            return String(cString: text)
        } ?? markdown
    }

    /// cmark-gfm is not safe to use from several threads: every parse adds its extensions' trigger characters to
    /// a process-wide table when it starts on inlines and removes them when it is done, so a parse running beside
    /// another one could miss autolinks. Every parse and render holds this lock (seen as pages that differed
    /// between builds).
    private static let lock = NSLock()

    /// Parses with the GFM extensions and hands the document to `body`.
    private static func withDocument<T>(_ markdown: String, options: Int32,
                                        _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        lock.lock()
        defer { lock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    /// Empties link and image targets a browser would run or read locally (`javascript:`, `vbscript:`, `file:`,
    /// `data:` other than images), as cmark-gfm's safe HTML output does; returns how many.
    static func unsafeLinksEmptied(_ document: OpaquePointer) -> Int {
        var count = 0
        guard let iterator = cmark_iter_new(document) else { return 0 }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let url = cmark_node_get_url(node).map({ String(cString: $0) }), isUnsafe(url) else { continue }
            cmark_node_set_url(node, "")
            count += 1
        }
        return count
    }

    /// False only when the text cannot hold raw HTML or an unsafe link: no `<` (tags, pointy-bracket
    /// destinations), no `&` or `\` (entities and escapes that could spell a scheme) and none of the unsafe
    /// schemes in any letter case. Most pages pass this byte scan and skip a parse.
    static func mayHoldRawHTMLOrUnsafeLinks(_ markdown: String) -> Bool {
        let schemes = ["javascript", "vbscript", "file", "data"].map { Array($0.utf8) }
        var text = markdown
        return text.withUTF8 { bytes in
            for (position, byte) in bytes.enumerated() {
                // `\` too: cmark drops backslash escapes from link targets, so `javascript\:` is a scheme.
                if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\\") { return true }
                guard byte == UInt8(ascii: ":") else { continue }
                // The letters before a colon, in any case, against each scheme name.
                for scheme in schemes where position >= scheme.count {
                    let start = position - scheme.count
                    if (0..<scheme.count).allSatisfy({ bytes[start + $0] | 0x20 == scheme[$0] }) { return true }
                }
            }
            return false
        }
    }

    /// True for URLs whose scheme runs script or reads local data.
    public static func isUnsafe(_ url: String) -> Bool {
        let lowered = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) { return true }
        if lowered.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
        }
        return false
    }

    /// Replaces every raw HTML node by a text node with the same characters (a block by a paragraph holding
    /// it); returns how many were replaced.
    @discardableResult
    static func rawHTMLAsText(_ document: OpaquePointer) -> Int {
        var raw: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return 0 }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { raw.append(node) }
        }
        cmark_iter_free(iterator)
        for node in raw {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                var trimmed = literal
                while trimmed.hasSuffix("\n") { trimmed.removeLast() }
                cmark_node_set_literal(text, trimmed)
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { cmark_node_free(text); continue }
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_set_literal(text, literal)
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        return raw.count
    }
}
