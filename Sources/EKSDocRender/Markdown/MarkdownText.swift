import Foundation

/// Escaping and small builders for GitHub-flavoured Markdown. Every piece of untrusted text (names, tags,
/// descriptions) goes through one of these before it reaches a page.
public enum MD {
    /// Characters that start Markdown syntax inline.
    static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "&", "{", "}"]

    /// Inline text: Markdown specials are backslash-escaped, `<`/`>`/`&` become entities (so no raw HTML
    /// survives), and line breaks become spaces.
    public static func text(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.count)
        for ch in raw {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default:
                if inlineSpecials.contains(ch) { out.append("\\") }
                out.append(ch)
            }
        }
        // A leading list or heading marker would change the block type.
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        return out
    }

    /// A table cell: inline text with `|` escaped (done by `text`) and never empty.
    public static func cell(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return "—" }
        return text(raw)
    }

    /// Inline code that cannot be broken out of: the fence is longer than any backtick run inside.
    /// `|` is escaped so the span is safe inside table cells. Everything else stays literal: Markdown renderers
    /// show a code span's `<`, `>` and `&` as text, so no markup inside it takes effect.
    public static func code(_ raw: String) -> String {
        let cleaned = raw.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
        var longest = 0, run = 0
        for ch in cleaned { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = cleaned.hasPrefix("`") || cleaned.hasSuffix("`") ? " " : ""
        return fence + pad + cleaned + pad + fence
    }

    /// A link whose text is escaped and whose target has spaces and parentheses encoded.
    public static func link(_ label: String, _ target: String) -> String {
        "[\(text(label))](\(destination(target)))"
    }

    /// A link destination with spaces, parentheses, angle brackets and other bytes Markdown would misread
    /// percent-encoded.
    public static func destination(_ target: String) -> String {
        var out = ""
        for byte in target.utf8 {
            switch byte {
            case 0x21...0x7E where !" ()<>\\`\"".utf8.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    /// Column alignment in a table.
    public enum Align { case left, right, center }

    /// A GFM table. Cells are used as given: escape them with `cell`, `code` or `text` first.
    public static func table(_ headers: [String], _ rows: [[String]], align: [Align] = []) -> String {
        guard !headers.isEmpty else { return "" }
        var lines = ["| " + headers.joined(separator: " | ") + " |"]
        lines.append("|" + headers.indices.map { i -> String in
            switch i < align.count ? align[i] : .left {
            case .left: return "---"
            case .right: return "--:"
            case .center: return ":-:"
            }
        }.joined(separator: "|") + "|")
        for row in rows {
            let padded = row + Array(repeating: "", count: max(0, headers.count - row.count))
            lines.append("| " + padded.prefix(headers.count).map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number with thousands separators: 2038 -> "2,038".
    public static func number<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}
