/// GitHub-style heading anchors, unique within a page.
public struct Anchors {
    private var used: [String: Int] = [:]

    public init() {}

    /// The slug GitHub gives a heading: lower case, punctuation removed except `-` and `_`, spaces to `-`.
    public static func slug(_ heading: String) -> String {
        if heading.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII headings (nearly all) byte by byte: the same rules, without Unicode case mapping.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(heading.utf8.count)
            for byte in heading.utf8 {
                switch byte {
                case 0x20: bytes.append(UInt8(ascii: "-"))
                case 0x41...0x5A: bytes.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "_"): bytes.append(byte)
                default: continue
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for scalar in heading.lowercased().unicodeScalars {
            if scalar == " " { out.append("-") }
            else if scalar == "-" || scalar == "_" { out.unicodeScalars.append(scalar) }
            else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out.isEmpty ? "section" : out
    }

    /// The anchor for the next heading with this text (`-1`, `-2` ... for repeats, as GitHub does).
    public mutating func anchor(for heading: String) -> String {
        let base = Anchors.slug(heading)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}
