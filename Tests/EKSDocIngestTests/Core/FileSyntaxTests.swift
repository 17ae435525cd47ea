import EKSDocIngest
import XCTest

final class FileSyntaxTests: XCTestCase {
    func testDetectsByContent() {
        XCTAssertEqual(FileSyntax.detect("  {\"Vpcs\": []}"), .json)
        XCTAssertEqual(FileSyntax.detect("[]"), .json)
        XCTAssertEqual(FileSyntax.detect("# comment\ncluster_name = \"x\""), .hcl)
        XCTAssertEqual(FileSyntax.detect("/* c */ variable \"x\" {}"), .hcl)
        XCTAssertEqual(FileSyntax.detect("// c\nterraform {\n}"), .hcl)
        XCTAssertEqual(FileSyntax.detect("resource aws_vpc main {}"), .hcl)
        XCTAssertEqual(FileSyntax.detect("apiVersion: v1\nkind: Pod"), .yaml)
        XCTAssertEqual(FileSyntax.detect("# comment\n---\nkind: Pod"), .yaml)
        XCTAssertEqual(FileSyntax.detect("a == b"), .yaml)
        XCTAssertEqual(FileSyntax.detect(""), .yaml)
    }
}
