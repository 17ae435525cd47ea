/// One `aws` call of a snapshot: what to run, which file it becomes and how its answer is shaped.
public struct SnapshotCall: Sendable, Equatable {
    /// The CLI service: `ec2`, `elbv2` or `eks`.
    public var service: String
    /// The operation: `describe-subnets` ...
    public var operation: String
    /// Arguments after the operation (filters, names).
    public var arguments: [String]
    /// The file the answer is written to; nil for calls that only discover names (`eks list-nodegroups`).
    public var fileName: String?
    /// The top-level key of the answer (`Subnets`, `cluster` ...).
    public var answerKey: String
    /// The field the items of `answerKey` are sorted by, when the API returns them in no particular order.
    public var sortKey: String?
    /// True when an endpoint that does not implement the call (HTTP 404) skips it with a warning.
    public var optional: Bool
    /// Why the call is made, shown after its title when it is not obvious (`for the cluster's VPC`).
    public var purpose: String?

    public init(_ service: String, _ operation: String, _ arguments: [String] = [], file: String? = nil,
                answerKey: String, sortKey: String? = nil, optional: Bool = false, purpose: String? = nil) {
        self.service = service
        self.operation = operation
        self.arguments = arguments
        self.fileName = file
        self.answerKey = answerKey
        self.sortKey = sortKey
        self.optional = optional
        self.purpose = purpose
    }

    /// `ec2 describe-subnets`, plus the purpose in parentheses when there is one.
    public var title: String { "\(service) \(operation)" + (purpose.map { " (\($0))" } ?? "") }

    /// The full argument list after the global options.
    public var commandLine: [String] { [service, operation] + arguments }
}

/// The calls a snapshot makes: the EC2 and ELB calls every reader understands, and the EKS calls for a cluster.
public enum SnapshotCalls {
    /// Top-level keys that carry the token of the next page, and the option that asks for that page.
    public static let pageTokens: [(answerKey: String, option: String)] = [
        ("NextToken", "--next-token"), ("nextToken", "--next-token"), ("NextMarker", "--marker"),
    ]

    /// A file name part made safe: letters, digits, `.`, `_` and `-` kept, anything else becomes `_`.
    public static func safeName(_ name: String) -> String {
        String(name.unicodeScalars.map { scalar -> Character in
            let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-"
            return ok ? Character(scalar) : "_"
        })
    }

    /// The EC2 network calls, filtered to `vpc` when given (one VPC id, or several separated by commas).
    public static func network(vpc: String?) -> [SnapshotCall] {
        func filter(_ name: String = "vpc-id") -> [String] {
            vpc.map { ["--filters", "Name=\(name),Values=\($0)"] } ?? []
        }
        func ec2(_ operation: String, _ arguments: [String], key: String, id: String) -> SnapshotCall {
            SnapshotCall("ec2", operation, arguments, file: "ec2-\(operation).json", answerKey: key, sortKey: id)
        }
        return [
            ec2("describe-vpcs", filter(), key: "Vpcs", id: "VpcId"),
            ec2("describe-subnets", filter(), key: "Subnets", id: "SubnetId"),
            ec2("describe-route-tables", filter(), key: "RouteTables", id: "RouteTableId"),
            ec2("describe-security-groups", filter(), key: "SecurityGroups", id: "GroupId"),
            ec2("describe-internet-gateways", filter("attachment.vpc-id"), key: "InternetGateways",
                id: "InternetGatewayId"),
            // describe-nat-gateways names its filter option `--filter`.
            ec2("describe-nat-gateways", vpc.map { ["--filter", "Name=vpc-id,Values=\($0)"] } ?? [],
                key: "NatGateways", id: "NatGatewayId"),
            ec2("describe-network-acls", filter(), key: "NetworkAcls", id: "NetworkAclId"),
            ec2("describe-vpc-endpoints", filter(), key: "VpcEndpoints", id: "VpcEndpointId"),
            ec2("describe-instances", filter(), key: "Reservations", id: "ReservationId"),
        ]
    }

    /// `ec2 describe-instance-types` for the given types (sorted, duplicates removed).
    public static func instanceTypes(_ types: [String]) -> SnapshotCall {
        SnapshotCall("ec2", "describe-instance-types", ["--instance-types"] + Set(types).sorted(),
                     file: "ec2-describe-instance-types.json", answerKey: "InstanceTypes", sortKey: "InstanceType")
    }

    /// The ELBv2 calls (not filterable by VPC on the server side).
    public static var loadBalancing: [SnapshotCall] {
        [
            SnapshotCall("elbv2", "describe-load-balancers", file: "elbv2-describe-load-balancers.json",
                         answerKey: "LoadBalancers", sortKey: "LoadBalancerArn"),
            SnapshotCall("elbv2", "describe-target-groups", file: "elbv2-describe-target-groups.json",
                         answerKey: "TargetGroups", sortKey: "TargetGroupArn"),
        ]
    }

    public static func describeCluster(_ cluster: String) -> SnapshotCall {
        SnapshotCall("eks", "describe-cluster", ["--name", cluster], file: "eks-describe-cluster.json",
                     answerKey: "cluster")
    }

    public static func listNodeGroups(_ cluster: String) -> SnapshotCall {
        SnapshotCall("eks", "list-nodegroups", ["--cluster-name", cluster], answerKey: "nodegroups")
    }

    public static func describeNodeGroup(_ cluster: String, _ name: String) -> SnapshotCall {
        SnapshotCall("eks", "describe-nodegroup", ["--cluster-name", cluster, "--nodegroup-name", name],
                     file: "eks-describe-nodegroup-\(safeName(name)).json", answerKey: "nodegroup")
    }

    /// `eks list-addons`: optional, because some endpoints (moto) do not implement it.
    public static func listAddons(_ cluster: String) -> SnapshotCall {
        SnapshotCall("eks", "list-addons", ["--cluster-name", cluster], file: "eks-list-addons.json",
                     answerKey: "addons", optional: true)
    }

    public static func describeAddon(_ cluster: String, _ name: String) -> SnapshotCall {
        SnapshotCall("eks", "describe-addon", ["--cluster-name", cluster, "--addon-name", name],
                     file: "eks-describe-addon-\(safeName(name)).json", answerKey: "addon", optional: true)
    }
}
