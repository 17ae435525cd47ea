import EKSDocModel
import Foundation

/// An input file read into memory as validated UTF-8 text.
public struct SourceFile: Sendable {
    /// The path shown to users: relative to the content folder when the file is inside it.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Files larger than this are refused with a diagnostic instead of being parsed.
    public static let maxBytes = 32 * 1024 * 1024

    /// Reads a file, refusing oversized files and invalid UTF-8 with a located error.
    public static func read(_ url: URL, displayPath: String, maxBytes: Int = SourceFile.maxBytes) -> Result<SourceFile, Diagnostic> {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        var info = stat()
        let size = stat(url.path, &info) == 0 ? Int(info.st_size) : 0
        if size > maxBytes {
            return .failure(.error("file is \(size) bytes, over the \(maxBytes)-byte limit", at: start))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error("cannot read file", at: start))
        }
        return decode(Array(data), displayPath: displayPath)
    }

    /// Validates UTF-8 (a leading byte-order mark is dropped) and reports the first bad byte's line and column.
    public static func decode(_ bytes: [UInt8], displayPath: String) -> Result<SourceFile, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let (line, column) = position(of: bad, in: body)
            return .failure(.error("invalid UTF-8 (byte 0x\(String(body[bad], radix: 16)))",
                                   at: SourceLocation(file: displayPath, line: line, column: column)))
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            return .failure(.error("NUL byte in a text file", at: SourceLocation(file: displayPath, line: line, column: column)))
        }
        return .success(SourceFile(path: displayPath, text: String(decoding: body, as: UTF8.self)))
    }

    static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        var i = bytes.startIndex
        while i < index {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// The index of the first byte that is not part of a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return i
            }
            guard i + length <= end else { return i }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            minimum = max(minimum, 0)
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
