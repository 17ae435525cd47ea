import EKSDocModel
import Foundation

/// Loads a content folder into an `Inventory`: reads `eksdoc.yml` (or defaults to one environment made of the
/// whole folder), reads every input file of each environment, and builds each environment.
public enum ContentLoader {
    /// The order files are handed to readers in. The result must not depend on it; tests prove that.
    public enum FileOrder: Sendable {
        case sorted, reversed
        case shuffled(seed: UInt64)
    }

    /// Extensions that are never infrastructure inputs (documentation, images, web assets).
    static let skippedExtensions: Set<String> = [
        "md", "markdown", "txt", "rst", "html", "htm", "css", "js", "png", "jpg", "jpeg", "gif", "svg", "pdf",
        "ico", "webp", "lock", "mustache", "sh", "py", "swift", "gz", "zip", "tar", "tgz",
    ]
    /// Folders of a content project that hold pages, questions and themes, not infrastructure.
    static let nonInputFolders: Set<String> = ["pages", "questions", "theme", "templates"]

    public static func load(_ directory: URL, order: FileOrder = .sorted) -> (Inventory, Diagnostics) {
        var diagnostics = Diagnostics()
        let folderName = directory.standardizedFileURL.lastPathComponent
        let configURL = directory.appendingPathComponent(ProjectConfig.fileName)
        var config = ProjectConfig.zeroConfig(folderName: ProjectConfig.isValidName(folderName) ? folderName : "default")
        let configured = FileManager.default.fileExists(atPath: configURL.path)
        if configured {
            switch SourceFile.read(configURL, displayPath: ProjectConfig.fileName) {
            case .success(let file):
                let (parsed, d) = ProjectConfig.parse(file, folderName: folderName)
                config = parsed
                diagnostics.append(contentsOf: d)
            case .failure(let d):
                diagnostics.append(d)
                return (Inventory(), diagnostics)
            }
        }
        var inventory = Inventory(settings: config.settings)
        for envConfig in config.environments {
            let files = inputFiles(of: envConfig, in: directory, diagnostics: &diagnostics)
            let ordered = reorder(files, order)
            let results = ingestAll(ordered, in: directory)
            var fragments: [Fragment] = []
            for result in results {
                diagnostics.append(contentsOf: result.diagnostics)
                fragments.append(contentsOf: result.fragments)
            }
            // A folder without eksdoc.yml and without any infrastructure input is a plain documentation site
            // (hand-written pages only): it has no environment.
            if !configured && fragments.isEmpty { continue }
            inventory.environments.append(EnvironmentBuilder.build(name: envConfig.name, region: envConfig.region,
                                                                   fragments: fragments, diagnostics: &diagnostics))
        }
        inventory.environments.sort { $0.name < $1.name }
        return (inventory, diagnostics)
    }

    /// Reads and parses files in parallel; results come back in the order given.
    static func ingestAll(_ paths: [String], in directory: URL) -> [FileIngest.Result] {
        Parallel.map(paths) { path in
            var result = FileIngest.Result()
            switch SourceFile.read(directory.appendingPathComponent(path), displayPath: path) {
            case .success(let file): result = FileIngest.ingest(file)
            case .failure(let d): result.diagnostics.append(d)
            }
            return result
        }
    }

    /// Every candidate input file of an environment, relative to the content folder, sorted and unique.
    static func inputFiles(of env: EnvironmentConfig, in directory: URL, diagnostics: inout Diagnostics) -> [String] {
        var files = Set<String>()
        let fm = FileManager.default
        for source in env.sources {
            let url = source == "." ? directory : directory.appendingPathComponent(source)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                diagnostics.error("source '\(source)' of environment '\(env.name)' does not exist", at: env.location)
                continue
            }
            if !isDirectory.boolValue {
                files.insert(source)
                continue
            }
            let prefix = source == "." ? "" : source.hasSuffix("/") ? source : source + "/"
            var links: [String] = []
            for relative in walk(url, links: &links) {
                let path = prefix + relative
                if source == ".", let top = path.split(separator: "/").first, nonInputFolders.contains(String(top)) { continue }
                if path == ProjectConfig.fileName { continue }
                files.insert(path)
            }
            for link in links {
                // Links are not followed: one pointing back up the tree would make the walk endless, and one
                // pointing outside would read files that are not part of the content.
                diagnostics.warning("symbolic link skipped: eksdoc reads only regular files inside the content folder",
                                    at: SourceLocation(file: prefix + link))
            }
        }
        return files.sorted()
    }

    /// Regular files under `url`, relative, skipping hidden entries, symbolic links (collected in `links`) and
    /// non-input extensions.
    static func walk(_ url: URL, links: inout [String]) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = url.appendingPathComponent(name)
            guard let attributes = try? fm.attributesOfItem(atPath: child.path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            if type == .typeDirectory {
                var inner: [String] = []
                result.append(contentsOf: walk(child, links: &inner).map { name + "/" + $0 })
                links.append(contentsOf: inner.map { name + "/" + $0 })
            } else if type == .typeSymbolicLink {
                links.append(name)
            } else if type == .typeRegular {
                let ext = (name as NSString).pathExtension.lowercased()
                if !skippedExtensions.contains(ext) { result.append(name) }
            }
        }
        return result
    }

    static func reorder(_ files: [String], _ order: FileOrder) -> [String] {
        switch order {
        case .sorted: return files
        case .reversed: return files.reversed()
        case .shuffled(let seed):
            var generator = SplitMix64(seed: seed)
            return files.shuffled(using: &generator)
        }
    }
}

/// A small seeded generator so shuffled orders are reproducible in tests.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
