import Foundation

/// Turns an encodable entity into flat `path -> display text` pairs so two versions can be compared field by
/// field: objects become dotted paths (`labels.app`), lists of scalars one sorted, comma-separated value,
/// lists of objects one path per element (by its `name` when every element has a distinct one, else by index).
/// Empty values are left out, so an absent field and an empty one compare equal.
enum FieldFlattener {
    /// JSON as decoded from the entity's own encoding.
    indirect enum JSONValue: Decodable, Equatable {
        case null, bool(Bool), int(Int), double(Double), string(String)
        case array([JSONValue]), object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }

        var scalarText: String? {
            switch self {
            case .null: return nil
            case .bool(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .double(let d): return String(d)
            case .string(let s): return s
            case .array, .object: return nil
            }
        }
    }

    /// The flat fields of `value`, without the top-level keys in `dropping` and without `source` at any depth.
    static func fields<T: Encodable>(_ value: T, dropping: Set<String> = []) -> [String: String] {
        guard let data = try? JSONEncoder().encode(value),
              let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [:] }
        var out: [String: String] = [:]
        if case .object(let members) = json {
            for (key, member) in members where !dropping.contains(key) && key != "source" { flatten(member, path: key, into: &out) }
        } else {
            flatten(json, path: "value", into: &out)
        }
        return out
    }

    static func flatten(_ value: JSONValue, path: String, into out: inout [String: String]) {
        switch value {
        case .object(let members):
            for (key, member) in members where key != "source" { flatten(member, path: path + "." + key, into: &out) }
        case .array(let items):
            if items.allSatisfy({ $0.scalarText != nil }) {
                let text = items.compactMap(\.scalarText).sorted().joined(separator: ", ")
                if !text.isEmpty { out[path] = text }
                return
            }
            let names = items.map { item -> String? in
                if case .object(let m) = item, case .string(let name)? = m["name"] ?? m["key"] { return name }
                return nil
            }
            let byName = names.allSatisfy { $0 != nil } && Set(names.compactMap { $0 }).count == names.count
            for (index, item) in items.enumerated() {
                let label = byName ? names[index]! : String(index)
                flatten(item, path: "\(path)[\(label)]", into: &out)
            }
        default:
            if let text = value.scalarText, !text.isEmpty { out[path] = text }
        }
    }

    /// The fields whose values differ, sorted by path.
    static func changes(_ old: [String: String], _ new: [String: String]) -> [FieldChange] {
        Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : FieldChange(field: key, old: old[key], new: new[key])
        }
    }
}
