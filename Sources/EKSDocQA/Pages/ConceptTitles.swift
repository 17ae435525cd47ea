import Foundation

/// Titles of the concept pages, for the labels of the links Q&A answers make to them.
public enum ConceptTitles {
    /// Titles of the built-in concept pages (`Resources/concepts/<slug>.md`) by slug: the front matter's `title`,
    /// else the first `# ` heading.
    public static let builtin: [String: String] = {
        let candidates = [
            Bundle.module.url(forResource: "concepts", withExtension: nil, subdirectory: "Resources"),
            Bundle.module.resourceURL?.appendingPathComponent("Resources/concepts"),
        ]
        guard let folder = candidates.compactMap({ $0 }).first(where: { FileManager.default.fileExists(atPath: $0.path) }),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var titles: [String: String] = [:]
        for name in names where name.hasSuffix(".md") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            if let title = title(of: text) { titles[String(name.dropLast(3))] = title }
        }
        return titles
    }()

    /// The title of a concept page's Markdown: front matter `title:`, else the first level-1 heading.
    public static func title(of markdown: String) -> String? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.trimmingWhitespace == "---" {
            for line in lines.dropFirst() {
                if line.trimmingWhitespace == "---" { break }
                if line.hasPrefix("title:") {
                    var value = String(line.dropFirst(6)).trimmingWhitespace
                    if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                        value = String(value.dropFirst().dropLast())
                    }
                    if !value.isEmpty { return value }
                }
            }
        }
        return lines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingWhitespace }
    }

    /// Words written in capitals when a slug is turned into a label.
    static let acronyms: Set<String> = [
        "vpc", "nat", "igw", "eks", "cni", "irsa", "alb", "nlb", "elb", "eni", "ip", "ips", "dns", "ebs", "efs", "csi",
        "sg", "nacl", "nacls", "az", "azs", "tgw", "oidc", "iam", "hpa", "pvc", "aws", "cidr", "tls", "api", "ami",
    ]

    /// The label of a concept link: its page's title, else the slug with dashes as spaces and known acronyms in
    /// capitals (`nat-gateway` -> `NAT gateway`).
    public static func label(_ slug: String, titles: [String: String] = builtin) -> String {
        if let title = titles[slug] { return title }
        let words = slug.split(separator: "-").enumerated().map { index, word -> String in
            if acronyms.contains(word.lowercased()) { return word.uppercased() }
            return index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : String(word)
        }
        return words.joined(separator: " ")
    }
}
