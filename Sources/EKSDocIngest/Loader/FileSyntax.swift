/// The syntax of an input file, decided from its first significant characters, not its name.
public enum FileSyntax: Equatable, Sendable {
    case json, yaml, hcl

    /// JSON when the text starts with `{` or `[`; HCL when the first token is an identifier followed by
    /// `=`, a block label or `{`; YAML otherwise. Comments (`#`, `//`, `/* */`) before the first token are skipped.
    public static func detect(_ text: String) -> FileSyntax {
        let bytes = Array(text.utf8.prefix(64 * 1024))
        var i = 0
        func skipSpaceAndComments() {
            while i < bytes.count {
                let b = bytes[i]
                if b == 32 || b == 9 || b == 10 || b == 13 { i += 1; continue }
                if b == UInt8(ascii: "#") || (b == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")) {
                    while i < bytes.count && bytes[i] != 10 { i += 1 }
                    continue
                }
                if b == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*") {
                    i += 2
                    while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                    i += 2
                    continue
                }
                return
            }
        }
        skipSpaceAndComments()
        guard i < bytes.count else { return .yaml }
        if bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") { return .json }
        func isIdentStart(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) || b == 95 }
        func isIdent(_ b: UInt8) -> Bool { isIdentStart(b) || (48...57).contains(b) || b == 45 }
        guard isIdentStart(bytes[i]) else { return .yaml }
        while i < bytes.count && isIdent(bytes[i]) { i += 1 }
        while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9) { i += 1 }
        guard i < bytes.count else { return .yaml }
        switch bytes[i] {
        case UInt8(ascii: "="):
            return i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "=") ? .yaml : .hcl
        case UInt8(ascii: "\""), UInt8(ascii: "{"):
            return .hcl
        default:
            return isIdentStart(bytes[i]) ? .hcl : .yaml
        }
    }
}
