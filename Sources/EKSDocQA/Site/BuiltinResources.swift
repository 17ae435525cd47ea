import Foundation

/// Folders shipped in the module's resource bundle (`Resources/questions`, `Resources/concepts`).
enum BuiltinResources {
    /// The first existing directory among the places SwiftPM may put a copied resource folder.
    static func folder(_ name: String) -> URL? {
        let candidates = [
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
            Bundle.module.url(forResource: name, withExtension: nil),
            Bundle.module.resourceURL?.appendingPathComponent("Resources/\(name)"),
        ]
        return candidates.compactMap { $0 }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
