import EKSDocTestSupport
import Foundation
import XCTest

final class BuildCommandTests: XCTestCase {
    func testBuildThenCheckDetectsEveryKindOfDifference() throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("site")
        let content = TestSupport.content.path
        XCTAssertEqual(try TestSupport.eksdoc(["build", content, "--out", out.path]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("model.json").path))
        XCTAssertEqual(try TestSupport.eksdoc(["build", content, "--out", out.path, "--check"]).status, 0, "identical")

        let model = out.appendingPathComponent("model.json")
        var bytes = try Data(contentsOf: model)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: model)
        var result = try TestSupport.eksdoc(["build", content, "--out", out.path, "--check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("model.json: stale"), result.stderr)
        XCTAssertTrue(result.stderr.contains("+++ built/model.json\n@@ -"), "a unified diff of the stale file: \(result.stderr)")

        try FileManager.default.removeItem(at: model)
        result = try TestSupport.eksdoc(["build", content, "--out", out.path, "--check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("model.json: missing"), result.stderr)

        XCTAssertEqual(try TestSupport.eksdoc(["build", content, "--out", out.path]).status, 0)
        try Data("x".utf8).write(to: out.appendingPathComponent("leftover.html"))
        result = try TestSupport.eksdoc(["build", content, "--out", out.path, "--check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("leftover.html: extra"), result.stderr)
    }

    func testBadInputExitsTwoAndLeavesThePreviousSiteIntact() throws {
        let root = try TestSupport.makeTree([
            "vars.tfvars": "cluster_name = \"a\"\n",
        ])
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        XCTAssertEqual(try TestSupport.eksdoc(["build", root.path, "--out", out.path]).status, 0)
        let before = try Data(contentsOf: out.appendingPathComponent("model.json"))
        try Data("cluster_name = \"a\"\nbroken = \"unterminated\n".utf8).write(to: root.appendingPathComponent("vars.tfvars"))
        let result = try TestSupport.eksdoc(["build", root.path, "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(root.path)/vars.tfvars:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains(": error: "), result.stderr)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("model.json")), before)
    }

    func testZeroConfigFolderIsOneEnvironmentNamedAfterIt() throws {
        let root = try TestSupport.makeTree([
            "demo/net/vpcs.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.9.0.0/16"}]}"#,
            "demo/README.md": "# not an input",
        ])
        let result = try TestSupport.eksdoc(["model", root.appendingPathComponent("demo").path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let envs = try XCTUnwrap(json["environments"] as? [[String: Any]])
        XCTAssertEqual(envs.count, 1)
        XCTAssertEqual(envs[0]["name"] as? String, "demo")
        XCTAssertEqual((envs[0]["vpcs"] as? [[String: Any]])?.first?["cidrs"] as? [String], ["10.9.0.0/16"])
        XCTAssertEqual(envs[0]["sources"] as? [String], ["net/vpcs.json"])
    }

    func testMissingContentFolder() throws {
        let result = try TestSupport.eksdoc(["model", "/nonexistent-eksdoc-folder", "--json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("content folder not found"))
    }
}

/// Same inputs, byte-identical outputs across processes (Swift's hash seeds and libgvc's allocations differ
/// between runs), diagrams included; the diagram cache is off so every run renders.
final class BuildDeterminismTests: XCTestCase {
    func testTwoProcessesBuildIdenticalSites() throws {
        var trees: [[String: Data]] = []
        for _ in 0..<2 {
            let out = try TestSupport.temporaryDirectory().appendingPathComponent("site")
            var environment = ProcessInfo.processInfo.environment
            environment["EKSDOC_CACHE_DIR"] = ""
            let result = try TestSupport.run(TestSupport.eksdocBinary, ["build", TestSupport.content.path, "--out", out.path],
                                             environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            trees.append(try files(out))
        }
        XCTAssertGreaterThan(trees[0].count, 100)
        XCTAssertEqual(trees[0].keys.sorted(), trees[1].keys.sorted())
        for (path, data) in trees[0] { XCTAssertEqual(data, trees[1][path], path) }
        XCTAssertTrue(trees[0].keys.contains("diagrams/leadertools-qas-topology.png"))
        XCTAssertTrue(trees[0].keys.contains("md/retail-store/qa.md"))
        XCTAssertTrue(trees[0].keys.contains("md/concepts/prefix-delegation.md"))
    }

    func files(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }
}
