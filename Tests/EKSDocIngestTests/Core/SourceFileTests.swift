@testable import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

final class SourceFileTests: XCTestCase {
    func testInvalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("a = 1\nb = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        guard case .failure(let d) = SourceFile.decode(bytes, displayPath: "x.tfvars") else { return XCTFail("accepted") }
        XCTAssertEqual(d.description, "x.tfvars:2:6: error: invalid UTF-8 (byte 0xc3)")
    }

    func testOverlongAndSurrogateEncodingsAreInvalid() {
        XCTAssertNotNil(SourceFile.firstInvalidUTF8([0xC0, 0x80][...]))
        XCTAssertNotNil(SourceFile.firstInvalidUTF8([0xED, 0xA0, 0x80][...]))
        XCTAssertNotNil(SourceFile.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80][...]))
        XCTAssertNil(SourceFile.firstInvalidUTF8(Array("héllo 😀".utf8)[...]))
    }

    func testByteOrderMarkIsDropped() throws {
        guard case .success(let file) = SourceFile.decode([0xEF, 0xBB, 0xBF] + Array("{}".utf8), displayPath: "b.json") else {
            return XCTFail("rejected")
        }
        XCTAssertEqual(file.text, "{}")
    }

    func testOversizedFileIsRefused() throws {
        let root = try TestSupport.makeTree(["big.json": String(repeating: " ", count: 2048)])
        guard case .failure(let d) = SourceFile.read(root.appendingPathComponent("big.json"), displayPath: "big.json", maxBytes: 1024) else {
            return XCTFail("accepted")
        }
        XCTAssertEqual(d.message, "file is 2048 bytes, over the 1024-byte limit")
    }
}
