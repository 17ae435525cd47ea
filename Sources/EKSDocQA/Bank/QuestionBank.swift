import EKSDocIngest
import EKSDocModel
import Foundation

/// Loads question banks: the built-in one shipped as a resource and a content project's `questions/*.yml`.
public enum QuestionBank {
    /// The file name shown for built-in bank files: `(builtin)/questions/<name>`.
    public static let builtinPrefix = "(builtin)/questions/"

    /// Parses one bank file: a YAML list of entries. Invalid entries are left out and reported with
    /// `file:line:col`; every problem is an error.
    public static func load(_ file: SourceFile) -> ([Question], Diagnostics) {
        let (documents, yamlDiagnostics) = YAMLLoader.load(file.text, file: file.path)
        var diagnostics = yamlDiagnostics
        let reader = QuestionReader(file: file)
        var questions: [Question] = []
        for document in documents {
            guard document.isList else {
                diagnostics.error("a question file is a list of entries (`- id: ...`), found \(document.kindName)", at: document.location)
                continue
            }
            for item in document.items {
                if let question = reader.read(item, &diagnostics) { questions.append(question) }
            }
        }
        diagnostics.append(contentsOf: duplicates(questions))
        return (questions, diagnostics)
    }

    /// The built-in bank: every `Resources/questions/*.yml` of the module, in file-name order.
    public static func builtin() -> ([Question], Diagnostics) {
        guard let folder = builtinFolder else {
            return ([], Diagnostics([.error("the built-in question bank is missing from the EKSDocQA resources",
                                            at: SourceLocation(file: builtinPrefix))]))
        }
        return directory(folder, displayPrefix: builtinPrefix)
    }

    /// Where the built-in bank's files are.
    public static var builtinFolder: URL? { BuiltinResources.folder("questions") }

    /// A content project's bank: `questions/*.yml` of the content folder, shown as `questions/<name>`. No folder,
    /// no questions.
    public static func project(_ contentDirectory: URL) -> ([Question], Diagnostics) {
        directory(contentDirectory.appendingPathComponent("questions"), displayPrefix: "questions/")
    }

    /// Every `*.yml` / `*.yaml` file of a folder, in file-name order; ids must be unique across the files.
    public static func directory(_ folder: URL, displayPrefix: String) -> ([Question], Diagnostics) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
        var questions: [Question] = []
        var diagnostics = Diagnostics()
        for name in names {
            switch SourceFile.read(folder.appendingPathComponent(name), displayPath: displayPrefix + name) {
            case .success(let file):
                let (loaded, d) = load(file)
                questions += loaded
                diagnostics.append(contentsOf: d.items.filter { !$0.message.hasPrefix(duplicatePrefix) })
            case .failure(let d):
                diagnostics.append(d)
            }
        }
        diagnostics.append(contentsOf: duplicates(questions))
        return (questions, diagnostics)
    }

    private static let duplicatePrefix = "duplicate question id"

    /// An error for every entry whose id an earlier entry of the same bank already uses.
    public static func duplicates(_ questions: [Question]) -> Diagnostics {
        var first: [String: SourceLocation] = [:]
        var diagnostics = Diagnostics()
        for question in questions {
            if let earlier = first[question.id] {
                diagnostics.error("\(duplicatePrefix) '\(question.id)' (first at \(earlier))", at: question.location)
            } else {
                first[question.id] = question.location
            }
        }
        return diagnostics
    }

    /// The built-in bank with a project's entries: an entry with a built-in id replaces it in place, new entries
    /// follow in project order. Within each bank the first entry of an id counts (duplicates are load errors).
    public static func merged(builtin: [Question], project: [Question]) -> [Question] {
        var overrides: [String: Question] = [:]
        var added: [Question] = []
        let builtinIDs = Set(builtin.map(\.id))
        for question in project where overrides[question.id] == nil {
            overrides[question.id] = question
            if !builtinIDs.contains(question.id) { added.append(question) }
        }
        var seen = Set<String>()
        var result: [Question] = []
        for question in builtin where seen.insert(question.id).inserted {
            result.append(overrides[question.id] ?? question)
        }
        return result + added
    }
}
