import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc snapshot` end to end: against a fake `aws` on PATH, and against moto_server with the real CLI.
final class SnapshotCommandTests: XCTestCase {
    /// A fake `aws` that answers `SERVICE OPERATION` with `answers/SERVICE-OPERATION.json`, or fails with
    /// `answers/SERVICE-OPERATION.err` (exit 255).
    static let fakeScript = """
        #!/bin/bash
        d="$(cd "$(/usr/bin/dirname "$0")" && pwd)"
        words=()
        while [ $# -gt 0 ]; do
          case "$1" in
            --output|--region|--profile|--endpoint-url) shift 2 ;;
            --*) shift ;;
            *) words+=("$1"); shift ;;
          esac
        done
        r="$d/answers/${words[0]}-${words[1]}"
        if [ -f "$r.err" ]; then /bin/cat "$r.err" >&2; exit 255; fi
        if [ -f "$r.json" ]; then /bin/cat "$r.json"; exit 0; fi
        echo "fake aws: nothing for $r" >&2; exit 255
        """

    static let answers = [
        "ec2-describe-vpcs": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"#,
        "ec2-describe-subnets": #"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}]}"#,
        "ec2-describe-route-tables": #"{"RouteTables": []}"#, "ec2-describe-security-groups": #"{"SecurityGroups": []}"#,
        "ec2-describe-internet-gateways": #"{"InternetGateways": []}"#, "ec2-describe-nat-gateways": #"{"NatGateways": []}"#,
        "ec2-describe-network-acls": #"{"NetworkAcls": []}"#, "ec2-describe-vpc-endpoints": #"{"VpcEndpoints": []}"#,
        "ec2-describe-instances": #"{"Reservations": []}"#, "elbv2-describe-load-balancers": #"{"LoadBalancers": []}"#,
        "elbv2-describe-target-groups": #"{"TargetGroups": []}"#,
    ]

    /// A folder with the fake `aws` and its answers; returns the folder to put first on PATH.
    func fakeAWS(failing: [String: String] = [:]) throws -> URL {
        let folder = try TestSupport.temporaryDirectory("fake-aws")
        let answers = folder.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        try Data(Self.fakeScript.utf8).write(to: folder.appendingPathComponent("aws"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("aws").path)
        for (name, json) in Self.answers { try Data(json.utf8).write(to: answers.appendingPathComponent("\(name).json")) }
        for (name, err) in failing { try Data(err.utf8).write(to: answers.appendingPathComponent("\(name).err")) }
        return folder
    }

    func snapshot(_ arguments: [String], path: String, ci: Bool = false) throws -> TestSupport.ProcessResult {
        var environment = ["PATH": path, "HOME": NSTemporaryDirectory()]
        if ci { environment["CI"] = "true" }
        return try TestSupport.run(TestSupport.eksdocBinary, ["snapshot", "--region", "eu-west-1"] + arguments,
                                   environment: environment, timeout: 60)
    }

    func testWritesTheFolderAndReportsEachCall() throws {
        let fake = try fakeAWS()
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("snap")
        let result = try snapshot(["--out", out.path], path: fake.path + ":/usr/bin:/bin")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("[2/12] ec2 describe-subnets ... 1 item, "), result.stderr)
        XCTAssertTrue(result.stderr.contains("wrote 11 files to \(out.path)"), result.stderr)
        let subnets = try String(contentsOf: out.appendingPathComponent("ec2-describe-subnets.json"), encoding: .utf8)
        XCTAssertTrue(subnets.hasPrefix("{\n  \"Subnets\": [\n    {\n      \"CidrBlock\": \"10.0.1.0/24\",\n"), subnets)

        let quiet = try snapshot(["--out", out.path], path: fake.path + ":/usr/bin:/bin", ci: true)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "", "CI=true prints errors only")
    }

    func testAFailedCallLeavesThePreviousSnapshotUntouched() throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("snap")
        XCTAssertEqual(try snapshot(["--out", out.path], path: try fakeAWS().path + ":/usr/bin:/bin").status, 0)
        try Data("marker".utf8).write(to: out.appendingPathComponent("marker.txt"))
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()

        let denied = "An error occurred (UnauthorizedOperation) when calling the DescribeRouteTables operation: You are not authorized to perform this operation."
        let fake = try fakeAWS(failing: ["ec2-describe-route-tables": denied])
        let result = try snapshot(["--out", out.path], path: fake.path + ":/usr/bin:/bin", ci: true)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ec2 describe-route-tables ... failed: access denied"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: 1 aws call(s) failed; \(out.path) was not changed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("ec2 describe-route-tables: access denied: An error occurred (UnauthorizedOperation)"), result.stderr)
        XCTAssertFalse(result.stderr.contains("[1/"), "CI=true hides progress")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path), ["snap"])
    }

    func testUnknownClusterAndMissingCredentialsAreNamed() throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("snap")
        let fake = try fakeAWS(failing: [
            "eks-describe-cluster": "An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: nope.",
        ])
        var result = try snapshot(["--cluster", "nope", "--out", out.path], path: fake.path + ":/usr/bin:/bin")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("eks describe-cluster: unknown cluster: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: check the cluster name"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let anonymous = try fakeAWS(failing: ["ec2-describe-vpcs": "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n"])
        result = try snapshot(["--out", out.path], path: anonymous.path + ":/usr/bin:/bin")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ec2 describe-vpcs: no credentials: Unable to locate credentials"), result.stderr)
    }

    func testMissingAWSCLIExplainsHowToInstallIt() throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("snap")
        let result = try snapshot(["--out", out.path], path: "/nonexistent-eksdoc-path")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("pip install awscli"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// The real `aws` CLI against moto_server: build the fixed topology, snapshot it, build the site.
    func testSnapshotOfMotoBuildsAndHoldsNoCertificate() throws {
        let work = try TestSupport.temporaryDirectory("moto-snapshot-command")
        let raw = work.appendingPathComponent("raw"), out = work.appendingPathComponent("snap")
        let scripts = TestSupport.packageRoot.appendingPathComponent("scripts").path
        let command = """
            set -e
            "\(scripts)/moto-snapshot" "$EKSDOC_MOTO_ENDPOINT" "\(raw.path)" >/dev/null 2>&1
            "\(TestSupport.eksdocBinary.path)" snapshot --region us-east-1 --endpoint-url "$EKSDOC_MOTO_ENDPOINT" \
              --cluster eksdoc --out "\(out.path)"
            """
        let result = try TestSupport.run(URL(fileURLWithPath: "\(scripts)/with-moto"), ["bash", "-c", command],
                                         currentDirectory: TestSupport.packageRoot, timeout: 300)
        XCTAssertEqual(result.status, 0, "moto snapshot failed (run `make deps`?):\n\(result.stderr.suffix(3000))")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, [
            "ec2-describe-instance-types.json", "ec2-describe-instances.json", "ec2-describe-internet-gateways.json",
            "ec2-describe-nat-gateways.json", "ec2-describe-network-acls.json", "ec2-describe-route-tables.json",
            "ec2-describe-security-groups.json", "ec2-describe-subnets.json", "ec2-describe-vpc-endpoints.json",
            "ec2-describe-vpcs.json", "eks-describe-cluster.json", "eks-describe-nodegroup-eksdoc-ng.json",
            "elbv2-describe-load-balancers.json", "elbv2-describe-target-groups.json",
        ])
        XCTAssertTrue(result.stderr.contains("warning: eks list-addons is not implemented by the endpoint; skipped"), result.stderr)

        // Only the fixed topology's VPC (found through the cluster's subnets), not moto's default VPC.
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: raw.appendingPathComponent("expected.json"))) as? [String: Any])
        let vpcs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("ec2-describe-vpcs.json"))) as? [String: Any])
        XCTAssertEqual(Set(((vpcs["Vpcs"] as? [[String: Any]]) ?? []).compactMap { $0["VpcId"] as? String }),
                       Set(((expected["vpcs"] as? [String: Any]) ?? [:]).keys))

        let cluster = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: raw.appendingPathComponent("eks-describe-cluster.json"))) as? [String: Any])
        let certificate = try XCTUnwrap(((cluster["cluster"] as? [String: Any])?["certificateAuthority"] as? [String: Any])?["data"] as? String)
        XCTAssertGreaterThan(certificate.count, 20)
        let site = work.appendingPathComponent("site")
        let build = try TestSupport.eksdoc(["build", out.path, "--out", site.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        for (name, data) in SnapshotCommandTests.tree(out).merging(SnapshotCommandTests.tree(site), uniquingKeysWith: { a, _ in a }) {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(certificate.prefix(40)), "certificate data in \(name)")
        }
    }

    /// Every regular file under `folder`, path -> bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path) { files[url.path] = data }
        }
        return files
    }
}
