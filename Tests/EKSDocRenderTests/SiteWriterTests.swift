@testable import EKSDocRender
import EKSDocTestSupport
import XCTest

final class SiteWriterTests: XCTestCase {
    func testRefusesPathsOutsideTheSite() {
        var site = SiteFiles()
        for path in ["../x", "/etc/passwd", "a/../../b", "", "a//b", "a/./b", "a\0b", String(repeating: "x", count: 300)] {
            XCTAssertThrowsError(try site.add(path, text: "x"), path)
        }
        XCTAssertNoThrow(try site.add("md/qas/network.md", text: "x"))
    }

    func testWritesAndReplacesAtomically() throws {
        let root = try TestSupport.temporaryDirectory()
        let out = root.appendingPathComponent("site")
        var first = SiteFiles()
        try first.add("a.txt", text: "one")
        try first.add("dir/b.txt", text: "two")
        try SiteWriter.write(first, to: out)
        XCTAssertEqual(SiteWriter.readTree(out), ["a.txt": Data("one".utf8), "dir/b.txt": Data("two".utf8)])
        var second = SiteFiles()
        try second.add("c.txt", text: "three")
        try SiteWriter.write(second, to: out)
        XCTAssertEqual(SiteWriter.readTree(out), ["c.txt": Data("three".utf8)])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(leftovers, [".site.spare", "site"], "only the spare folder is kept beside the site")
        XCTAssertEqual(SiteWriter.readTree(root.appendingPathComponent(".site.spare")),
                       ["a.txt": Data("one".utf8), "dir/b.txt": Data("two".utf8)], "the spare is the previous site")
    }

    func testTheSpareFolderIsReusedExactly() throws {
        let root = try TestSupport.temporaryDirectory()
        let out = root.appendingPathComponent("site")
        var sites: [SiteFiles] = []
        for files in [["a.txt": "1", "x/y/z.txt": "2", "dir/b.txt": "3", "gone/deep/file.txt": "4"],
                      ["a.txt": "5", "x/y/z.txt": "6", "dir": "now a file", "new/n.txt": "7"],
                      ["a.txt": "8", "dir/b.txt": "folder again", "x/q.txt": "9"],
                      ["only.txt": "10"]] {
            var site = SiteFiles()
            for (path, text) in files { try site.add(path, text: text) }
            sites.append(site)
        }
        for site in sites + sites.reversed() {
            try SiteWriter.write(site, to: out)
            XCTAssertEqual(SiteWriter.readTree(out), site.files)
            // Folders no file needs any more are gone too.
            let folders = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: out.path)).filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            for folder in folders {
                XCTAssertTrue(site.paths.contains { $0.hasPrefix(folder + "/") }, "stale folder \(folder)")
            }
        }
    }

    /// Links and special files left in the spare folder are removed or replaced, never written through; a file
    /// whose bytes were already there still gets a new modification time.
    func testLinksAreReplacedNotFollowedAndUnchangedFilesAreTouched() throws {
        let fm = FileManager.default
        let root = try TestSupport.temporaryDirectory()
        let out = root.appendingPathComponent("site"), spare = root.appendingPathComponent(".site.spare")
        let outside = root.appendingPathComponent("outside.txt")
        try Data("keep me".utf8).write(to: outside)
        var site = SiteFiles()
        try site.add("a.txt", text: "same")
        try site.add("b.txt", text: "b")
        try SiteWriter.write(site, to: out)
        try SiteWriter.write(site, to: out)  // the spare now holds the same files
        // Plant a link where a file goes and a stale link and FIFO, then age the unchanged file.
        try fm.removeItem(at: spare.appendingPathComponent("b.txt"))
        try fm.createSymbolicLink(atPath: spare.appendingPathComponent("b.txt").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: spare.appendingPathComponent("stale-link").path, withDestinationPath: outside.path)
        XCTAssertEqual(mkfifo(spare.appendingPathComponent("stale-fifo").path, 0o644), 0)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try fm.setAttributes([.modificationDate: old], ofItemAtPath: spare.appendingPathComponent("a.txt").path)
        try SiteWriter.write(site, to: out)
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "keep me", "the link's target is untouched")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path).sorted(), ["a.txt", "b.txt"])
        let b = try fm.attributesOfItem(atPath: out.appendingPathComponent("b.txt").path)
        XCTAssertEqual(b[.type] as? FileAttributeType, .typeRegular)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("b.txt"), encoding: .utf8), "b")
        let touched = try XCTUnwrap(fm.attributesOfItem(atPath: out.appendingPathComponent("a.txt").path)[.modificationDate] as? Date)
        XCTAssertGreaterThan(touched, Date(timeIntervalSinceNow: -600), "an unchanged file's time moves to now")
    }

    func testFoldersOfKilledBuildsAreCleanedUpOrRestored() throws {
        let root = try TestSupport.temporaryDirectory()
        let out = root.appendingPathComponent("site")
        // A pid far above pid_max on Linux (4194304) names a build that is not running.
        let dead = 9_999_999
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent(".site.building-\(dead)/half"), withIntermediateDirectories: true)
        // Killed between its two renames: the output is gone, the previous site is beside it.
        try fm.createDirectory(at: root.appendingPathComponent(".site.previous-\(dead)"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: root.appendingPathComponent(".site.previous-\(dead)/a.txt"))
        SiteWriter.removeAbandoned(in: root, name: "site", output: out)
        XCTAssertEqual(SiteWriter.readTree(out), ["a.txt": Data("old".utf8)], "the previous site is put back")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.path), ["site"])
        // A staging folder of a build still running (this process) is left alone.
        let live = root.appendingPathComponent(".site.building-\(getppid())")
        try fm.createDirectory(at: live, withIntermediateDirectories: true)
        SiteWriter.removeAbandoned(in: root, name: "site", output: out)
        XCTAssertTrue(fm.fileExists(atPath: live.path))
    }

    func testComparison() throws {
        var site = SiteFiles()
        try site.add("same", text: "1")
        try site.add("changed", text: "2")
        try site.add("new", text: "3")
        let existing = ["same": Data("1".utf8), "changed": Data("x".utf8), "old": Data("4".utf8),
                        "handout.pdf": Data("%PDF".utf8)]
        let result = SiteComparison.compare(site, with: existing)
        XCTAssertEqual(result, SiteComparison(stale: ["changed"], missing: ["new"], extra: ["old"]))
        XCTAssertFalse(result.isClean)
    }
}
