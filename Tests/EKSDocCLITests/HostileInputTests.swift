import EKSDocTestSupport
import Foundation
import XCTest

/// Inputs built to hurt a parser or a writer: each ends in a located error and exit 2, quickly and in bounded
/// memory, and never touches the previous site or anything outside the output folder.
final class HostileInputTests: XCTestCase {
    struct Outcome: Decodable {
        var status: Int
        var seconds: Double
        var max_rss_kb: Int
        var timed_out: Bool
    }

    /// Runs `eksdoc build` under scripts/measure-run: exit status, wall time and peak memory of that process.
    static func measuredBuild(_ content: URL, out: URL) throws -> (Outcome, TestSupport.ProcessResult) {
        let report = try TestSupport.temporaryDirectory().appendingPathComponent("report.json")
        let result = try TestSupport.run(TestSupport.packageRoot.appendingPathComponent("scripts/measure-run"),
                                         [report.path, "--timeout", "30", "--", TestSupport.eksdocBinary.path,
                                          "build", content.path, "--out", out.path, "--force"])
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(contentsOf: report))
        return (outcome, result)
    }

    static func nested(_ open: String, _ close: String, depth: Int) -> String {
        String(repeating: open, count: depth) + String(repeating: close, count: depth)
    }

    /// name, files, the file the error must point into.
    static var cases: [(String, [String: Data], String)] {
        func text(_ s: String) -> Data { Data(s.utf8) }
        var bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (index, name) in "bcdefghij".enumerated() {
            let previous = index == 0 ? "a" : String(Array("bcdefghij")[index - 1])
            bomb += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let subnet = { (id: String, cidr: String) in
            #"{"SubnetId": "\#(id)", "VpcId": "vpc-1", "CidrBlock": "\#(cidr)", "AvailabilityZone": "us-east-1a"}"#
        }
        return [
            ("YAML alias bomb", ["bomb.yaml": text(bomb)], "bomb.yaml"),
            ("10,000-deep YAML", ["deep.yaml": text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + nested("[", "]", depth: 10_000) + "\n")], "deep.yaml"),
            ("10,000-deep JSON", ["deep.json": text(#"{"Vpcs": "# + nested("[", "]", depth: 10_000) + "}")], "deep.json"),
            ("10,000-deep HCL", ["deep.tfvars": text("a = " + nested("[", "]", depth: 10_000) + "\n")], "deep.tfvars"),
            ("10,000-deep HCL objects", ["deep.tfvars": text("a = " + nested("{b = ", "}", depth: 10_000) + "\n")], "deep.tfvars"),
            ("invalid UTF-8", ["bad.tfvars": Data("cluster_name = \"a".utf8) + Data([0xFF, 0xFE]) + Data("\"\n".utf8)], "bad.tfvars:1:"),
            ("out-of-range CIDR (AWS)", ["subnets.json": text(#"{"Subnets": ["# + subnet("subnet-1", "10.0.0.0/33") + "]}")], "subnets.json:1:"),
            ("out-of-range CIDR (tfvars)", ["v.tfvars": text("vpc_cidr = \"300.0.0.0/16\"\n")], "v.tfvars:1:"),
            ("out-of-range port (AWS)", ["sg.json": text(#"{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "a", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 70000, "ToPort": 70000, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}], "IpPermissionsEgress": []}]}"#)], "sg.json:1:"),
            ("out-of-range port (Kubernetes)", ["svc.yaml": text("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: d}\nspec:\n  ports: [{port: 99999}]\n")], "svc.yaml:5:"),
            ("duplicate ids", ["subnets.json": text(#"{"Subnets": ["# + subnet("subnet-1", "10.0.0.0/24") + ",\n" + subnet("subnet-1", "10.0.1.0/24") + "]}")], "subnets.json:2:"),
            ("duplicate Kubernetes objects", ["a.yaml": text("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: d}\nspec: {type: ClusterIP}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: d}\nspec: {type: LoadBalancer}\n")], "a.yaml:6:"),
            ("cyclic YAML alias", ["c.yaml": text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: &a\n  self: *a\n")], "c.yaml:5:"),
        ]
    }

    func testEachHostileInputEndsInALocatedErrorWithinFiveSecondsAndBoundedMemory() throws {
        for (name, files, expected) in Self.cases {
            let root = try TestSupport.temporaryDirectory()
            let content = root.appendingPathComponent("content")
            for (path, data) in files {
                let url = content.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            // A previous site that a failed build must leave as it was.
            let out = root.appendingPathComponent("site")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("previous".utf8).write(to: out.appendingPathComponent("index.html"))
            let (outcome, result) = try Self.measuredBuild(content, out: out)
            XCTAssertEqual(outcome.status, 2, "\(name): \(result.stderr.prefix(500))")
            XCTAssertFalse(outcome.timed_out, name)
            XCTAssertLessThan(outcome.seconds, 5, name)
            XCTAssertLessThan(outcome.max_rss_kb, 1_048_576, "\(name): peak memory")
            let located = result.stderr.split(separator: "\n").contains { line in
                line.contains("\(content.path)/\(expected)") && line.contains(": error: ")
                    && line.range(of: #":\d+:\d+: error: "#, options: .regularExpression) != nil
            }
            XCTAssertTrue(located, "\(name): expected a file:line:col error in \(expected), got:\n\(result.stderr.prefix(800))")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["index.html"], name)
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("index.html")), Data("previous".utf8), name)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["content", "site"], name)
        }
    }

    func testAHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let big = content.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        let chunk = Data(#"{"Vpcs": [{"VpcId": "vpc-0", "CidrBlock": "10.0.0.0/16"},"#.utf8 + Data(repeating: 0x20, count: 1_048_576 - 55))
        for _ in 0..<100 { handle.write(chunk) }
        try handle.close()
        let (outcome, result) = try Self.measuredBuild(content, out: root.appendingPathComponent("site"))
        XCTAssertEqual(outcome.status, 2, result.stderr)
        XCTAssertLessThan(outcome.seconds, 5)
        XCTAssertLessThan(outcome.max_rss_kb, 200_000, "the file is not read into memory")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: big.path)[.size] as? NSNumber).intValue
        XCTAssertGreaterThan(size, 100_000_000)
        XCTAssertTrue(result.stderr.contains("\(content.path)/huge.json:1:1: error: file is \(size) bytes, over the 33554432-byte limit"),
                      result.stderr)
    }

    /// Ids and names shaped like paths (`../`, absolute, NUL, 3,000 characters) stay text: every file the build
    /// writes is inside the output folder and named from a safe alphabet.
    func testPathLikeNamesStayInsideTheOutputFolder() throws {
        let long = String(repeating: "n", count: 3_000)
        let groups = #"{"SecurityGroups": [{"GroupId": "sg-../../../../tmp/eksdoc-escape", "GroupName": "/etc/passwd", "Description": "../../x", "VpcId": "vpc-../..", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": "sg-../../../../tmp/eksdoc-escape"}], "IpRanges": []}], "IpPermissionsEgress": [], "Tags": [{"Key": "Name", "Value": "a\u0000b"}]}]}"#
        let vpcs = #"{"Vpcs": [{"VpcId": "vpc-../..", "CidrBlock": "10.1.0.0/16", "Tags": [{"Key": "Name", "Value": "/abs/\#(long)"}]}]}"#
        let subnets = #"{"Subnets": [{"SubnetId": "subnet-/../../x", "VpcId": "vpc-../..", "CidrBlock": "10.1.0.0/24", "AvailabilityZone": "us-east-1a", "Tags": [{"Key": "Name", "Value": "../../../escape"}]}]}"#
        let manifest = """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "../../../escape", "namespace": "/abs\\u0000nul"},
         "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "x"}}, "template": {"metadata": {"labels": {"app": "x"}},
         "spec": {"containers": [{"name": "\(long)", "image": "../../img"}]}}}}
        """
        let service = "apiVersion: v1\nkind: Service\nmetadata: {name: \"../\(long)\", namespace: \"..\"}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n"
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        for (path, text) in ["sg.json": groups, "vpcs.json": vpcs, "subnets.json": subnets, "deploy.json": manifest, "svc.yaml": service] {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }
        let out = root.appendingPathComponent("site")
        let result = try TestSupport.eksdoc(["build", content.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["content", "site"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/eksdoc-escape"))
        let files = SiteFilesOnDisk.read(out)
        XCTAssertGreaterThan(files.count, 20)
        for path in files.keys {
            XCTAssertNil(path.range(of: #"[^A-Za-z0-9._/-]"#, options: .regularExpression), "file name \(path)")
            XCTAssertFalse(path.split(separator: "/").contains { $0 == ".." || $0.count > 200 }, path)
            let resolved = out.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath().path
            XCTAssertTrue(resolved.hasPrefix(out.standardizedFileURL.resolvingSymlinksInPath().path + "/"), path)
        }
        // The names are on the pages, as text, and no NUL reaches an HTML file.
        let html = files.filter { $0.key.hasSuffix(".html") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        XCTAssertTrue(html.contains("../../../escape"))
        XCTAssertTrue(html.contains("sg-../../../../tmp/eksdoc-escape"))
        XCTAssertFalse(html.contains("\u{0}"), "NUL in HTML")
    }

    /// A build killed at any point leaves the previous site exactly as it was; the next build clears what the
    /// killed one left beside it.
    func testAKilledBuildLeavesThePreviousSiteIntact() throws {
        let root = try TestSupport.temporaryDirectory()
        let out = root.appendingPathComponent("site")
        let first = try TestSupport.eksdoc(["build", TestSupport.content.path, "--out", out.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = SiteFilesOnDisk.read(out)
        XCTAssertGreaterThan(before.count, 300)
        var environment = ProcessInfo.processInfo.environment
        environment["EKSDOC_CACHE_DIR"] = ""  // no diagram cache: the build takes long enough to be caught
        for delay in [0.3, 0.9, 1.6, 2.4, 3.2] {
            let process = Process()
            process.executableURL = TestSupport.eksdocBinary
            process.arguments = ["build", TestSupport.content.path, "--out", out.path, "--force"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(SiteFilesOnDisk.read(out), before, "killed after \(delay) s")
        }
        let again = try TestSupport.eksdoc(["build", TestSupport.content.path, "--out", out.path, "--force"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(SiteFilesOnDisk.read(out), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), [".site.spare", "site"],
                       "no staging folders left, only the spare")
    }
}
