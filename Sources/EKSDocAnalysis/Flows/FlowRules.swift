import EKSDocModel

/// The outcome of checking a resource's security groups for one step of a flow.
struct GroupCheck {
    /// False only when the groups are known and no rule allows the traffic.
    var allowed: Bool
    /// The allowing rules (`sg-1 ingress tcp 443 (HTTPS) from 0.0.0.0/0`), or what no rule allows.
    var via: String
    /// Set when the groups could not be checked (a blocked check says what is missing in `via`).
    var note: String?
}

extension FlowContext {
    /// Checks that `groups` let traffic in from (ingress) or out to (egress) every peer on one port, with
    /// `RuleEvaluation` (stateful, allow-only: one rule in any of the groups is enough).
    ///
    /// Groups missing from the inputs are not checked and count as allowing (with a note). A group known only
    /// from standalone rules (no name, description or VPC) and without rules in that direction is treated the
    /// same way: its other rules were not in the inputs.
    /// With `anyPeer`, one allowed peer is enough (sources that are alternatives, such as a VPC's CIDRs).
    func check(_ groups: [String], ingress: Bool, peers: [RulePeer], port: Int, protocol proto: String,
               anyPeer: Bool = false) -> GroupCheck {
        let direction = ingress ? "ingress" : "egress"
        let known = groups.sorted().compactMap(env.securityGroup).filter { group in
            let rules = ingress ? group.ingress : group.egress
            let partial = group.name == nil && group.description == nil && group.vpc == nil
            return !(partial && rules.isEmpty)
        }
        let traffic = PortNames.describe(protocol: RuleEvaluation.canonical(proto), from: port, to: port)
        guard !known.isEmpty else {
            let named = groups.isEmpty ? "no security groups are known" :
                "the \(direction) rules of \(groups.sorted().joined(separator: ", ")) are not in the inputs"
            return GroupCheck(allowed: true, via: "\(traffic): not checked", note: "\(named): not checked")
        }
        var texts: [String] = []
        var missing: [String] = []
        for peer in peers {
            let match = known.lazy.compactMap { group in
                RuleEvaluation.allows(ingress ? group.ingress : group.egress, peer: peer, port: port,
                                      protocol: proto, env: self.env).map { (group.id, $0) }
            }.first
            if let (group, rule) = match {
                let text = FlowContext.ruleText(group: group, rule: rule, ingress: ingress)
                if !texts.contains(text) { texts.append(text) }
            } else {
                missing.append(FlowContext.describe(peer))
            }
        }
        if missing.isEmpty || (anyPeer && !texts.isEmpty) {
            return GroupCheck(allowed: true, via: texts.joined(separator: "; "))
        }
        let ids = known.map(\.id).joined(separator: ", ")
        let side = ingress ? "from" : "to"
        let text = "no \(direction) rule in \(ids) allows \(traffic) \(side) \(missing.joined(separator: ", "))"
        return GroupCheck(allowed: false, via: text, note: nil)
    }

    /// Like `check`, for several ports: allowed when every port is (`all`) or when one is (`!all`).
    func check(_ groups: [String], ingress: Bool, peers: [RulePeer], ports: [Int], protocol proto: String,
               all: Bool, anyPeer: Bool = false) -> GroupCheck {
        let results = ports.map {
            check(groups, ingress: ingress, peers: peers, port: $0, protocol: proto, anyPeer: anyPeer)
        }
        guard !results.isEmpty else { return GroupCheck(allowed: true, via: "no ports to check") }
        let passing = results.filter(\.allowed)
        let allowed = all ? passing.count == results.count : !passing.isEmpty
        let shown = allowed && !all ? passing : results
        var via: [String] = []
        for result in shown where !via.contains(result.via) { via.append(result.via) }
        var uniqueNotes: [String] = []
        for note in (allowed ? shown : results).compactMap(\.note) where !uniqueNotes.contains(note) {
            uniqueNotes.append(note)
        }
        return GroupCheck(allowed: allowed, via: via.joined(separator: "; "),
                          note: uniqueNotes.isEmpty ? nil : uniqueNotes.joined(separator: "; "))
    }

    /// `sg-1 ingress tcp 443 (HTTPS) from 0.0.0.0/0`.
    static func ruleText(group: String, rule: SecurityGroupRule, ingress: Bool) -> String {
        let ports = PortNames.describe(protocol: RuleEvaluation.canonical(rule.protocol), from: rule.fromPort,
                                       to: rule.toPort)
        return "\(group) \(ingress ? "ingress" : "egress") \(ports) \(ingress ? "from" : "to") \(rule.peer)"
    }

    /// `sg-1 (10.0.1.0/24)`, for a peer no rule allows.
    static func describe(_ peer: RulePeer) -> String {
        let groups = peer.groups.joined(separator: "/")
        switch (groups.isEmpty, peer.address) {
        case (true, let address?): return address
        case (false, let address?): return "\(groups) (\(address))"
        case (false, nil): return groups
        case (true, nil): return "an unknown peer"
        }
    }
}
