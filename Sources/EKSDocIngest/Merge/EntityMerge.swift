import EKSDocModel

/// One entity as a reader produced it, with where it came from.
struct Contribution<T> {
    var origin: Origin
    var file: String
    var entity: T
}

/// Combines the contributions of one entity type: same-origin duplicates are filled together, then each
/// declared entity is matched with the live one it describes; disagreements become drift items.
enum EntityMerge {
    static func merge<T: Mergeable>(_ contributions: [Contribution<T>], drift: inout [DriftItem],
                                    diagnostics: inout Diagnostics) -> [T] {
        let live = combine(contributions.filter { $0.origin == .live }, diagnostics: &diagnostics)
        let declared = combine(contributions.filter { $0.origin == .declared }, diagnostics: &diagnostics)
        var result = live
        var unmatched: [T] = []
        for d in declared {
            guard let index = result.firstIndex(where: { $0.describes(d) }) else {
                unmatched.append(d)
                if !live.isEmpty {
                    drift.append(DriftItem(entity: d.entityLabel, field: "exists", declared: "yes", declaredAt: d.source,
                                           live: "not found", liveAt: SourceLocation(file: "(live sources)")))
                }
                continue
            }
            let l = result[index]
            for field in T.driftFields() {
                if let dv = field.value(d), let lv = field.value(l), dv != lv {
                    drift.append(DriftItem(entity: l.entityLabel, field: field.name, declared: dv, declaredAt: d.source,
                                           live: lv, liveAt: l.source))
                }
            }
            result[index] = l.filling(from: d)
        }
        return (result + unmatched).sorted { $0.mergeKey < $1.mergeKey }
    }

    /// Same-key entities of one origin: the first file's wins and is filled from later files (pages of one call,
    /// state beside a snapshot). The same key twice in one file is an error when a compared field disagrees, and a
    /// warning (the later one wins) when not.
    static func combine<T: Mergeable>(_ contributions: [Contribution<T>], diagnostics: inout Diagnostics) -> [T] {
        var order: [String] = []
        var byKey: [String: (entity: T, files: Set<String>)] = [:]
        for c in contributions {
            let key = c.entity.mergeKey
            if var existing = byKey[key] {
                if existing.files.contains(c.file) {
                    // One id twice in one file. With a field that disagrees, which one is meant is unknown: an
                    // error. A repeat that agrees (a state file's lookup of a resource it also manages) is noted.
                    let conflicts = T.driftFields().filter { field in
                        guard let a = field.value(existing.entity), let b = field.value(c.entity) else { return false }
                        return a != b
                    }.map(\.name)
                    if let field = conflicts.first {
                        diagnostics.error("duplicate \(c.entity.entityLabel) (also defined at \(existing.entity.source)) with a different '\(field)'",
                                          at: c.entity.source)
                    } else {
                        diagnostics.warning("duplicate \(c.entity.entityLabel) (also defined at \(existing.entity.source)); the last one wins",
                                            at: c.entity.source)
                    }
                    existing.entity = c.entity.filling(from: existing.entity)
                } else {
                    existing.entity = existing.entity.filling(from: c.entity)
                }
                existing.files.insert(c.file)
                byKey[key] = existing
            } else {
                order.append(key)
                byKey[key] = (c.entity, [c.file])
            }
        }
        return order.compactMap { byKey[$0]?.entity }
    }
}
