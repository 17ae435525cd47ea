/// "Did you mean" hints for unknown fact names.
enum FactSuggestions {
    /// ` (did you mean 'x'?)` for the closest known name within a small edit distance, else empty.
    static func hint(for name: String, extra: [String] = []) -> String {
        let candidates = FactRegistry.names.keys.sorted() + extra
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(name.lowercased(), candidate.lowercased())
            if d <= max(2, name.count / 4), d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best.map { " (did you mean '\($0.name)'?)" } ?? ""
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var row = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[y.count]
    }
}
