import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with cmark-gfm: tables, strikethrough, autolinks, task lists and the
/// tag filter. Raw HTML is replaced by a comment unless `allowRawHTML` is set.
public enum MarkdownHTML {
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public static func render(_ markdown: String, allowRawHTML: Bool = false) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
