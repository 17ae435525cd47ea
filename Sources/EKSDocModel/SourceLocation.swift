/// A place in an input file: path relative to the content folder, 1-based line and column.
///
/// Locations order by file, then line, then column, so diagnostics and provenance sort stably.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The file path as the user should see it (relative to the content folder when possible).
    public var file: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column number; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:col`, or `file` alone when the line is unknown.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var numbers: [Int] = []
        while numbers.count < 2, let last = parts.last, let n = Int(last), parts.count > 1 {
            numbers.insert(n, at: 0)
            parts.removeLast()
        }
        self.init(file: parts.joined(separator: ":"), line: numbers.first ?? 0,
                  column: numbers.count > 1 ? numbers[1] : 0)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
