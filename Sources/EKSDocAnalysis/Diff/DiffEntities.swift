import EKSDocModel

/// One side's view of an entity: what identifies it, how to show it, and its flat fields.
struct DiffEntity {
    var kind: DiffEntityKind
    var key: String
    var entity: String
    var detail: String?
    var fields: [String: String]
}

/// Extracts the comparable entities of an environment, kind by kind.
enum DiffEntities {
    /// Every entity of the environment, keyed by kind and identity (the first wins on a duplicate identity).
    static func all(_ env: Environment) -> [String: DiffEntity] {
        var out: [String: DiffEntity] = [:]
        for entity in list(env) where out[id(entity)] == nil { out[id(entity)] = entity }
        return out
    }

    /// The lookup key of an entity: kind and identity.
    static func id(_ entity: DiffEntity) -> String { entity.kind.rawValue + "\u{1}" + entity.key }

    /// `id (name)`, or the id alone.
    static func label(_ id: String, _ name: String?) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(id) (\(name))"
    }

    static func list(_ env: Environment) -> [DiffEntity] {
        var out: [DiffEntity] = []
        out += env.vpcs.map {
            DiffEntity(kind: .vpc, key: $0.id, entity: label($0.id, $0.name), detail: $0.cidrs.joined(separator: ", "),
                       fields: FieldFlattener.fields($0))
        }
        // Free addresses move with every pod that starts: capacity is the CIDR, so the live count is left out.
        out += env.subnets.map {
            DiffEntity(kind: .subnet, key: $0.id, entity: label($0.id, $0.name),
                       detail: [$0.cidr, $0.az].compactMap { $0 }.joined(separator: " in "),
                       fields: FieldFlattener.fields($0, dropping: ["availableAddresses"]))
        }
        for table in env.routeTables {
            let name = label(table.id, table.name)
            out.append(DiffEntity(kind: .routeTable, key: table.id, entity: name,
                                  detail: table.main ? "main table" : nil,
                                  fields: FieldFlattener.fields(table, dropping: ["routes"])))
            out += table.routes.map {
                DiffEntity(kind: .route, key: table.id + " " + $0.destination, entity: name,
                           detail: "\($0.destination) → \($0.target)",
                           fields: FieldFlattener.fields($0, dropping: ["destination", "targetKind"]))
            }
        }
        out += env.internetGateways.map {
            DiffEntity(kind: .internetGateway, key: $0.id, entity: label($0.id, $0.name), detail: nil,
                       fields: FieldFlattener.fields($0))
        }
        out += env.natGateways.map {
            DiffEntity(kind: .natGateway, key: $0.id, entity: label($0.id, $0.name), detail: $0.subnet.map { "in \($0)" },
                       fields: FieldFlattener.fields($0))
        }
        for group in env.securityGroups {
            let name = label(group.id, group.name)
            out.append(DiffEntity(kind: .securityGroup, key: group.id, entity: name, detail: group.description,
                                  fields: FieldFlattener.fields(group, dropping: ["ingress", "egress"])))
            for (direction, rules) in [("ingress", group.ingress), ("egress", group.egress)] {
                out += rules.map {
                    DiffEntity(kind: .securityGroupRule, key: group.id + " " + ruleKey(direction, $0), entity: name,
                               detail: describe(direction, $0), fields: FieldFlattener.fields($0))
                }
            }
        }
        out += env.loadBalancers.map {
            DiffEntity(kind: .loadBalancer, key: $0.name, entity: $0.name,
                       detail: [$0.scheme, $0.type].compactMap { $0 }.joined(separator: " "),
                       fields: FieldFlattener.fields($0))
        }
        if let cluster = env.cluster {
            out.append(DiffEntity(kind: .cluster, key: "cluster", entity: cluster.name, detail: cluster.version.map { "Kubernetes \($0)" },
                                  fields: FieldFlattener.fields(cluster)))
        }
        out += env.nodeGroups.map {
            DiffEntity(kind: .nodeGroup, key: $0.name, entity: $0.name, detail: $0.instanceTypes.joined(separator: ", "),
                       fields: FieldFlattener.fields($0))
        }
        out += env.addons.map {
            DiffEntity(kind: .addon, key: $0.name, entity: $0.name, detail: $0.version, fields: FieldFlattener.fields($0))
        }
        if let cni = env.cni {
            out.append(DiffEntity(kind: .cni, key: "aws-node", entity: "aws-node", detail: nil,
                                  fields: FieldFlattener.fields(cni)))
        }
        out += env.kubernetes.map {
            let place = $0.namespace.map { "\($0)/" } ?? ""
            return DiffEntity(kind: .kubernetes, key: $0.key, entity: "\($0.kind) \(place)\($0.name)", detail: $0.apiVersion,
                              fields: FieldFlattener.fields($0))
        }
        return out
    }

    /// A rule's identity: direction, protocol, ports and peer (the description is a field that can change).
    static func ruleKey(_ direction: String, _ rule: SecurityGroupRule) -> String {
        let ports = "\(rule.fromPort.map(String.init) ?? "*")-\(rule.toPort.map(String.init) ?? "*")"
        return "\(direction) \(rule.protocol) \(ports) \(rule.peer)"
    }

    /// `ingress tcp 22 (SSH) from 0.0.0.0/0`.
    static func describe(_ direction: String, _ rule: SecurityGroupRule) -> String {
        let what = PortNames.describe(protocol: rule.protocol, from: rule.fromPort, to: rule.toPort)
        return "\(direction) \(what) \(direction == "ingress" ? "from" : "to") \(rule.peer)"
    }
}
