/// Finds which variables of a template sit inside Markdown code: fenced code blocks and inline code spans.
///
/// The template's literal text is laid out in source order with a placeholder for each variable, then read as
/// CommonMark does: a fence line (three or more backticks or tildes, at most three spaces in) opens a block that the
/// same fence closes; outside blocks, a backtick run opens a code span only when a run of the same length closes it
/// within the paragraph, so a stray backtick leaves the text around it prose (and escaped).
enum CodeRegions {
    /// The placeholder standing for a variable.
    static let placeholder: Character = "\u{E000}"

    /// The context of each placeholder of `skeleton`, in order.
    static func contexts(_ skeleton: [Character]) -> [TextContext] {
        var marks = Array(repeating: TextContext.prose, count: skeleton.count)
        var lineStart = 0
        var fence: (char: Character, count: Int)?
        var paragraph: [Int] = []
        func flushParagraph() {
            markSpans(paragraph, skeleton, &marks)
            paragraph = []
        }
        while lineStart < skeleton.count {
            let lineEnd = skeleton[lineStart...].firstIndex(of: "\n") ?? skeleton.count
            let line = skeleton[lineStart..<lineEnd]
            let marker = fenceMarker(line)
            if let open = fence {
                for i in lineStart..<lineEnd { marks[i] = .codeBlock }
                if let marker, marker.char == open.char, marker.count >= open.count, marker.rest.allSatisfy(\.isWhitespace) { fence = nil }
            } else if let marker {
                flushParagraph()
                for i in lineStart..<lineEnd { marks[i] = .codeBlock }
                fence = (marker.char, marker.count)
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flushParagraph()
            } else {
                paragraph.append(contentsOf: lineStart..<lineEnd)
                if lineEnd < skeleton.count { paragraph.append(lineEnd) }
            }
            lineStart = lineEnd + 1
        }
        flushParagraph()
        return skeleton.indices.filter { skeleton[$0] == placeholder }.map { marks[$0] }
    }

    /// Marks the code spans of one paragraph (indices into `skeleton`, in order).
    private static func markSpans(_ indices: [Int], _ skeleton: [Character], _ marks: inout [TextContext]) {
        let chars = indices.map { skeleton[$0] }
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            guard chars[i] == "`" else { i += 1; continue }
            let run = runLength(chars, i)
            var j = i + run
            var closing: Int?
            while j < chars.count {
                guard chars[j] == "`" else { j += 1; continue }
                let other = runLength(chars, j)
                if other == run { closing = j; break }
                j += other
            }
            guard let closing else { i += run; continue }
            for k in (i + run)..<closing { marks[indices[k]] = .codeSpan }
            i = closing + run
        }
    }

    private static func runLength(_ chars: [Character], _ start: Int) -> Int {
        var n = 0
        while start + n < chars.count && chars[start + n] == "`" { n += 1 }
        return n
    }

    /// A fence line's character, length and the text after the fence.
    private static func fenceMarker(_ line: ArraySlice<Character>) -> (char: Character, count: Int, rest: ArraySlice<Character>)? {
        let body = line.drop { $0 == " " }
        guard line.count - body.count <= 3, let first = body.first, first == "`" || first == "~" else { return nil }
        let run = body.prefix { $0 == first }
        guard run.count >= 3 else { return nil }
        let rest = body.dropFirst(run.count)
        if first == "`" && rest.contains("`") { return nil }
        return (first, run.count, rest)
    }
}
