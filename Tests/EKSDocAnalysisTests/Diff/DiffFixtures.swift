import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// Two copies of the moto-made snapshot (`Tests/Fixtures/moto/fixed`, real `aws` CLI output) in `old/snap` and
/// `new/snap` of a temporary folder; tests edit either side's JSON, then diff the two loaded folders.
struct MotoDiffPair {
    enum Side: String { case old, new }

    let root: URL

    static let files = ["ec2-describe-instance-types.json", "ec2-describe-instances.json",
                        "ec2-describe-internet-gateways.json", "ec2-describe-nat-gateways.json",
                        "ec2-describe-network-acls.json", "ec2-describe-route-tables.json",
                        "ec2-describe-security-groups.json", "ec2-describe-subnets.json",
                        "ec2-describe-vpc-endpoints.json", "ec2-describe-vpcs.json", "eks-describe-cluster.json",
                        "eks-describe-nodegroup.json", "elbv2-describe-load-balancers.json",
                        "elbv2-describe-target-groups.json"]

    init() throws {
        root = try TestSupport.temporaryDirectory("eksdoc-diff")
        for side in [Side.old, .new] {
            let folder = self.folder(side)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in Self.files {
                try FileManager.default.copyItem(at: TestSupport.fixture("moto/fixed/\(file)"),
                                                 to: folder.appendingPathComponent(file))
            }
        }
    }

    func folder(_ side: Side) -> URL { root.appendingPathComponent(side.rawValue).appendingPathComponent("snap") }

    /// Copies a file of `Tests/Fixtures/diff` into one side, optionally rewriting its text.
    func add(_ fixture: String, to side: Side, replacing: [(String, String)] = []) throws {
        var text = try String(contentsOf: TestSupport.fixture("diff/\(fixture)"), encoding: .utf8)
        for (from, to) in replacing { text = text.replacingOccurrences(of: from, with: to) }
        try Data(text.utf8).write(to: folder(side).appendingPathComponent(fixture))
    }

    /// Rewrites one snapshot file of a side as parsed JSON.
    func edit(_ file: String, _ side: Side = .new, _ body: (inout [String: Any]) throws -> Void) throws {
        let url = folder(side).appendingPathComponent(file)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        try body(&json)
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    func load(_ side: Side) throws -> Inventory {
        let (inventory, diagnostics) = ContentLoader.load(folder(side))
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.sorted.map(\.description).joined(separator: "\n"))
        return inventory
    }

    func diff() throws -> DiffReport { ModelDiff.diff(old: try load(.old), new: try load(.new)) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Editing helpers for `[String: Any]` JSON.
enum JSONEdit {
    /// Edits every item of the list at `key` that has `match.0` equal to `match.1`.
    static func items(_ json: inout [String: Any], _ key: String, where match: (String, String),
                      _ body: (inout [String: Any]) -> Void) {
        var list = json[key] as? [[String: Any]] ?? []
        for i in list.indices where list[i][match.0] as? String == match.1 { body(&list[i]) }
        json[key] = list
    }

    /// Removes the items of the list at `key` whose `match.0` is `match.1`.
    static func remove(_ json: inout [String: Any], _ key: String, where match: (String, String)) {
        json[key] = (json[key] as? [[String: Any]] ?? []).filter { $0[match.0] as? String != match.1 }
    }

    /// Edits the object at `key`.
    static func object(_ json: inout [String: Any], _ key: String, _ body: (inout [String: Any]) -> Void) {
        var object = json[key] as? [String: Any] ?? [:]
        body(&object)
        json[key] = object
    }

    /// A TCP ingress permission from a CIDR.
    static func tcp(_ port: Int, from cidr: String) -> [String: Any] {
        ["IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [["CidrIp": cidr]]]
    }
}

/// Names in the moto snapshot.
enum Moto {
    static let albGroup = "sg-cd155f159e13dce00"
    static let nodeGroupSG = "sg-fd3f7d62acef45215"
    static let privateTable = "rtb-650e33feb2c4d9d2b"
    static let publicTable = "rtb-aaabedf68bd8504cc"
    static let podsB = "subnet-483910e52f8747bbb"
    static let privateA = "subnet-7c1fa7af14f4c757c"
    static let vpc = "vpc-4ef900651d094cc8c"
    static let nat = "nat-ca4d54691d739f042"
    static let igw = "igw-f1d69b5349410c837"

    /// Adds an ingress permission to a security group.
    static func addIngress(_ permission: [String: Any], to group: String, _ json: inout [String: Any]) {
        JSONEdit.items(&json, "SecurityGroups", where: ("GroupId", group)) {
            $0["IpPermissions"] = ($0["IpPermissions"] as? [[String: Any]] ?? []) + [permission]
        }
    }

    /// Rewrites the 0.0.0.0/0 route of a route table.
    static func setDefaultRoute(_ table: String, _ json: inout [String: Any], _ body: (inout [String: Any]) -> Void) {
        JSONEdit.items(&json, "RouteTables", where: ("RouteTableId", table)) { rt in
            JSONEdit.items(&rt, "Routes", where: ("DestinationCidrBlock", "0.0.0.0/0"), body)
        }
    }

    /// Sets `endpointPublicAccess` (and optionally `publicAccessCidrs`) of the cluster.
    static func setEndpoint(public isPublic: Bool, cidrs: [String]? = nil, _ json: inout [String: Any]) {
        JSONEdit.object(&json, "cluster") { cluster in
            JSONEdit.object(&cluster, "resourcesVpcConfig") { vpc in
                vpc["endpointPublicAccess"] = isPublic
                vpc["endpointPrivateAccess"] = true
                if let cidrs { vpc["publicAccessCidrs"] = cidrs }
            }
        }
    }
}

extension DiffReport {
    /// All changes of one kind over all environments.
    func changes(_ kind: DiffEntityKind) -> [EntityChange] { environments.flatMap(\.changes).filter { $0.kind == kind } }

    func risks(_ id: String) -> [RiskNote] { risks.filter { $0.risk == id } }
}
