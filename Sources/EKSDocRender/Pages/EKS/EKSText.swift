import EKSDocAnalysis
import EKSDocModel

/// Small formatting helpers shared by the EKS pages. Everything returned is escaped Markdown.
enum EKSText {
    /// Runs of whitespace (newlines included) folded to one space, ends trimmed.
    static func collapsed(_ raw: String) -> String {
        raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Source text of a Terraform type or expression on one line, with `#` and `//` comments dropped.
    static func oneLine(_ source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var quotes = 0
            var previous: Character = " "
            for index in line.indices {
                let ch = line[index]
                if ch == "\"" { quotes += 1 }
                let isComment = ch == "#" || (ch == "/" && previous == "/")
                if isComment && quotes % 2 == 0 {
                    let end = ch == "/" ? line.index(before: index) : index
                    return line[..<end]
                }
                previous = ch
            }
            return line
        }
        return collapsed(lines.joined(separator: " "))
    }

    /// Values as inline code joined by commas, or `—`.
    static func codes(_ values: [String]) -> String {
        values.isEmpty ? "—" : values.map { MD.code($0) }.joined(separator: ", ")
    }

    /// A label map as `key=value` code spans, sorted by key, or `—`.
    static func labels(_ labels: [String: String]) -> String {
        codes(labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" })
    }

    /// A taint as `key=value:EFFECT`.
    static func taint(_ taint: Taint) -> String {
        MD.code("\(taint.key)\(taint.value.map { "=\($0)" } ?? ""):\(taint.effect)")
    }

    /// `on`/`off`/`unknown` for an optional switch.
    static func onOff(_ value: Bool?) -> String {
        value.map { $0 ? "on" : "off" } ?? "unknown"
    }

    /// The role name of an IAM role ARN (`arn:aws:iam::1:role/path/name` -> `name`), or the text itself.
    static func roleName(_ arn: String) -> String {
        guard let range = arn.range(of: ":role/") else { return arn }
        return String(arn[range.upperBound...].split(separator: "/").last ?? "")
    }

    /// A subnet as `name (id)` with its availability zone, escaped.
    static func subnet(_ id: String, _ context: PageContext) -> String {
        let label = context.subnetLabel(id)
        guard let az = context.env.subnet(id)?.az, !az.isEmpty else { return label }
        return "\(label), \(MD.text(az))"
    }

    /// A number with thousands separators, or `—`.
    static func number(_ value: Int?) -> String {
        value.map { MD.number($0) } ?? "—"
    }

    /// The cluster's region, else the environment's.
    static func region(_ env: Environment) -> String? {
        env.cluster?.region ?? env.region
    }

    /// Singular or plural noun with its count: `1 subnet`, `2 subnets`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(MD.number(n)) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }
}

/// POSIX shell quoting for the commands on the troubleshooting page.
enum Shell {
    /// The value as is when it is made only of `[A-Za-z0-9._:/=@+-]`, else single-quoted with embedded single
    /// quotes written as `'\''`.
    static func quote(_ raw: String) -> String {
        let safe = !raw.isEmpty && raw.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", ":", "/", "=", "@", "+", "-": return true
            default: return false
            }
        }
        if safe { return raw }
        return "'" + raw.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Values quoted and joined by spaces.
    static func words(_ values: [String]) -> String {
        values.map(quote).joined(separator: " ")
    }

    /// `--region R` when the region is known, with a leading space.
    static func region(_ env: Environment) -> String {
        EKSText.region(env).map { " --region \(quote($0))" } ?? ""
    }
}
