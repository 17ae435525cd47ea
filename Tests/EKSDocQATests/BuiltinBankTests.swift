import EKSDocModel
import EKSDocQA
import EKSDocRender
import XCTest

/// Acceptance tests of issue 5 over the built-in bank (`Sources/EKSDocQA/Resources/questions`).
final class BuiltinBankTests: XCTestCase {
    static let loaded = QuestionBank.builtin()

    private func bank() throws -> [Question] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: QASources.resources.appendingPathComponent("questions").path)) ?? []
        try XCTSkipIf(!files.contains { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }, "the built-in bank is not written yet")
        return Self.loaded.0
    }

    func testBankLoadsWithoutDiagnosticsAndHasAtLeastSixtyQuestions() throws {
        let questions = try bank()
        XCTAssertEqual(QAExample.lines(Self.loaded.1), [])
        XCTAssertGreaterThanOrEqual(questions.count, 60)
        XCTAssertTrue(questions.allSatisfy { $0.location.file.hasPrefix(QuestionBank.builtinPrefix) })
    }

    func testConceptLinksPointAtConceptPages() throws {
        let slugs = Set(((try? FileManager.default.contentsOfDirectory(atPath: QASources.resources.appendingPathComponent("concepts").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
        for question in try bank() {
            for slug in question.concepts where !slugs.contains(slug) {
                XCTFail("\(question.location): question '\(question.id)' links to concept '\(slug)', which has no page")
            }
        }
    }

    /// Every question either renders for each example environment, or is skipped there by a condition that holds
    /// for the other example or for a variant with some of its facts changed (so the question can render).
    func testEveryQuestionRendersOrIsSkippedByAConditionThatCanHold() throws {
        let examples = QAExample.names.map { ($0, QAExample.facts($0)) }
        for question in try bank() {
            for (name, facts) in examples {
                if question.applies(to: facts) {
                    let answer = question.answer.rendering(facts)
                    let followUps = question.followUps.map { $0.rendering(facts) }
                    let empty = answer.emptyNames + followUps.flatMap(\.emptyNames)
                    XCTAssertEqual(empty, [], "\(question.location): '\(question.id)' renders empty values for \(name)")
                    continue
                }
                let condition = try XCTUnwrap(question.when, "\(question.id) skipped without a condition")
                XCTAssertFalse(condition.evaluate(facts))
                guard let variant = ConditionSearch.satisfying(condition, bases: examples.map(\.1)) else {
                    XCTFail("\(question.location): no variant of the examples makes `\(condition)` true for '\(question.id)'")
                    continue
                }
                XCTAssertTrue(condition.evaluate(variant))
                XCTAssertFalse(question.answer.render(variant).contains("{{"))
            }
        }
    }

    /// No generated Q&A page contains a template leftover, an empty substitution or a seed's wrong figure.
    func testGeneratedPagesAreClean() throws {
        let questions = try bank()
        for name in QAExample.names {
            let context = QAExample.context(name)
            let rendering = QARendering(questions, facts: QAPages.facts(context))
            XCTAssertEqual(QAExample.lines(rendering.problems(environment: name)), [])
            for page in QASite.pages(context, bank: questions) {
                XCTAssertFalse(page.markdown.contains("{{"), "\(page.path) has a template leftover")
                XCTAssertFalse(page.markdown.contains("}}"), "\(page.path) has a template leftover")
                XCTAssertEqual(QAExample.seedProblems(page.markdown), [], page.path)
            }
            XCTAssertGreaterThan(rendering.rendered.count, 0)
        }
    }

    func testBankIDsAreStableAnchors() throws {
        let questions = try bank()
        let output = QAPages.build(QAExample.context("leadertools-qas"), questions: questions, practice: false)
        for item in QARendering(questions, facts: QAExample.leadertools).rendered {
            XCTAssertNotNil(output.anchors[item.question.id], item.question.id)
        }
    }
}

/// Finds facts that make a condition true: an example's facts as they are, else an example with the condition's
/// facts set to values taken from the examples, their type's usual values and the literals the condition uses.
enum ConditionSearch {
    static func satisfying(_ condition: Condition, bases: [Facts], limit: Int = 500_000) -> Facts? {
        if let base = bases.first(where: condition.evaluate) { return base }
        let names = condition.factNames
        let candidates = names.map { Self.candidates(for: $0, condition: condition, bases: bases) }
        let total = candidates.reduce(1) { $0 * max($1.count, 1) }
        guard total <= limit else { return nil }
        for base in bases {
            var indices = Array(repeating: 0, count: names.count)
            for _ in 0..<total {
                var facts = base
                for (k, name) in names.enumerated() where !candidates[k].isEmpty {
                    facts = facts.setting(name, candidates[k][indices[k]])
                }
                if condition.evaluate(facts) { return facts }
                for k in indices.indices {
                    indices[k] += 1
                    if indices[k] < candidates[k].count { break }
                    indices[k] = 0
                }
            }
        }
        return nil
    }

    static func candidates(for name: String, condition: Condition, bases: [Facts]) -> [FactValue] {
        var values: [FactValue] = bases.compactMap { $0[name] }
        let (numbers, strings) = literals(condition)
        switch FactRegistry.names[name] {
        case .bool?: values += [.bool(true), .bool(false)]
        case .number?: values += ([0, 1, 2, 3] + numbers.flatMap { [$0 - 1, $0, $0 + 1] }).map { FactValue.number($0) }
        case .string?: values += [.string(""), .string("x")] + strings.map(FactValue.string)
        case .list(let fields)?:
            let item = FactValue.map(Dictionary(uniqueKeysWithValues: fields.map { ($0, FactValue.string("x")) }))
            values += [.list([]), .list([item])] + numbers.filter { $0 > 0 && $0 < 50 }.map { .list(Array(repeating: item, count: $0 + 1)) }
        case nil: break
        }
        var seen = Set<FactValue>()
        return values.filter { seen.insert($0).inserted }
    }

    static func literals(_ condition: Condition) -> (numbers: [Int], strings: [String]) {
        var numbers: [Int] = [], strings: [String] = []
        func add(_ operand: Operand) {
            if case .number(let n) = operand { numbers.append(n) }
            if case .string(let s) = operand { strings.append(s) }
        }
        func walk(_ c: Condition) {
            switch c {
            case .value(let o): add(o)
            case .not(let i): walk(i)
            case .and(let l, let r), .or(let l, let r): walk(l); walk(r)
            case .compare(let l, _, let r): add(l); add(r)
            }
        }
        walk(condition)
        return (numbers, strings)
    }
}

final class ConditionSearchTests: XCTestCase {
    func testFindsVariantsThatMakeConditionsTrue() throws {
        let bases = [QAExample.leadertools, QAExample.retail]
        for text in ["has.ingress and cni.customNetworking", "nat.count > 2 and not egress.viaNat",
                     #"egress.kind == "transit gateway""#, "subnets.isolated > 3", "has.vpc"] {
            let condition = try Condition.parse(text)
            let facts = try XCTUnwrap(ConditionSearch.satisfying(condition, bases: bases), text)
            XCTAssertTrue(condition.evaluate(facts), text)
        }
        XCTAssertNil(ConditionSearch.satisfying(try Condition.parse("has.vpc and not has.vpc"), bases: bases))
    }
}
