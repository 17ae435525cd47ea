import EKSDocModel

/// One environment as `eksdoc.yml` declares it.
public struct EnvironmentConfig: Hashable, Sendable {
    public var name: String
    public var region: String?
    public var description: String?
    /// Files and folders, relative to the content folder, whose inputs make up the environment.
    public var sources: [String]
    public var location: SourceLocation

    public init(name: String, region: String? = nil, description: String? = nil, sources: [String],
                location: SourceLocation) {
        self.name = name; self.region = region; self.description = description; self.sources = sources
        self.location = location
    }
}

/// The settings of a content project, from `eksdoc.yml` or defaulted for a folder without one.
public struct ProjectConfig: Hashable, Sendable {
    public var settings: SiteSettings
    public var environments: [EnvironmentConfig]

    public static let fileName = "eksdoc.yml"
    static let topLevelKeys: Set<String> = ["title", "allowRawHTML", "theme", "sourceURL", "environments"]
    static let environmentKeys: Set<String> = ["region", "description", "sources"]

    /// Zero configuration: one environment named after the folder, made of every recognised file in it.
    public static func zeroConfig(folderName: String) -> ProjectConfig {
        ProjectConfig(settings: SiteSettings(title: folderName),
                      environments: [EnvironmentConfig(name: folderName, sources: ["."],
                                                       location: SourceLocation(file: folderName))])
    }

    /// Parses `eksdoc.yml`:
    /// ```yaml
    /// title: Platform docs
    /// environments:
    ///   leadertools-qas:
    ///     region: us-west-2
    ///     sources: [environments/qas, snapshots/leadertools-qas]
    /// ```
    public static func parse(_ file: SourceFile, folderName: String) -> (ProjectConfig, Diagnostics) {
        let (documents, loadDiagnostics) = YAMLLoader.load(file.text, file: file.path)
        var d = loadDiagnostics
        var config = ProjectConfig(settings: SiteSettings(title: folderName), environments: [])
        guard let root = documents.first else {
            if !d.hasErrors { d.error("eksdoc.yml is empty; it needs an 'environments' mapping", at: SourceLocation(file: file.path, line: 1, column: 1)) }
            return (config, d)
        }
        guard root.isMap else {
            d.error("eksdoc.yml must be a mapping, found \(root.kindName)", at: root.location)
            return (config, d)
        }
        for (key, value) in root.pairs where !topLevelKeys.contains(key) {
            d.warning("unknown setting '\(key)' in eksdoc.yml (known: \(topLevelKeys.sorted().joined(separator: ", ")))", at: value.location)
        }
        let fields = Fields(root, context: "eksdoc.yml")
        config.settings.title = fields.string("title", &d) ?? folderName
        config.settings.allowRawHTML = fields.bool("allowRawHTML", &d) ?? false
        config.settings.theme = fields.string("theme", &d)
        if let url = fields.string("sourceURL", &d) {
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                config.settings.sourceURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                d.error("sourceURL must be an http:// or https:// address, found '\(url)'", at: root["sourceURL"]?.location ?? root.location)
            }
        }
        guard let environments = fields.map("environments", &d) else {
            if root["environments"] == nil {
                d.error("eksdoc.yml has no 'environments' mapping", at: root.location)
            }
            return (config, d)
        }
        for (name, node) in environments.pairs {
            guard isValidName(name) else {
                d.error("environment name '\(name)' must be letters, digits, '-', '_' or '.', and not start with '.'", at: node.location)
                continue
            }
            guard node.isMap else {
                d.error("environment '\(name)' must be a mapping with 'sources', found \(node.kindName)", at: node.location)
                continue
            }
            for (key, value) in node.pairs where !environmentKeys.contains(key) {
                d.warning("unknown setting '\(key)' for environment '\(name)'", at: value.location)
            }
            let env = Fields(node, context: "environment '\(name)'")
            var sources = env.strings("sources", &d)
            if node["sources"] == nil { sources = [name] }
            for source in sources where !isSafeRelativePath(source) {
                d.error("source '\(source)' of environment '\(name)' must be a relative path inside the content folder", at: node.location)
            }
            config.environments.append(EnvironmentConfig(
                name: name, region: env.string("region", &d), description: env.string("description", &d),
                sources: sources.filter(isSafeRelativePath), location: node.location))
        }
        config.environments.sort { $0.name < $1.name }
        return (config, d)
    }

    /// Environment names become folder names in the output, so they are restricted.
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 100, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    /// A path that stays inside the content folder: relative, no `..` component, no NUL.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return !path.split(separator: "/").contains("..")
    }
}
