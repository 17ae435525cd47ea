import EKSDocAnalysis
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// The bundled instance-type table: generated from moto by scripts/generate-instance-types, never typed.
final class CapacityInstanceTypeCatalogTests: XCTestCase {
    static let table = TestSupport.packageRoot.appendingPathComponent("Sources/EKSDocAnalysis/Resources/instance-types.tsv")

    func testCommittedTableIsExactlyWhatTheScriptGenerates() throws {
        let check = try TestSupport.shell(["python3", "-c", "import moto"])
        guard check.status == 0 else {
            return XCTFail("the Python package moto is missing: run make deps (\(check.stderr.suffix(200)))")
        }
        let out = try TestSupport.temporaryDirectory("instance-types").appendingPathComponent("instance-types.tsv")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/generate-instance-types").path
        let run = try TestSupport.shell(["python3", script, out.path])
        guard run.status == 0 else {
            return XCTFail("scripts/generate-instance-types failed (\(run.status)): \(run.stderr); run make deps")
        }
        let generated = try Data(contentsOf: out)
        let committed = try Data(contentsOf: Self.table)
        XCTAssertEqual(generated, committed,
                       "instance-types.tsv differs from the script's output: re-run scripts/generate-instance-types")
        let again = try TestSupport.shell(["python3", script, "-"])
        XCTAssertEqual(again.stdoutData, generated, "the script is deterministic")
    }

    func testBuiltinLoadsEveryLineOfTheTable() throws {
        let text = try String(contentsOf: Self.table, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 1_000, "moto ships about 1,260 instance types")
        XCTAssertEqual(InstanceTypeCatalog.builtin.count, lines.count)
        let header = try XCTUnwrap(InstanceTypeCatalog.builtin.header)
        XCTAssertTrue(header.contains("moto "), header)
        XCTAssertTrue(header.contains("generate-instance-types"), header)
        XCTAssertEqual(InstanceTypeCatalog.builtin.names, InstanceTypeCatalog.builtin.names.sorted())
    }

    func testReferenceTypesMatchTheReferenceTable() throws {
        for row in CapacityMaxPodsTests.reference {
            let info = try XCTUnwrap(InstanceTypeCatalog.builtin[row.type], row.type)
            XCTAssertEqual(info.maxENIs, row.enis, row.type)
            XCTAssertEqual(info.ipv4PerENI, row.ips, row.type)
            XCTAssertEqual(info.vcpus, row.vcpus, row.type)
            XCTAssertEqual(info.hypervisor, row.hypervisor, row.type)
            XCTAssertEqual(info.source, SourceLocation(file: "builtin"))
            XCTAssertEqual(MaxPods.allModes(info).map(\.byFormula).first, row.defaultPods, row.type)
        }
        XCTAssertEqual(InstanceTypeCatalog.builtin[" T3A.Medium "]?.name, "t3a.medium")
        XCTAssertNil(InstanceTypeCatalog.builtin["x99.imaginary"])
    }

    func testENIsAreTheDefaultNetworkCardsNotTheInstanceTotal() throws {
        // p5.48xlarge has 32 network cards of 2 ENIs each (64 in total); the VPC CNI uses the default card only.
        let p5 = try XCTUnwrap(InstanceTypeCatalog.builtin["p5.48xlarge"])
        XCTAssertEqual(p5.maxENIs, 2)
        XCTAssertEqual(InstanceTypeCatalog.builtin["m5.metal"]?.hypervisor, "", "bare metal has no hypervisor")
    }

    func testSnapshotOverridesTheBuiltinTable() throws {
        let at = SourceLocation(file: "snapshots/qas/ec2-describe-instance-types.json", line: 3, column: 5)
        let snapshot = [
            InstanceTypeInfo(name: "t3a.medium", maxENIs: 4, ipv4PerENI: 6, vcpus: 2, hypervisor: "nitro", source: at),
            InstanceTypeInfo(name: "z9.future", maxENIs: 2, ipv4PerENI: 4, vcpus: 1, hypervisor: "nitro", source: at),
        ]
        let merged = InstanceTypeCatalog.builtin.merging(snapshot)
        XCTAssertEqual(merged["t3a.medium"]?.maxENIs, 4)
        XCTAssertEqual(merged["t3a.medium"]?.source, at)
        XCTAssertEqual(merged["z9.future"]?.ipv4PerENI, 4)
        XCTAssertEqual(merged.count, InstanceTypeCatalog.builtin.count + 1)
        XCTAssertEqual(merged["t3.medium"], InstanceTypeCatalog.builtin["t3.medium"])
        XCTAssertEqual(InstanceTypeCatalog.builtin["t3a.medium"]?.maxENIs, 3, "the builtin catalog is unchanged")
    }

    func testParseRejectsMalformedLines() {
        XCTAssertThrowsError(try InstanceTypeCatalog.parse("# h\nt3.micro\t2\t2\n", file: "t")) { error in
            XCTAssertEqual((error as? InstanceTypeCatalog.FormatError)?.line, 2)
        }
        XCTAssertThrowsError(try InstanceTypeCatalog.parse("t3.micro\ttwo\t2\t2\tnitro\n", file: "t"))
        XCTAssertThrowsError(try InstanceTypeCatalog.parse("t3.micro\t2\t2\t2\tkvm\n", file: "t"))
        let parsed = try? InstanceTypeCatalog.parse("# source\n\nt3.micro\t2\t2\t2\tnitro\n", file: "t")
        XCTAssertEqual(parsed?.count, 1)
        XCTAssertEqual(parsed?.header, "source")
        XCTAssertEqual(parsed?["t3.micro"]?.source, SourceLocation(file: "t"))
    }
}
