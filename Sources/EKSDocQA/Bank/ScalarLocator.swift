import EKSDocModel

/// Maps character offsets inside a YAML scalar's value back to `file:line:col`, so problems in a condition or
/// template point at the offending tag rather than at the field.
///
/// The value's non-blank characters are matched, in order, against the file text from the scalar's start
/// (after a `|`/`>` header line or an opening quote). Folding, indentation and line breaks only change blanks, so
/// this holds for plain, quoted, literal and folded scalars; where an escape sequence breaks the match, later
/// offsets fall back to the last matched position.
struct ScalarLocator {
    private let file: String
    /// Position (line, column) of each character of the value; blanks take the next non-blank's position.
    private var positions: [(line: Int, column: Int)] = []
    private let start: SourceLocation

    init(value: String, start: SourceLocation, lines: [[Character]]) {
        self.file = start.file
        self.start = start
        let chars = Array(value)
        var line = start.line - 1, column = start.column - 1
        if line >= 0, line < lines.count, column >= 0, column < lines[line].count {
            let first = lines[line][column]
            if first == "|" || first == ">" { line += 1; column = 0 }
            else if first == "\"" || first == "'" { column += 1 }
        } else {
            line = -1
        }
        var matched: [(Int, Int)?] = Array(repeating: nil, count: chars.count)
        var lost = line < 0
        for (index, c) in chars.enumerated() where !c.isWhitespace && !lost {
            var found = false
            while line < lines.count {
                while column < lines[line].count {
                    let d = lines[line][column]
                    column += 1
                    if d == c { found = true; break }
                    if !d.isWhitespace && d != "\\" { lost = true; break }
                }
                if found || lost { break }
                line += 1; column = 0
            }
            if found { matched[index] = (line + 1, column) } else { lost = true }
        }
        var result = Array(repeating: (line: start.line, column: start.column), count: chars.count)
        var lastKnown: (Int, Int)?
        for index in chars.indices {
            if let m = matched[index] { lastKnown = m }
            result[index] = lastKnown.map { (line: $0.0, column: $0.1) } ?? (start.line, start.column)
        }
        // Blanks take the next matched character's position; trailing blanks keep the last one.
        var next = lastKnown ?? (start.line, start.column)
        for index in chars.indices.reversed() {
            if let m = matched[index] { next = m } else if chars[index].isWhitespace { result[index] = (next.0, next.1) }
        }
        positions = result
    }

    /// The file location of a character offset in the value (the scalar's start when unknown).
    func location(_ offset: Int) -> SourceLocation {
        guard !positions.isEmpty else { return start }
        let p = positions[max(0, min(offset, positions.count - 1))]
        return SourceLocation(file: file, line: p.line, column: p.column)
    }
}
