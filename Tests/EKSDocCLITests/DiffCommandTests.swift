import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc diff OLD NEW` end to end: folders and model exports as inputs, Markdown and JSON, --fail-on, bad input.
final class DiffCommandTests: XCTestCase {
    static let motoFiles = ["ec2-describe-instance-types.json", "ec2-describe-instances.json",
                            "ec2-describe-internet-gateways.json", "ec2-describe-nat-gateways.json",
                            "ec2-describe-route-tables.json", "ec2-describe-security-groups.json",
                            "ec2-describe-subnets.json", "ec2-describe-vpcs.json", "eks-describe-cluster.json",
                            "eks-describe-nodegroup.json", "elbv2-describe-load-balancers.json"]

    /// `old/snap` and `new/snap` copies of the moto snapshot; NEW has the typical risky edits of the issue.
    func motoPair() throws -> (root: URL, old: String, new: String) {
        let root = try TestSupport.temporaryDirectory("eksdoc-diff-cli")
        let old = root.appendingPathComponent("old/snap"), new = root.appendingPathComponent("new/snap")
        for folder in [old, new] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in Self.motoFiles {
                try FileManager.default.copyItem(at: TestSupport.fixture("moto/fixed/\(file)"), to: folder.appendingPathComponent(file))
            }
        }
        try edit(new.appendingPathComponent("ec2-describe-security-groups.json"), [
            ("\"IpPermissions\": []", "\"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}]}]"),
        ])
        try edit(new.appendingPathComponent("ec2-describe-route-tables.json"), [("\"nat-ca4d54691d739f042\"", "\"nat-0123456789abcdef0\"")])
        try edit(new.appendingPathComponent("eks-describe-nodegroup.json"), [("\"maxSize\": 4", "\"maxSize\": 3")])
        try edit(old.appendingPathComponent("eks-describe-cluster.json"), [("\"resourcesVpcConfig\": {", "\"resourcesVpcConfig\": {\"endpointPublicAccess\": false,")])
        try edit(new.appendingPathComponent("eks-describe-cluster.json"), [("\"resourcesVpcConfig\": {", "\"resourcesVpcConfig\": {\"endpointPublicAccess\": true,")])
        var subnets = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: new.appendingPathComponent("ec2-describe-subnets.json"))) as? [String: Any])
        subnets["Subnets"] = (subnets["Subnets"] as? [[String: Any]] ?? []).filter { $0["SubnetId"] as? String != "subnet-483910e52f8747bbb" }
        try JSONSerialization.data(withJSONObject: subnets).write(to: new.appendingPathComponent("ec2-describe-subnets.json"))
        try FileManager.default.copyItem(at: TestSupport.fixture("diff/web.yaml"), to: new.appendingPathComponent("web.yaml"))
        return (root, old.path, new.path)
    }

    func edit(_ url: URL, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOf: url, encoding: .utf8)
        for (from, to) in replacements {
            XCTAssertTrue(text.contains(from), "\(url.lastPathComponent) lacks \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        try Data(text.utf8).write(to: url)
    }

    func testExampleContentAgainstItselfHasNoChanges() throws {
        let result = try TestSupport.eksdoc(["diff", "content", "content"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "## eksdoc diff\n\nNo changes.\n")
        let json = try TestSupport.eksdoc(["diff", "content", "content", "--json", "--fail-on", "note"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(json.status, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        XCTAssertEqual((report["environments"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["leadertools-qas", "retail-store"])
        XCTAssertEqual((report["risks"] as? [Any])?.count, 0)
    }

    func testMarkdownReportOnMotoSnapshots() throws {
        let pair = try motoPair()
        defer { try? FileManager.default.removeItem(at: pair.root) }
        let result = try TestSupport.eksdoc(["diff", pair.old, pair.new])
        XCTAssertEqual(result.status, 0, "risks alone do not fail without --fail-on: \(result.stderr)")
        let md = result.stdout
        XCTAssertTrue(md.hasPrefix("## eksdoc diff\n\n**2 added, 1 removed, 3 changed** in 1 environment · risks: 2 errors, 4 warnings\n\n### Risks\n"), md)
        let risks = try XCTUnwrap(md.range(of: "### Risks")), env = try XCTUnwrap(md.range(of: "### Environment `snap`"))
        XCTAssertLessThan(risks.lowerBound, env.lowerBound)
        for line in [
            "| 🔴 error | `new-open-rule` | snap | sg-1e5a86779d550dd5e (default) | sg-1e5a86779d550dd5e (default) now allows tcp 22 (SSH) from 0.0.0.0/0, including admin or database port 22 (SSH) |",
            "| 🔴 error | `public-endpoint-opened` | snap | eksdoc | cluster eksdoc API endpoint is now public, reachable from 0.0.0.0/0 (default) |",
            "| 🟠 warning | `default-route-changed` | snap | rtb-650e33feb2c4d9d2b (eksdoc-private) | rtb-650e33feb2c4d9d2b (eksdoc-private): default route 0.0.0.0/0 now goes to nat-0123456789abcdef0 (was nat-ca4d54691d739f042) |",
            "| 🟠 warning | `subnet-removed` | snap | subnet-483910e52f8747bbb (eksdoc-pods-b) | subnet subnet-483910e52f8747bbb (eksdoc-pods-b) (100.64.64.0/18) was removed |",
            "#### Routes\n\n| Change | Entity | Details |\n|---|---|---|\n| changed | rtb-650e33feb2c4d9d2b (eksdoc-private) | 0.0.0.0/0 → nat-0123456789abcdef0<br>`target`: nat-ca4d54691d739f042 → nat-0123456789abcdef0 |",
            "| changed | eksdoc | Kubernetes 1.30<br>`endpointPublic`: false → true |",
            "| changed | eksdoc-ng | m5.large<br>`max`: 4 → 3 |",
            "#### Kubernetes objects\n\n| Change | Entity | Details |\n|---|---|---|\n| added | Deployment shop/web | apps/v1 |",
        ] {
            XCTAssertTrue(md.contains(line), "missing \(line) in\n\(md)")
        }
        XCTAssertTrue(md.contains("| 🟠 warning | `capacity-dropped` | snap | eksdoc | pod capacity dropped from 116 to 87 (limited by nodes) |"))
    }

    func testModelJSONFilesAsInputs() throws {
        let pair = try motoPair()
        defer { try? FileManager.default.removeItem(at: pair.root) }
        var files: [String] = []
        for (name, folder) in [("old.json", pair.old), ("new.json", pair.new)] {
            let model = try TestSupport.eksdoc(["model", folder, "--json"])
            XCTAssertEqual(model.status, 0, model.stderr)
            let url = pair.root.appendingPathComponent(name)
            try model.stdoutData.write(to: url)
            files.append(url.path)
        }
        let fromFolders = try TestSupport.eksdoc(["diff", pair.old, pair.new, "--json"])
        let fromFiles = try TestSupport.eksdoc(["diff", files[0], files[1], "--json"])
        XCTAssertEqual(fromFiles.status, 0, fromFiles.stderr)
        XCTAssertEqual(fromFiles.stdout, fromFolders.stdout, "an export diffs exactly like the folder it came from")
        let mixed = try TestSupport.eksdoc(["diff", files[0], pair.new])
        XCTAssertEqual(mixed.stdout, try TestSupport.eksdoc(["diff", pair.old, pair.new]).stdout)
        XCTAssertEqual(try TestSupport.eksdoc(["diff", files[1], pair.new]).stdout, "## eksdoc diff\n\nNo changes.\n")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: fromFiles.stdoutData) as? [String: Any])
        let risks = try XCTUnwrap(report["risks"] as? [[String: Any]])
        XCTAssertEqual(risks.first?["risk"] as? String, "new-open-rule")
        XCTAssertEqual(risks.first?["severity"] as? String, "error")
        let changes = try XCTUnwrap((report["environments"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])
        XCTAssertTrue(changes.contains { $0["kind"] as? String == "nodeGroup" && $0["change"] as? String == "changed" })
    }

    func testFailOnExitCodes() throws {
        let pair = try motoPair()
        defer { try? FileManager.default.removeItem(at: pair.root) }
        for (failOn, status) in [("error", Int32(1)), ("warning", 1), ("note", 1), ("subnet-removed", 1),
                                 ("node-group-removed,security-group-removed", 0), ("Capacity-Dropped", 1),
                                 ("", 0), ("error,bogus", 2)] {
            let result = try TestSupport.eksdoc(["diff", pair.old, pair.new, "--fail-on", failOn])
            XCTAssertEqual(result.status, status, "--fail-on \(failOn): \(result.stderr)")
        }
        let same = try TestSupport.eksdoc(["diff", pair.old, pair.old, "--fail-on", "note"])
        XCTAssertEqual(same.status, 0)
    }

    func testHostileNamesAreEscaped() throws {
        func group(_ rules: String) -> String {
            """
            {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "evil <script>alert(1)</script> | `x` **b**\\n# h",
              "Description": "[link](javascript:alert(1)) <img src=x>", "VpcId": "vpc-1",
              "IpPermissions": [\(rules)], "IpPermissionsEgress": []}]}
            """
        }
        let root = try TestSupport.makeTree([
            "old/env/sg.json": group(""),
            "new/env/sg.json": group(#"{"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "| <b>db</b>"}]}"#),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try TestSupport.eksdoc(["diff", root.appendingPathComponent("old/env").path, root.appendingPathComponent("new/env").path,
                                             "--fail-on", "new-open-rule"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let md = result.stdout
        for raw in ["<script>", "<img", "<b>", "](javascript", "**b**", "\n# h"] {
            XCTAssertFalse(md.contains(raw), "unescaped \(raw) in\n\(md)")
        }
        XCTAssertTrue(md.contains("evil &lt;script&gt;alert(1)&lt;/script&gt; \\| \\`x\\` \\*\\*b\\*\\* \\# h"), md)
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            XCTAssertTrue(cells.count == 7 || cells.count == 5, "a cell broke out of its table: \(line)")
        }
    }

    func testBadInputsExitTwo() throws {
        let root = try TestSupport.makeTree([
            "not-export.json": #"{"SecurityGroups": []}"#,
            "broken.json": "{ nope",
            "notes.txt": "hello",
            "bad/vpcs.json": #"{"Vpcs": [ {"VpcId": }"#,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let cases: [(String, String)] = [
            ("missing", "not found"),
            ("not-export.json", "not an `eksdoc model --json` export (no top-level \"environments\")"),
            ("broken.json", "not valid JSON"),
            ("notes.txt", "expected a folder or an `eksdoc model --json` file"),
            ("bad", "error:"),
        ]
        for (name, message) in cases {
            let result = try TestSupport.eksdoc(["diff", TestSupport.content.path, root.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 2, name)
            XCTAssertTrue(result.stderr.contains(message), "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
        }
    }
}
