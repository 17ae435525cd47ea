/// GitHub-style heading anchors, unique within a page.
public struct Anchors {
    private var used: [String: Int] = [:]

    public init() {}

    /// The slug GitHub gives a heading: lower case, punctuation removed except `-` and `_`, spaces to `-`.
    public static func slug(_ heading: String) -> String {
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
