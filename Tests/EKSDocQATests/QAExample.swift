import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender
import EKSDocTestSupport
import XCTest

/// The example content loaded and analysed once for all Q&A tests.
enum QAExample {
    static let inventory: Inventory = {
        let (inventory, diagnostics) = ContentLoader.load(TestSupport.content)
        precondition(!diagnostics.hasErrors, "example content has errors: \(diagnostics.sorted)")
        return inventory
    }()

    static let analysis: [String: EnvironmentFacts] = Dictionary(uniqueKeysWithValues:
        inventory.environments.map { ($0.name, EnvironmentAnalysis.analyze($0)) })

    static let names = ["leadertools-qas", "retail-store"]

    /// The page context of an example environment.
    static func context(_ name: String) -> PageContext {
        PageContext(inventory: inventory, env: inventory.environment(named: name)!, facts: analysis[name]!)
    }

    /// A context for a hand-made environment.
    static func context(for env: Environment) -> PageContext {
        PageContext(inventory: Inventory(environments: [env]), env: env, facts: EnvironmentAnalysis.analyze(env))
    }

    /// The facts of an example environment.
    static func facts(_ name: String) -> Facts { QAPages.facts(context(name)) }

    static let leadertools = facts("leadertools-qas")
    static let retail = facts("retail-store")

    /// A bank file from text, shown as `path`.
    static func bank(_ text: String, path: String = "questions/test.yml") -> ([Question], Diagnostics) {
        QuestionBank.load(SourceFile(path: path, text: text))
    }

    /// The fixture bank `Tests/Fixtures/questions`.
    static func fixtureBank() -> [Question] {
        let (questions, diagnostics) = QuestionBank.directory(TestSupport.fixture("questions"), displayPrefix: "questions/")
        precondition(!diagnostics.hasErrors, "fixture bank has errors: \(diagnostics.sorted)")
        return questions
    }

    /// Diagnostics as compiler-style lines, sorted.
    static func lines(_ diagnostics: Diagnostics) -> [String] { diagnostics.sorted.map(\.description) }

    /// Wrong figures and claims of the seeds (seeds/README.md) that generated text must never contain.
    static let seedFigures: [String] = [
        #"~\s?220"#, #"\b2,?044\b"#, #"\b1,?022\b"#, #"\b508 (node|usable|addresses|IPs)"#,
        #"\b254 (usable|IPs|addresses|hosts)"#, #"\b126 (usable|IPs|addresses|hosts)"#,
        #"\b220 pods"#,
        #"VPC CNI[^.\n]{0,30}\b(is|=|uses)\b[^.\n]{0,12}Calico"#, #"Calico[^.\n]{0,12}\bis the (AWS )?VPC CNI"#,
        #"(temporary|session|STS)[^.\n]{0,60}\bAKIA"#, #"AKIA[^.\n]{0,60}(temporary|session)"#,
        #"(internet|Internet)\s*(->|→)\s*(IGW|igw-\w+|internet gateway)\s*(->|→)\s*(an? )?internal"#,
        #"Pod Identity(?:(?!\bnot?\b)[^\n]){0,40}\b(uses|relies on|needs|requires|reads)\b(?:(?!\bno\b|\bnot\b)[^\n]){0,50}role-arn"#,
        #"(Load Balancer Controller|aws-load-balancer-controller)[^.\n]{0,30}\b(runs as|is) a DaemonSet"#,
    ]

    /// The seed figures `text` contains (empty when clean).
    static func seedProblems(_ text: String) -> [String] {
        seedFigures.compactMap { pattern in
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            guard let match = regex.firstMatch(in: text, range: range), let r = Range(match.range, in: text) else { return nil }
            return "\(pattern): \(text[r])"
        }
    }
}
