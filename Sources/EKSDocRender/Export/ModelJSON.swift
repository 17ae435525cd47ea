import EKSDocModel
import Foundation

/// The inventory as sorted, stable JSON (`eksdoc model --json`, `site/model.json`).
public enum ModelJSON {
    /// Keys sorted, two-space indentation, slashes unescaped, a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// The export document: `{"environments": [...], "settings": {...}}`.
    public static func render(_ inventory: Inventory) throws -> Data {
        try encode(inventory)
    }
}
