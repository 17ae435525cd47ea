import EKSDocModel
import Foundation
@testable import EKSDocIngest

/// Helpers for the Kubernetes and eksctl reader tests.
enum ManifestTestSupport {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }

    /// `<root>/../shared/fixtures/<path>`.
    static func sharedFixture(_ path: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures").appendingPathComponent(path)
    }

    /// `<root>/Tests/Fixtures/kubernetes/<name>`.
    static func localFixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/kubernetes").appendingPathComponent(name)
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Loads YAML and hands every document to the reader that recognises it (eksctl first, as the loader does),
    /// all into one environment. Diagnostics include the YAML loader's.
    static func read(yaml: String, file: String = "test.yaml") -> (env: Environment, diagnostics: Diagnostics) {
        let loaded = YAMLLoader.load(yaml, file: file)
        var diagnostics = loaded.diagnostics
        var env = Environment(name: "test")
        for document in loaded.documents {
            if EksctlReader.recognizes(document) {
                EksctlReader.read(document, into: &env, diagnostics: &diagnostics)
            } else if KubernetesReader.recognizes(document) {
                KubernetesReader.read(document, into: &env, diagnostics: &diagnostics)
            }
        }
        return (env, diagnostics)
    }

    /// The single object of `kind` named `name`.
    static func object(_ env: Environment, _ kind: String, _ name: String) -> KubernetesObject? {
        env.kubernetes.first { $0.kind == kind && $0.name == name }
    }

    /// The whole environment as JSON, as `eksdoc model --json` would print it.
    static func dump(_ env: Environment) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(env), as: UTF8.self)
    }

    /// Every string value (not key) in a JSON text.
    static func stringValues(ofJSON json: String) throws -> [String] {
        var out: [String] = []
        func walk(_ value: Any) {
            if let s = value as? String { out.append(s) }
            else if let a = value as? [Any] { a.forEach(walk) }
            else if let o = value as? [String: Any] { o.values.forEach(walk) }
        }
        walk(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        return out
    }

    /// `line:col` of every diagnostic with its severity and message, for exact assertions.
    static func lines(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.sorted.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue): \($0.message)" }
    }
}
