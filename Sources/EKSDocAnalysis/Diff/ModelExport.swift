import EKSDocModel
import Foundation

/// Reads back what `eksdoc model --json` wrote. The export is the inventory with derived keys added (usable
/// addresses, tiers, max pods, findings, flows); decoding it as `Inventory` ignores those keys.
public enum ModelExport {
    /// Why a file is not a model export.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notJSON(String)
        case notAnExport
        case invalid(String)

        public var description: String {
            switch self {
            case .notJSON(let reason): return "not valid JSON: \(reason)"
            case .notAnExport: return "not an `eksdoc model --json` export (no top-level \"environments\")"
            case .invalid(let reason): return "not a readable `eksdoc model --json` export: \(reason)"
            }
        }
    }

    /// True when the data is a JSON object with a top-level `environments` key.
    public static func looksLikeExport(_ data: Data) -> Bool {
        struct Skip: Decodable { init(from decoder: Decoder) throws {} }
        struct Probe: Decodable { var environments: [Skip]? }
        return ((try? JSONDecoder().decode(Probe.self, from: data))?.environments) != nil
    }

    /// The inventory of a model export, environments sorted by name.
    public static func decode(_ data: Data) throws(Failure) -> Inventory {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(String(describing: error.localizedDescription))
        }
        guard looksLikeExport(data) else { throw .notAnExport }
        do {
            var inventory = try JSONDecoder().decode(Inventory.self, from: data)
            inventory.environments.sort { $0.name < $1.name }
            return inventory
        } catch let error as DecodingError {
            throw .invalid(describe(error))
        } catch {
            throw .invalid(String(describing: error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + path(context)
        @unknown default: return String(describing: error)
        }
    }
}
