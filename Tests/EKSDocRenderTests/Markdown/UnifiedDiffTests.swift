import EKSDocRender
import XCTest

final class UnifiedDiffTests: XCTestCase {
    func testEqualTextsGiveNothing() {
        XCTAssertEqual(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b"), "")
    }

    func testOneChangedLineWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        XCTAssertEqual(UnifiedDiff.diff(old: old, new: new, oldName: "site/x.md", newName: "built/x.md"), """
        --- site/x.md
        +++ built/x.md
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
    }

    func testInsertionsDeletionsAndTwoHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        var lines = (1...20).map(String.init)
        lines.insert("new", at: 0)
        lines.remove(at: 15)
        let diff = UnifiedDiff.diff(old: old, new: lines.joined(separator: "\n"), oldName: "a", newName: "b")
        XCTAssertTrue(diff.contains("@@ -1,3 +1,4 @@\n+new\n 1\n 2\n 3\n"), diff)
        XCTAssertTrue(diff.contains("-15\n"), diff)
        XCTAssertEqual(diff.components(separatedBy: "\n@@").count - 1, 2, "two hunks: \(diff)")
    }

    func testLongDiffsAreCappedWithACount() {
        let old = (1...500).map { "a\($0)" }.joined(separator: "\n")
        let new = (1...500).map { "b\($0)" }.joined(separator: "\n")
        let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b", maxLines: 50)
        XCTAssertEqual(diff.split(separator: "\n").count, 51)
        XCTAssertTrue(diff.hasSuffix("... 953 more diff lines not shown\n"), String(diff.suffix(80)))
    }
}
