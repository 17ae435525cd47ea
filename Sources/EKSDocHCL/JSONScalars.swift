import EKSDocModel

/// JSON strings and numbers for `JSONReader`.
extension JSONReader {
    func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.value >= 0x30 && c.value <= 0x39
    }

    mutating func skipDigits() {
        while isDigit(peek()) { pos += 1 }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as its source text.
    mutating func readNumber() throws -> String {
        let start = mark
        if peek() == "-" { pos += 1 }
        guard isDigit(peek()) else { try fail("invalid number: expected a digit after \"-\"") }
        if peek() == "0" { pos += 1 } else { skipDigits() }
        if peek() == "." {
            pos += 1
            guard isDigit(peek()) else { try fail("invalid number: expected a digit after \".\"") }
            skipDigits()
        }
        if peek() == "e" || peek() == "E" {
            pos += 1
            if peek() == "+" || peek() == "-" { pos += 1 }
            guard isDigit(peek()) else { try fail("invalid number: expected a digit in the exponent") }
            skipDigits()
        }
        if let c = peek(), c == "." || c.properties.isXIDContinue {
            while let g = peek(), g == "." || g.properties.isXIDContinue { pos += 1 }
            try fail("invalid number \"\(source.text(start.offset..<pos))\"", at: start)
        }
        return source.text(start.offset..<pos)
    }

    /// A quoted string with JSON escapes decoded (including surrogate pairs).
    mutating func readString() throws -> String {
        let open = mark
        pos += 1
        var view = String.UnicodeScalarView()
        while true {
            guard let c = peek() else {
                try fail("unterminated string; expected a closing quote before the end of the file", at: open)
            }
            switch c {
            case "\"":
                pos += 1
                return String(view)
            case "\\":
                view.append(try readEscape())
            case "\n", "\r":
                try fail("unterminated string; expected a closing quote before the end of the line", at: open)
            default:
                if c.value < 0x20 {
                    let code = String(c.value, radix: 16, uppercase: true)
                    try fail("control character U+\(code.count < 2 ? "0" + code : code) must be escaped in a JSON string")
                }
                view.append(c)
                pos += 1
            }
        }
    }

    /// One escape after a backslash: `\" \\ \/ \b \f \n \r \t \uXXXX`.
    mutating func readEscape() throws -> Unicode.Scalar {
        let start = mark
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
        ]
        guard let e = peek(1) else { try fail("unterminated string; expected a closing quote before the end of the file") }
        if let decoded = simple[e] {
            pos += 2
            return decoded
        }
        guard e == "u" else {
            let shown = e.value < 0x20 ? "U+" + String(e.value, radix: 16, uppercase: true) : String(e)
            try fail("invalid escape sequence \"\\\(shown)\" in JSON string", at: start)
        }
        let high = try readHex4(at: start)
        if (0xDC00...0xDFFF).contains(high) {
            try fail("invalid escape sequence: unpaired low surrogate in JSON string", at: start)
        }
        if (0xD800...0xDBFF).contains(high) {
            guard peek() == "\\", peek(1) == "u" else {
                try fail("invalid escape sequence: unpaired high surrogate in JSON string", at: start)
            }
            let low = try readHex4(at: start)
            guard (0xDC00...0xDFFF).contains(low) else {
                try fail("invalid escape sequence: unpaired high surrogate in JSON string", at: start)
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    /// Reads `\uXXXX` at the current position and returns the code unit.
    mutating func readHex4(at start: Lexer.Mark) throws -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            guard let h = peek(2 + index), let digit = hex(h) else {
                try fail("invalid escape sequence \"\\u\": expected 4 hexadecimal digits", at: start)
            }
            value = value * 16 + digit
        }
        pos += 6
        return value
    }

    func hex(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }
}
