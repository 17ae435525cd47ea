import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocTestSupport
import XCTest

final class QuestionBankTests: XCTestCase {
    func testValidEntryLoads() throws {
        let (questions, diagnostics) = QAExample.bank("""
        - id: egress-path
          topic: Route tables
          question: Where does traffic from the private subnets go?
          when: has.cluster and egress.viaAppliance
          answer: |
            Private subnets use {{mainTable.id}}.
          followUps:
            - What if {{egress.target}} fails?
          concepts: [route-tables, nat-gateway]
          sources:
            - Amazon VPC User Guide, "Route tables"
        """)
        XCTAssertEqual(QAExample.lines(diagnostics), [])
        let q = try XCTUnwrap(questions.first)
        XCTAssertEqual(q.id, "egress-path")
        XCTAssertEqual(q.topic, "Route tables")
        XCTAssertEqual(q.when, .and(.value(.fact("has.cluster")), .value(.fact("egress.viaAppliance"))))
        XCTAssertEqual(q.answer.source, "Private subnets use {{mainTable.id}}.\n")
        XCTAssertEqual(q.followUps.map(\.source), ["What if {{egress.target}} fails?"])
        XCTAssertEqual(q.concepts, ["route-tables", "nat-gateway"])
        XCTAssertEqual(q.sources, [#"Amazon VPC User Guide, "Route tables""#])
        XCTAssertEqual(q.location.description, "questions/test.yml:1:3")
        XCTAssertEqual(q.referencedNames, ["mainTable.id", "egress.target"])
        XCTAssertFalse(q.isGeneral)
    }

    func testEveryProblemIsAnErrorAtItsFileLineAndColumn() {
        let (questions, diagnostics) = QAExample.bank("""
        - id: good
          topic: VPC
          question: What is the VPC CIDR?
          when: has.vpc
          answer: |
            The VPC {{vpc.id}} uses {{vpc.primaryCidr}}.
        - id: bad-when
          topic: VPC
          question: Q?
          when: has.vpc and nope.fact
          answer: Fine.
        - id: bad-template
          topic: NAT
          question: Q2?
          answer: |
            Line one.
            Uses {{egress.targt}} here.
        - topic: Subnets
          question: No id
          answer: x
        - id: unbalanced
          topic: CNI
          question: Q3?
          answer: |
            {{#cni.customNetworking}}
            on
        - id: good
          topic: VPC
          question: dup
          answer: y
        - id: types
          topic: ""
          question: [not, a, string]
          answer: ok
          followUps: just one
          follow_ups: []
          concepts: [Route_Tables]
          sources:
            - Terraform documentation, "Backend Type: s3"
        - id: quoted
          topic: DNS
          question: Q4?
          when: "has.vpc and (nat.count > 'x')"
          answer: "Say {{#has.vpc}}hi"
        - just a string
        """, path: "questions/bad.yml")
        XCTAssertEqual(questions.map(\.id), ["good", "good"], "invalid entries are left out; duplicates are reported")
        XCTAssertEqual(QAExample.lines(diagnostics), [
            "questions/bad.yml:10:21: error: question 'bad-when': when: unknown fact 'nope.fact'",
            "questions/bad.yml:17:10: error: question 'bad-template': answer: unknown fact 'egress.targt' (did you mean 'egress.target'?)",
            "questions/bad.yml:18:3: error: question: missing 'id'",
            "questions/bad.yml:25:5: error: question 'unbalanced': answer: section 'cni.customNetworking' is never closed (missing '{{/cni.customNetworking}}')",
            "questions/bad.yml:27:3: error: duplicate question id 'good' (first at questions/bad.yml:1:3)",
            "questions/bad.yml:32:10: error: question 'types': 'topic' is empty",
            "questions/bad.yml:33:13: error: question: field 'question' must be a string, found a list",
            "questions/bad.yml:35:14: error: question: field 'followUps' must be a list, found a string",
            "questions/bad.yml:36:15: error: question 'types': unknown field 'follow_ups' (did you mean 'followUps'?); fields are id, topic, question, when, answer, followUps, concepts, sources",
            "questions/bad.yml:37:14: error: question 'types': concept 'Route_Tables' is not a page slug (lower-case letters, digits and '-')",
            "questions/bad.yml:39:7: error: question 'types': sources items must be non-empty strings, found a mapping (quote the text: an unquoted ': ' makes YAML read a mapping)",
            "questions/bad.yml:43:33: error: question 'quoted': when: cannot compare nat.count (number) > \"x\" (string): '>' compares numbers only",
            "questions/bad.yml:44:16: error: question 'quoted': answer: section 'has.vpc' is never closed (missing '{{/has.vpc}}')",
            "questions/bad.yml:45:3: error: a question entry is a mapping (id, topic, question, answer ...), found a string",
        ])
        XCTAssertTrue(diagnostics.hasErrors)
    }

    func testFileShapeErrors() {
        XCTAssertEqual(QAExample.lines(QAExample.bank("id: x\ntopic: y\n", path: "q.yml").1),
                       ["q.yml:1:1: error: a question file is a list of entries (`- id: ...`), found a mapping"])
        XCTAssertEqual(QAExample.lines(QAExample.bank("- id: [\n", path: "q.yml").1).count, 1)
        XCTAssertEqual(QAExample.bank("", path: "q.yml").0, [])
        XCTAssertEqual(QAExample.lines(QAExample.bank("# only a comment\n", path: "q.yml").1), [])
    }

    func testFoldedAndPlainScalarsLocateTags() {
        let (_, diagnostics) = QAExample.bank("""
        - id: folded
          topic: VPC
          question: Q?
          answer: >
            First line is fine,
              and {{nope}} is not.
        - id: plain
          topic: VPC
          question: Q?
          answer: Plain {{alsoNope}} text
        """, path: "q.yml")
        XCTAssertEqual(QAExample.lines(diagnostics), [
            "q.yml:6:11: error: question 'folded': answer: unknown fact 'nope'",
            "q.yml:10:17: error: question 'plain': answer: unknown fact 'alsoNope'",
        ])
    }

    func testCRLFFilesLocateTags() {
        let text = "- id: crlf\r\n  topic: VPC\r\n  question: Q?\r\n  answer: |\r\n    ok\r\n    so {{nope}}\r\n"
        XCTAssertEqual(QAExample.lines(QAExample.bank(text, path: "q.yml").1),
                       ["q.yml:6:8: error: question 'crlf': answer: unknown fact 'nope'"])
    }

    func testDirectoriesSortFilesAndReportDuplicateIDsAcrossThem() throws {
        let root = try TestSupport.makeTree([
            "questions/b.yml": "- {id: one, topic: VPC, question: B?, answer: b}\n",
            "questions/a.yml": "- {id: one, topic: VPC, question: A?, answer: a}\n- {id: two, topic: NAT, question: T?, answer: t}\n",
            "questions/notes.md": "ignored",
        ])
        let (questions, diagnostics) = QuestionBank.project(root)
        XCTAssertEqual(questions.map(\.question), ["A?", "T?", "B?"])
        XCTAssertEqual(QAExample.lines(diagnostics),
                       ["questions/b.yml:1:3: error: duplicate question id 'one' (first at questions/a.yml:1:3)"])
        XCTAssertEqual(QuestionBank.project(root.appendingPathComponent("nowhere")).0, [])
    }

    func testProjectEntriesReplaceBuiltInOnesByID() {
        func q(_ id: String, _ text: String) -> Question {
            Question(id: id, topic: "VPC", question: text, answer: Template(text), location: SourceLocation(file: "x"))
        }
        let merged = QuestionBank.merged(builtin: [q("a", "A"), q("b", "B"), q("c", "C")],
                                         project: [q("new", "N"), q("b", "B2"), q("b", "B3")])
        XCTAssertEqual(merged.map(\.question), ["A", "B2", "C", "N"])
        XCTAssertEqual(QuestionBank.duplicates([q("b", "B2"), q("b", "B3")]).items.count, 1)
    }

    func testFixtureBankLoads() {
        let bank = QAExample.fixtureBank()
        XCTAssertEqual(bank.map(\.id), ["nat-count", "what-is-a-vpc", "custom-networking-pods", "zz-extra", "subnets-by-tier"])
        XCTAssertTrue(bank[1].isGeneral)
        XCTAssertEqual(bank[0].location.description, "questions/sample.yml:2:3")
    }
}
