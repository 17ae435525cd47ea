/// A line diff in unified format (`--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with 3 lines of context), computed
/// with Myers' O((N+M)D) algorithm so large, mostly equal files stay cheap.
public enum UnifiedDiff {
    enum Edit: Equatable { case same(Int, Int), delete(Int), insert(Int) }

    /// The unified diff of two texts, or "" when they are equal. At most `maxLines` lines are returned; the
    /// number of lines cut is reported on a last line.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3,
                            maxLines: Int = 200) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        // Lines of each side consumed before each edit: a hunk starts where its first edit does.
        var oldBefore: [Int] = [], newBefore: [Int] = []
        var consumedOld = 0, consumedNew = 0
        for edit in edits {
            oldBefore.append(consumedOld); newBefore.append(consumedNew)
            switch edit {
            case .same: consumedOld += 1; consumedNew += 1
            case .delete: consumedOld += 1
            case .insert: consumedNew += 1
            }
        }
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(edits, context: context) {
            var oldCount = 0, newCount = 0
            var body: [String] = []
            for edit in hunk {
                switch edit {
                case .same(let i, _): oldCount += 1; newCount += 1; body.append(" " + a[i])
                case .delete(let i): oldCount += 1; body.append("-" + a[i])
                case .insert(let j): newCount += 1; body.append("+" + b[j])
                }
            }
            let first = hunk.startIndex
            lines.append("@@ -\(oldBefore[first] + 1),\(oldCount) +\(newBefore[first] + 1),\(newCount) @@")
            lines += body
        }
        if lines.count > maxLines {
            let cut = lines.count - maxLines
            lines = Array(lines.prefix(maxLines)) + ["... \(cut) more diff lines not shown"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Groups edits into hunks: changes plus `context` equal lines around them.
    static func hunks(_ edits: [Edit], context: Int) -> [ArraySlice<Edit>] {
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        var result: [ArraySlice<Edit>] = []
        var start: Int? = nil, end = 0
        for index in changed {
            let lo = max(0, index - context), hi = min(edits.count, index + context + 1)
            if let s = start, lo <= end { start = s; end = max(end, hi) } else {
                if let s = start { result.append(edits[s..<end]) }
                start = lo; end = hi
            }
        }
        if let s = start { result.append(edits[s..<end]) }
        return result
    }

    /// The shortest edit script from `a` to `b` (Myers, with a trace for backtracking).
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count, maxD = n + m
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        let offset = maxD + 1
        outer: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { trace.append(v); break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let prevX = v[offset + prevK], prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; edits.append(.same(x, y)) }
            if d > 0 {
                if x == prevX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
            }
        }
        while x > 0 && y > 0 { x -= 1; y -= 1; edits.append(.same(x, y)) }
        return edits.reversed()
    }
}
