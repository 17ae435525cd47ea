@testable import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

final class ContentLoaderTests: XCTestCase {
    func encode(_ inventory: Inventory) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(inventory)
    }

    func testExampleContentLoadsWithoutErrors() {
        let (inventory, diagnostics) = ContentLoader.load(TestSupport.content)
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.sorted.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(inventory.environments.map(\.name), ["leadertools-qas", "retail-store"])
        XCTAssertEqual(inventory.settings.title, "eksdoc examples")
    }

    func testResultDoesNotDependOnFileOrder() throws {
        let (sorted, d1) = ContentLoader.load(TestSupport.content, order: .sorted)
        let (reversed, d2) = ContentLoader.load(TestSupport.content, order: .reversed)
        XCTAssertEqual(try encode(sorted), try encode(reversed))
        XCTAssertEqual(d1.sorted, d2.sorted)
        for seed: UInt64 in [1, 7, 42] {
            let (shuffled, d3) = ContentLoader.load(TestSupport.content, order: .shuffled(seed: seed))
            XCTAssertEqual(try encode(sorted), try encode(shuffled), "seed \(seed)")
            XCTAssertEqual(d1.sorted, d3.sorted)
        }
    }

    func testEveryExampleFileContributes() {
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        let sources = Set(inventory.environments.flatMap(\.sources))
        for expected in ["environments/qas/variables.tfvars", "environments/qas/variables.tf",
                         "snapshots/leadertools-qas/ec2-describe-subnets.json", "manifests/leadertools-qas/eniconfigs.yaml",
                         "state/retail-store/terraform.tfstate", "environments/retail-store/eksctl-cluster.yaml",
                         "manifests/retail/ui.yaml"] {
            XCTAssertTrue(sources.contains(expected), expected)
        }
        XCTAssertFalse(sources.contains("snapshots/leadertools-qas/NOTES.md"))
    }

    func testBadInputsGiveLocatedDiagnostics() throws {
        let root = try TestSupport.makeTree([
            "eksdoc.yml": "environments:\n  e:\n    sources: [in]\n",
            "in/a.tfvars": "x = \"ok\"\nx = \"again\"\n",
            "in/b.json": "{\"Subnets\": [{\"SubnetId\": \"subnet-1\", \"CidrBlock\": \"10.0.0.0/33\"}]}",
            "in/c.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: 80\n",
            "in/d.tfvars": "n = 1.2.3\n",
        ])
        let (_, diagnostics) = ContentLoader.load(root)
        let errors = diagnostics.sorted.filter { $0.severity == .error }
        let files = Set(errors.map(\.location.file))
        XCTAssertEqual(files, ["in/a.tfvars", "in/b.json", "in/c.yaml", "in/d.tfvars"], errors.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(errors.allSatisfy { $0.location.line > 0 && $0.location.column > 0 })
    }

    func testInvalidUTF8AndUnknownShapes() throws {
        let root = try TestSupport.makeTree(["x.json": #"{"KeyPairs": [{"KeyName": "a"}]}"#, "y.json": #"{"hello": 1}"#])
        try Data([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22, 0x0A]).write(to: root.appendingPathComponent("z.tfvars"))
        let (_, diagnostics) = ContentLoader.load(root)
        let lines = diagnostics.sorted.map(\.description)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("x.json:1:1: warning: unknown AWS CLI output shape"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("y.json:1:1: warning: not a recognised input"), lines[1])
        XCTAssertEqual(lines[2], "z.tfvars:1:6: error: invalid UTF-8 (byte 0xff)")
    }
}
