import EKSDocModel

/// Deterministic re-serialisation of AWS CLI answers for `eksdoc snapshot`: secret values withheld,
/// object keys sorted, the unordered top-level lists sorted by id, two-space indentation.
public enum SnapshotJSON {
    /// The text that replaces a withheld value.
    public static let withheld = "(withheld)"

    /// Key paths (parent key, key) whose value is always withheld, whatever it looks like.
    static let withheldPaths: Set<[String]> = [["certificateAuthority", "data"]]

    /// Keys whose value is always withheld (compared case-insensitively).
    static let withheldKeys: Set<String> = ["userdata"]

    /// Keys `SecretPolicy.isSecretName` flags that hold settings, not secrets (`HttpTokens`: IMDSv2 required or not).
    static let settingKeys: Set<String> = ["HttpTokens"]

    /// Replaces secret values by `"(withheld)"`: `certificateAuthority.data`, `UserData`, values under keys
    /// `SecretPolicy.isSecretName` flags, `Value` of a `{"Key": ..., "Value": ...}` tag with a secret key,
    /// and string values `SecretPolicy.looksSecret` flags. Returns the node and how many values were withheld.
    public static func redacted(_ node: Node) -> (node: Node, withheld: Int) {
        var count = 0
        let result = redact(node, parentKey: nil, count: &count)
        return (result, count)
    }

    static func redact(_ node: Node, parentKey: String?, count: inout Int) -> Node {
        switch node.content {
        case .string(let text) where SecretPolicy.looksSecret(text):
            count += 1
            return Node(.string(withheld), at: node.location)
        case .list(let items):
            return Node(.list(items.map { redact($0, parentKey: parentKey, count: &count) }), at: node.location)
        case .map(let pairs):
            let secretTag = node["Key"]?.text.map(SecretPolicy.isSecretName) ?? false
            let redactedPairs = pairs.map { pair -> (key: String, value: Node) in
                if !pair.value.isNull, isSecretKey(pair.key, parentKey: parentKey) || (secretTag && pair.key == "Value") {
                    count += 1
                    return (pair.key, Node(.string(withheld), at: pair.value.location))
                }
                return (pair.key, redact(pair.value, parentKey: pair.key, count: &count))
            }
            return Node(.map(redactedPairs), at: node.location)
        default:
            return node
        }
    }

    /// True when the value under `key` (inside an object held by `parentKey`) is secret by name.
    static func isSecretKey(_ key: String, parentKey: String?) -> Bool {
        if let parentKey, withheldPaths.contains([parentKey, key]) { return true }
        if withheldKeys.contains(key.lowercased()) { return true }
        return !settingKeys.contains(key) && SecretPolicy.isSecretName(key)
    }

    /// Sorts the items of the top-level list `listKey` by the string field `idKey` (items without it keep
    /// their relative order, after the others). Other lists keep the order the API gave.
    public static func sortedTopLevel(_ node: Node, listKey: String, idKey: String) -> Node {
        guard case .map(let pairs) = node.content else { return node }
        let sortedPairs = pairs.map { pair -> (key: String, value: Node) in
            guard pair.key == listKey, case .list(let items) = pair.value.content else { return pair }
            let ordered = items.enumerated().sorted { a, b in
                let ka = a.element[idKey]?.text, kb = b.element[idKey]?.text
                switch (ka, kb) {
                case let (x?, y?) where x != y: return x.utf8.lexicographicallyPrecedes(y.utf8)
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.offset < b.offset
                }
            }.map(\.element)
            return (pair.key, Node(.list(ordered), at: pair.value.location))
        }
        return Node(.map(sortedPairs), at: node.location)
    }

    /// JSON text with object keys sorted (by UTF-8 bytes), two-space indentation and a final newline.
    public static func render(_ node: Node) -> String {
        var out = ""
        write(node, indent: 0, into: &out)
        out += "\n"
        return out
    }

    static func write(_ node: Node, indent: Int, into out: inout String) {
        switch node.content {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += quoted(text)
        case .list(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 2, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .map(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            let pad = String(repeating: " ", count: indent + 2)
            let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            out += "{\n"
            for (index, pair) in sorted.enumerated() {
                out += pad + quoted(pair.key) + ": "
                write(pair.value, indent: indent + 2, into: &out)
                out += index == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: `"`, `\` and control characters escaped, everything else as is.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
