import EKSDocModel

/// Helpers shared by the AWS CLI readers and the Terraform state reader: recognising CLI answers,
/// walking their item lists, and validating ids, tags, CIDRs and ports with located diagnostics.
enum AWSReaderSupport {
    /// True when `document` is a JSON object whose `key` holds a list of objects (or an empty list)
    /// and which is not a Kubernetes-style document (no `apiVersion`/`kind`).
    static func isAnswer(_ document: Node, listKey key: String) -> Bool {
        guard document.isMap, document["apiVersion"] == nil, document["kind"] == nil,
              let list = document[key], case .list(let items) = list.content else { return false }
        return items.allSatisfy(\.isMap)
    }

    /// Top-level keys an EKS answer may carry beside its own.
    static let pagingKeys: Set<String> = ["nextToken", "NextToken", "ResponseMetadata"]

    /// True when `document` is a JSON object whose `key` holds an object and which has no other keys but
    /// paging ones (EKS `describe-*` answers are exactly `{"cluster": {...}}` and the like).
    static func isAnswer(_ document: Node, objectKey key: String) -> Bool {
        guard let object = document[key], object.isMap else { return false }
        return document.keys.allSatisfy { $0 == key || pagingKeys.contains($0) }
    }

    /// The objects of the top-level list under `key`, each with a context such as `describe-vpcs Vpcs[2]`.
    static func objects(in node: Node, key: String, call: String,
                        _ diagnostics: inout Diagnostics) -> [Fields] {
        objects(Fields(node, context: call), key, &diagnostics)
    }

    /// The objects of the list field `key`, each with its index in its context. Items that are not
    /// objects are reported and skipped.
    static func objects(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> [Fields] {
        fields.list(key, &diagnostics).enumerated().compactMap { index, item in
            let context = "\(fields.context) \(key)[\(index)]"
            guard item.isMap else {
                diagnostics.error("\(context): must be a mapping, found \(item.kindName)", at: item.location)
                return nil
            }
            return Fields(item, context: context)
        }
    }

    /// A required identifier: missing, null or empty is an error at the object; a wrong type is reported by `Fields`.
    static func requiredID(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let child = fields.node[key], !child.isNull else {
            diagnostics.error("\(fields.context): missing required field '\(key)'", at: fields.node.location)
            return nil
        }
        guard let value = fields.string(key, &diagnostics) else { return nil }
        if value.isEmpty {
            diagnostics.error("\(fields.context): required field '\(key)' is empty", at: child.location)
            return nil
        }
        return value
    }

    /// A string field, nil when absent, null or empty (Terraform state writes `""` for unset strings).
    static func text(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let value = fields.string(key, &diagnostics), !value.isEmpty else { return nil }
        return value
    }

    /// True when `key` holds something other than null or an empty string.
    static func isSet(_ fields: Fields, _ key: String) -> Bool {
        guard let child = fields.node[key], !child.isNull else { return false }
        if case .string(let text) = child.content { return !text.isEmpty }
        return true
    }

    /// The first of `keys` that holds a non-empty string.
    static func firstText(_ fields: Fields, _ keys: [String], _ diagnostics: inout Diagnostics) -> String? {
        for key in keys {
            if let value = text(fields, key, &diagnostics) { return value }
        }
        return nil
    }

    /// AWS CLI tags: `Tags: [{"Key": ..., "Value": ...}]` as a dictionary.
    static func tagList(_ fields: Fields, _ diagnostics: inout Diagnostics, key: String = "Tags") -> Tags {
        var tags: Tags = [:]
        for tag in objects(fields, key, &diagnostics) {
            guard let name = tag.string("Key", &diagnostics) else { continue }
            tags[name] = tag.string("Value", &diagnostics) ?? ""
        }
        return tags
    }

    /// A CIDR value: validated and normalised (host bits cleared). A value that is not a CIDR is an error
    /// at its location and gives nil.
    static func cidr(_ node: Node?, context: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let node, !node.isNull else { return nil }
        guard case .string(let text) = node.content else {
            diagnostics.error("\(context): a CIDR must be a string, found \(node.kindName)", at: node.location)
            return nil
        }
        if text.isEmpty { return nil }
        guard let normalized = CIDR.normalize(text) else {
            diagnostics.error("\(context): '\(text)' is not a valid CIDR block", at: node.location)
            return nil
        }
        return normalized
    }

    /// The CIDR in field `key` of `fields`, validated.
    static func cidr(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> String? {
        cidr(fields.node[key], context: "\(fields.context) '\(key)'", &diagnostics)
    }

    /// Every valid CIDR of a list field; bad items are reported and skipped.
    static func cidrs(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> [String] {
        fields.list(key, &diagnostics).compactMap {
            cidr($0, context: "\(fields.context) '\(key)'", &diagnostics)
        }
    }

    /// The text of every string item of a list field, empty strings dropped.
    static func strings(_ fields: Fields, _ key: String, _ diagnostics: inout Diagnostics) -> [String] {
        fields.strings(key, &diagnostics).filter { !$0.isEmpty }
    }

    /// Normalises an IP protocol: `-1`/`all` -> `-1`; `6`/`17`/`1`/`58` -> `tcp`/`udp`/`icmp`/`icmpv6`;
    /// names lowercased; other protocol numbers kept.
    static func normalizeProtocol(_ raw: String) -> String {
        switch raw.lowercased() {
        case "-1", "all": return "-1"
        case "6": return "tcp"
        case "17": return "udp"
        case "1": return "icmp"
        case "58": return "icmpv6"
        case let other: return other
        }
    }

    /// True for protocols whose "ports" are ICMP type and code, where -1 means any.
    static func isICMP(_ normalizedProtocol: String) -> Bool {
        normalizedProtocol == "icmp" || normalizedProtocol == "icmpv6"
    }

    /// A port (or ICMP type/code) field: nil when absent; outside 0...65535 (ICMP: -1 also allowed) is an error.
    static func port(_ fields: Fields, _ key: String, protocol: String,
                     _ diagnostics: inout Diagnostics) -> Int? {
        guard let value = fields.int(key, &diagnostics) else { return nil }
        if (0...65535).contains(value) || (value == -1 && isICMP(`protocol`)) { return value }
        let place = fields.node[key]?.location ?? fields.node.location
        diagnostics.error("\(fields.context): '\(key)' \(value) is outside the port range 0-65535", at: place)
        return nil
    }

    /// The region of an ARN (`arn:aws:eks:us-west-2:123:cluster/x` -> `us-west-2`), nil when empty or not an ARN.
    static func region(ofARN arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn", !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }

    /// The load balancer name in an ELBv2 ARN (`...:loadbalancer/app/NAME/id` -> `NAME`); nil when not derivable.
    static func loadBalancerName(fromARN arn: String) -> String? {
        guard let range = arn.range(of: ":loadbalancer/") else { return nil }
        let path = arn[range.upperBound...].split(separator: "/", omittingEmptySubsequences: false)
        guard path.count == 3, ["app", "net", "gwy"].contains(path[0]), !path[1].isEmpty else { return nil }
        return String(path[1])
    }
}
