import EKSDocRender

/// Build-time syntax highlighting of fenced code blocks for HCL, YAML, JSON and shell: a small tokenizer per
/// language emits `<span class="tok-...">` around escaped text. Other languages are left as cmark-gfm wrote them.
public enum CodeHighlighter {
    /// Token classes, as CSS classes `tok-<rawValue>`.
    public enum Kind: String, Sendable {
        case comment, string, number, keyword, literal, key, variable, command, option, punctuation, type
    }

    /// A tokenizer turns source text into classified runs (nil kind = plain text).
    typealias Tokenizer = ([Unicode.Scalar]) -> [(Kind?, String)]

    /// The tokenizer for a fence's info string, if any.
    static func tokenizer(for language: String) -> Tokenizer? {
        switch language.lowercased() {
        case "hcl", "terraform", "tf", "tfvars": return HCLTokenizer.tokens
        case "yaml", "yml": return YAMLTokenizer.tokens
        case "json": return JSONTokenizer.tokens
        case "sh", "shell", "bash", "console", "zsh": return ShellTokenizer.tokens
        default: return nil
        }
    }

    /// Highlighted HTML for source text (escaped).
    public static func highlight(_ code: String, language: String) -> String? {
        guard let tokenizer = tokenizer(for: language) else { return nil }
        var out = ""
        for (kind, text) in tokenizer(Array(code.unicodeScalars)) {
            if let kind { out += "<span class=\"tok-\(kind.rawValue)\">\(HTMLText.escape(text))</span>" }
            else { out += HTMLText.escape(text) }
        }
        return out
    }

    /// Highlights every `<pre><code class="language-X">` block of rendered HTML.
    public static func highlightBlocks(_ html: String) -> String {
        let opening = "<pre><code class=\"language-"
        guard html.byteRange(of: opening) != nil else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.byteRange(of: opening) {
            out += rest[..<open.lowerBound]
            guard let quote = rest[open.upperBound...].utf8.firstIndex(of: UInt8(ascii: "\"")),
                  let close = rest[quote...].byteRange(of: "</code></pre>") else { break }
            let language = String(rest[open.upperBound..<quote])
            let bodyStart = rest.utf8.index(quote, offsetBy: 2)  // past `">`
            let escaped = String(rest[bodyStart..<close.lowerBound])
            if let highlighted = highlight(HTMLText.decodeEntities(escaped), language: language) {
                out += "<pre class=\"code\" data-lang=\"\(HTMLText.escape(language))\"><code class=\"language-"
                out += "\(HTMLText.escape(language))\">\(highlighted)</code></pre>"
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// A cursor over source text that collects classified runs, merging adjacent plain text.
struct TokenScanner {
    let text: [Unicode.Scalar]
    var position = 0
    private(set) var tokens: [(CodeHighlighter.Kind?, String)] = []

    init(_ text: [Unicode.Scalar]) {
        self.text = text
    }

    var atEnd: Bool { position >= text.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < text.count ? text[index] : nil
    }

    func starts(with prefix: String) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < text.count, text[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// True when only spaces and tabs precede the cursor on its line.
    var atLineStart: Bool {
        var index = position - 1
        while index >= 0 {
            if text[index] == "\n" { return true }
            if text[index] != " " && text[index] != "\t" { return false }
            index -= 1
        }
        return true
    }

    /// Emits `count` scalars from the cursor as one run.
    mutating func emit(_ kind: CodeHighlighter.Kind?, count: Int) {
        let end = min(text.count, position + max(count, 1))
        // UTF-8 by hand: appending scalars to a String one by one was most of the highlighting time.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - position)
        for scalar in text[position..<end] {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { bytes.append(contentsOf: UTF8.encode(scalar)!) }
        }
        let run = String(decoding: bytes, as: UTF8.self)
        position = end
        if kind == nil, let last = tokens.last, last.0 == nil {
            tokens[tokens.count - 1].1 += run
        } else {
            tokens.append((kind, run))
        }
    }

    /// Emits the run while `predicate` holds (at least one scalar).
    mutating func emit(_ kind: CodeHighlighter.Kind?, while predicate: (Unicode.Scalar) -> Bool) {
        emit(kind, count: length(while: predicate))
    }

    /// How many scalars from `offset` (relative to the cursor) satisfy `predicate`.
    func length(while predicate: (Unicode.Scalar) -> Bool, from offset: Int = 0) -> Int {
        var index = position + offset
        while index < text.count, predicate(text[index]) { index += 1 }
        return index - position - offset
    }

    /// Length of a quoted string starting at the cursor (with backslash escapes unless `raw`), to its closing
    /// quote or the end of the line.
    func quotedLength(raw: Bool = false) -> Int {
        guard let quote = peek() else { return 0 }
        var index = position + 1
        while index < text.count, text[index] != "\n" {
            if !raw, text[index] == "\\" { index += 2; continue }
            if text[index] == quote { return index - position + 1 }
            index += 1
        }
        return min(index, text.count) - position
    }

    /// Length to the end of the current line (newline excluded).
    var restOfLine: Int { length(while: { $0 != "\n" }) }

    static func isIdentifier(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
