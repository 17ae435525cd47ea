import EKSDocIngest
import EKSDocTestSupport
import XCTest

final class SnapshotWriterTests: XCTestCase {
    func testReplacesTheWholeFolderAndLeavesNoTemporaryFolder() throws {
        let parent = try TestSupport.temporaryDirectory()
        let out = parent.appendingPathComponent("snap")
        try SnapshotWriter.write(["a.json": "{}\n", "old.json": "{}\n"], to: out)
        try SnapshotWriter.write(["a.json": "{\"x\": 1}\n"], to: out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["a.json"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.json"), encoding: .utf8), "{\"x\": 1}\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["snap"])
    }

    func testABadFileNameLeavesThePreviousFolderUntouched() throws {
        let parent = try TestSupport.temporaryDirectory()
        let out = parent.appendingPathComponent("snap")
        try SnapshotWriter.write(["a.json": "{}\n"], to: out)
        XCTAssertThrowsError(try SnapshotWriter.write(["b.json": "{}\n", "../escape.json": "{}\n"], to: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["a.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["snap"])
    }
}
