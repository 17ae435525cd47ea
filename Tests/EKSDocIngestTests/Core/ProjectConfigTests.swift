@testable import EKSDocIngest
import EKSDocModel
import XCTest

final class ProjectConfigTests: XCTestCase {
    func parse(_ text: String) -> (ProjectConfig, Diagnostics) {
        ProjectConfig.parse(SourceFile(path: "eksdoc.yml", text: text), folderName: "content")
    }

    func testEnvironmentsSortedWithSources() {
        let (config, d) = parse("""
        title: Docs
        environments:
          zeta:
            region: eu-west-1
            sources: [a, b/c.json]
          alpha: {}
        """)
        XCTAssertTrue(d.items.isEmpty, "\(d.items)")
        XCTAssertEqual(config.settings.title, "Docs")
        XCTAssertEqual(config.environments.map(\.name), ["alpha", "zeta"])
        XCTAssertEqual(config.environments[0].sources, ["alpha"])
        XCTAssertEqual(config.environments[1].sources, ["a", "b/c.json"])
        XCTAssertEqual(config.environments[1].region, "eu-west-1")
    }

    func testRejectsPathsOutsideTheFolderAndBadNames() {
        let (config, d) = parse("""
        environments:
          ok:
            sources: [../secrets, /etc, fine]
          "../evil":
            sources: [x]
        """)
        XCTAssertEqual(config.environments.map(\.name), ["ok"])
        XCTAssertEqual(config.environments[0].sources, ["fine"])
        XCTAssertEqual(d.items.filter { $0.severity == .error }.count, 3)
    }

    func testWrongTypesAndUnknownKeys() {
        let (_, d) = parse("""
        title: [x]
        colour: blue
        environments:
          a:
            sources: nope
        """)
        XCTAssertEqual(d.sorted.map(\.description), [
            "eksdoc.yml:1:8: error: eksdoc.yml: field 'title' must be a string, found a list",
            "eksdoc.yml:2:9: warning: unknown setting 'colour' in eksdoc.yml (known: allowRawHTML, environments, sourceURL, theme, title)",
            "eksdoc.yml:5:14: error: environment 'a': field 'sources' must be a list, found a string",
        ])
    }

    func testMissingEnvironmentsIsAnError() {
        let (_, d) = parse("title: x\n")
        XCTAssertEqual(d.items.map(\.message), ["eksdoc.yml has no 'environments' mapping"])
    }
}

final class ProjectConfigSourceURLTests: XCTestCase {
    func parse(_ text: String) -> (ProjectConfig, Diagnostics) {
        ProjectConfig.parse(SourceFile(path: "eksdoc.yml", text: text), folderName: "content")
    }

    func testSourceURLGetsATrailingSlash() {
        let (config, d) = parse("sourceURL: https://git.example.com/infra/blob/main/content\nenvironments:\n  a: {}\n")
        XCTAssertFalse(d.hasErrors, "\(d.items)")
        XCTAssertEqual(config.settings.sourceURL, "https://git.example.com/infra/blob/main/content/")
    }

    func testSourceURLMustBeHTTP() {
        let (config, d) = parse("environments:\n  a: {}\nsourceURL: \"javascript:alert(1)\"\n")
        XCTAssertNil(config.settings.sourceURL)
        let error = d.items.first { $0.severity == .error }
        XCTAssertEqual(error?.location.line, 3)
        XCTAssertTrue(error?.message.contains("sourceURL must be an http:// or https:// address") ?? false, "\(d.items)")
    }
}
