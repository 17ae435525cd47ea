import EKSDocModel
import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import Foundation
import XCTest

/// The example site, built once for all HTML tests.
enum ExampleSite {
    static let output: SitePipeline.Output = {
        do { return try SitePipeline.build(contentDirectory: TestSupport.content, progress: .silent) }
        catch { fatalError("example build threw: \(error)") }
    }()

    static var files: [String: Data] { output.site?.files ?? [:] }

    static func text(_ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The site's pages (the standalone handout is checked by the handout tests).
    static var htmlPaths: [String] { files.keys.filter { $0.hasSuffix(".html") && $0 != "handout.html" }.sorted() }
}

/// Small hand-made sites published straight through `HTMLPublisher`.
enum MiniSite {
    /// A page with the given Markdown (its anchors computed from its headings, as `PageDocument` does).
    static func page(_ path: String, _ title: String, _ markdown: String, sources: [String] = []) -> Page {
        var anchors = Anchors()
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
            anchors.anchor(for: String($0.drop { $0 == "#" }.dropFirst()))
        }
        return Page(path: path, title: title, markdown: markdown, sources: sources, anchors: headings)
    }

    /// Publishes site pages plus one environment `dev` holding `envPages`; returns the files and diagnostics.
    static func publish(site: [Page], dev envPages: [Page], templates: TemplateSet = .builtin,
                        diagrams: [String: String] = [:]) throws -> ([String: Data], Diagnostics) {
        var files = SiteFiles()
        for (path, svg) in diagrams { try files.add(path, text: svg) }
        let collection = SitePages.Collection(site: site, environments: envPages.isEmpty ? [] : [("dev", envPages)])
        let diagnostics = HTMLPublisher.publish(collection, into: &files, settings: SiteSettings(title: "Mini"),
                                                templates: templates)
        return (files.files, diagnostics)
    }

    static func text(_ files: [String: Data], _ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// A copy of the example content with every occurrence of `find` replaced, and extra files added.
    static func exampleCopy(replacing find: String? = nil, with replacement: String = "",
                            adding extra: [String: String] = [:]) throws -> URL {
        let copy = try TestSupport.temporaryDirectory("eksdoc-site").appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestSupport.content, to: copy)
        if let find {
            for (path, data) in SiteWriter.readTree(copy) {
                let text = String(decoding: data, as: UTF8.self)
                guard text.contains(find) else { continue }
                try Data(text.replacingOccurrences(of: find, with: replacement).utf8)
                    .write(to: copy.appendingPathComponent(path))
            }
        }
        for (path, text) in extra {
            let url = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return copy
    }
}
