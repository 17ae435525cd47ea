import EKSDocModel

/// Compares two inventories (content folders, snapshot folders or model exports, once loaded): what was added,
/// removed and changed in each environment, and the risk notes a reviewer should read first.
public enum ModelDiff {
    /// The changes from `old` to `new`. Environments are matched by name; when the two sides share no name and
    /// each has exactly one environment (two snapshot folders named differently), those two are compared.
    /// The result does not depend on the order of anything in the inputs.
    public static func diff(old: Inventory, new: Inventory) -> DiffReport {
        var report = DiffReport()
        for pair in pairs(old: old, new: new) {
            switch (pair.old, pair.new) {
            case (let o?, let n?):
                report.environments.append(EnvironmentDiff(name: n.name, oldName: o.name == n.name ? nil : o.name,
                                                           changes: changes(old: o, new: n)))
                report.risks += DiffRisks.notes(old: o, new: n)
            case (let o?, nil):
                report.environments.append(EnvironmentDiff(name: o.name, change: .removed))
            case (nil, let n?):
                report.environments.append(EnvironmentDiff(name: n.name, change: .added))
            case (nil, nil):
                break
            }
        }
        report.environments.sort { $0.name < $1.name }
        report.risks.sort(by: DiffRisks.order)
        return report
    }

    /// The entity changes between two versions of one environment, sorted by kind then identity.
    public static func changes(old: Environment, new: Environment) -> [EntityChange] {
        let before = DiffEntities.all(old), after = DiffEntities.all(new)
        var out: [EntityChange] = []
        for id in Set(before.keys).union(after.keys) {
            switch (before[id], after[id]) {
            case (let o?, let n?):
                let fields = FieldFlattener.changes(o.fields, n.fields)
                if !fields.isEmpty {
                    out.append(EntityChange(kind: n.kind, entity: n.entity, detail: n.detail, change: .changed,
                                            fields: fields, key: n.key))
                }
            case (let o?, nil):
                out.append(EntityChange(kind: o.kind, entity: o.entity, detail: o.detail, change: .removed, key: o.key))
            case (nil, let n?):
                out.append(EntityChange(kind: n.kind, entity: n.entity, detail: n.detail, change: .added, key: n.key))
            case (nil, nil):
                break
            }
        }
        return out.sorted { ($0.kind, $0.key, $0.change.rawValue) < ($1.kind, $1.key, $1.change.rawValue) }
    }

    struct Pair {
        var old: Environment?
        var new: Environment?
    }

    static func pairs(old: Inventory, new: Inventory) -> [Pair] {
        let oldNames = Set(old.environments.map(\.name)), newNames = Set(new.environments.map(\.name))
        if oldNames.isDisjoint(with: newNames), old.environments.count == 1, new.environments.count == 1 {
            return [Pair(old: old.environments[0], new: new.environments[0])]
        }
        return oldNames.union(newNames).sorted().map {
            Pair(old: old.environment(named: $0), new: new.environment(named: $0))
        }
    }
}
