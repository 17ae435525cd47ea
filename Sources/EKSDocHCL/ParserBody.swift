import EKSDocModel

/// Bodies: attributes (`name = expr`, one per line) and blocks (`type "label" { ... }`).
extension Parser {
    /// Parses the whole file as a body.
    mutating func parseFile() -> HCLBody {
        parseBody(open: nil)
    }

    /// Parses items until the `}` matching `open` (consumed), or until the end of the file.
    mutating func parseBody(open: Token?) -> HCLBody {
        var body = HCLBody()
        var definedAt: [String: Int] = [:]
        while true {
            let token = peek()
            switch token.kind {
            case .newline:
                advance()
            case .endOfFile:
                if let open {
                    error("unclosed \"{\" of this block; expected \"}\" before the end of the file", at: open)
                }
                return body
            case .rightBrace:
                advance()
                if open != nil { return body }
                error("unexpected \"}\" with no block to close", at: token)
            case .identifier:
                parseItem(into: &body, definedAt: &definedAt)
            default:
                let start = pos
                unexpected(token, expected: "an attribute name or a block type")
                advance()
                recover(from: start)
            }
        }
    }

    /// Parses one attribute or block starting at an identifier.
    mutating func parseItem(into body: inout HCLBody, definedAt: inout [String: Int]) {
        let start = pos
        let name = advance()
        let next = peek()
        switch next.kind {
        case .equals:
            advance()
            parseAttribute(name: name, into: &body, definedAt: &definedAt)
        case .leftBrace, .openQuote, .identifier:
            if let block = parseBlock(type: name) { body.blocks.append(block) } else { recover(from: start) }
        case .colon:
            error("unexpected \":\" after \"\(text(name))\"; use \"=\" to set an attribute", at: next)
            recover(from: start)
        default:
            unexpected(next, expected: "\"=\" to set \"\(text(name))\", or a block label or \"{\"")
            recover(from: start)
        }
    }

    mutating func parseAttribute(name: Token, into body: inout HCLBody, definedAt: inout [String: Int]) {
        let valueIndex = pos
        let valueToken = peek()
        guard let value = parseExpression() else {
            recover(from: valueIndex)
            return
        }
        let after = peek()
        switch after.kind {
        case .newline: advance()
        case .endOfFile: break
        case .rightBrace where blockDepth > 0: break
        default:
            unexpected(after, expected: "a newline after the value of \"\(text(name))\"")
            recover(from: valueIndex)
        }
        let attributeName = text(name)
        if let line = definedAt[attributeName] {
            error("attribute \"\(attributeName)\" was already defined at line \(line)", at: name)
            return
        }
        definedAt[attributeName] = name.line
        body.attributes.append(HCLAttribute(
            name: attributeName, value: self.value(of: value), location: source.location(of: name),
            valueLocation: source.location(of: valueToken), valueText: source.text(value.start..<value.end)))
    }

    /// Parses labels, then the braced body. The type identifier has been consumed.
    mutating func parseBlock(type: Token) -> HCLBlock? {
        var labels: [String] = []
        while true {
            let token = peek()
            if token.kind == .identifier {
                advance()
                labels.append(text(token))
            } else if token.kind == .openQuote {
                guard let label = parseQuoted() else { return nil }
                if label.isTemplate {
                    error("a block label must be a plain string without template sequences", at: token)
                    return nil
                }
                labels.append(label.literal?.stringValue ?? "")
            } else {
                break
            }
        }
        guard let open = expect(.leftBrace, "a block label or \"{\" to open the body of \"\(text(type))\"") else {
            return nil
        }
        guard enter(open) else {
            leave()
            skipBalancedBraces()
            return nil
        }
        blockDepth += 1
        let body = parseBody(open: open)
        blockDepth -= 1
        leave()
        let after = peek()
        switch after.kind {
        case .newline: advance()
        case .endOfFile: break
        case .rightBrace where blockDepth > 0: break
        default:
            unexpected(after, expected: "a newline after the closing \"}\" of the block")
            recover(from: pos)
        }
        return HCLBlock(type: text(type), labels: labels, body: body, location: source.location(of: type))
    }

    /// After a block nested too deeply: skips past the `}` matching the `{` just consumed.
    mutating func skipBalancedBraces() {
        var open = 1
        while open > 0 {
            let token = tokens[pos]
            if token.kind == .endOfFile { return }
            if token.kind == .leftBrace { open += 1 } else if token.kind == .rightBrace { open -= 1 }
            pos += 1
        }
    }
}
