import EKSDocQA
import XCTest

final class ConditionTests: XCTestCase {
    let facts = Facts([
        "has.vpc": .bool(true), "has.cluster": .bool(false), "nat.count": .number(2), "azs.count": .number(0),
        "egress.kind": .string("instance"), "env.name": .string(""), "vpc.id": .string("vpc-1"),
        "subnets.public": .list([.item(["id": .string("a")]), .item(["id": .string("b")])]),
        "subnets.isolated": .list([]),
    ])

    private func eval(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        do { return try Condition.parse(text).evaluate(facts) } catch {
            XCTFail("\(text): \(error)", file: file, line: line); return false
        }
    }

    func testTruthiness() {
        XCTAssertTrue(eval("has.vpc"))
        XCTAssertFalse(eval("has.cluster"))
        XCTAssertTrue(eval("nat.count"))
        XCTAssertFalse(eval("azs.count"))
        XCTAssertTrue(eval("vpc.id"))
        XCTAssertFalse(eval("env.name"))
        XCTAssertTrue(eval("subnets.public"))
        XCTAssertFalse(eval("subnets.isolated"))
        XCTAssertFalse(eval("not.set.anywhere"))
        XCTAssertTrue(eval("true"))
    }

    func testOperatorsAndPrecedence() {
        XCTAssertTrue(eval("has.vpc and not has.cluster"))
        XCTAssertTrue(eval("has.cluster or has.vpc and nat.count"))
        XCTAssertFalse(eval("(has.cluster or has.vpc) and azs.count"))
        XCTAssertTrue(eval("not (has.cluster and has.vpc)"))
        XCTAssertTrue(eval("not not has.vpc"))
        XCTAssertEqual(try Condition.parse("a or b and c"), .or(.value(.fact("a")), .and(.value(.fact("b")), .value(.fact("c")))))
        XCTAssertEqual(try Condition.parse("not a and b"), .and(.not(.value(.fact("a"))), .value(.fact("b"))))
    }

    func testComparisons() {
        XCTAssertTrue(eval("nat.count == 2"))
        XCTAssertTrue(eval("nat.count >= 2 and nat.count < 3 and nat.count != 1"))
        XCTAssertTrue(eval("nat.count > azs.count"))
        XCTAssertTrue(eval(#"egress.kind == "instance""#))
        XCTAssertTrue(eval("egress.kind != 'NAT gateway'"))
        XCTAssertTrue(eval("subnets.public == 2 and subnets.public > 1"))
        XCTAssertTrue(eval("has.vpc == true"))
        XCTAssertFalse(eval("egress.kind > 1"), "ordering compares numbers only")
        XCTAssertFalse(eval("missing.fact == 1"))
        XCTAssertTrue(eval("missing.fact != 1"))
        XCTAssertTrue(eval("nat.count == -1 or nat.count > -5"))
    }

    func testDescriptionRoundTrips() throws {
        for text in ["a and (b or c)", "not (a and b) or c", #"x.y == "q\"uote""#, "n >= 3", "not a"] {
            let parsed = try Condition.parse(text)
            XCTAssertEqual(try Condition.parse(parsed.description), parsed, text)
        }
        XCTAssertEqual(try Condition.parse("a and (b or c)").description, "a and (b or c)")
        XCTAssertEqual(try Condition.parse("a and b and c").factNames, ["a", "b", "c"])
    }

    func testSyntaxErrorsCarryOffsets() {
        func error(_ text: String) -> String {
            do { _ = try Condition.parse(text); return "no error" } catch { return "\(error.offset): \(error.message)" }
        }
        XCTAssertEqual(error(""), "0: empty condition")
        XCTAssertEqual(error("has.vpc and"), "11: expected a fact name or a value, found end of condition")
        XCTAssertEqual(error("nat.count = 2"), "10: unexpected '=' (use '==')")
        XCTAssertEqual(error("has.vpc && has.cluster"), "8: unexpected '&' (use 'and')")
        XCTAssertEqual(error("(has.vpc or has.cluster"), "23: missing ')' for the '(' at character 1")
        XCTAssertEqual(error("has.vpc has.cluster"), "8: unexpected 'has.cluster'")
        XCTAssertEqual(error(#"egress.kind == "nat"#), #"15: unterminated string"#)
        XCTAssertEqual(error("nat.count > 1.5"), "12: numbers are whole numbers; found '1.'")
        XCTAssertEqual(error("not and"), "4: expected a fact name or a value, found 'and'")
        XCTAssertEqual(error("a == )"), "5: expected a fact name or a value, found ')'")
    }

    func testCheckReportsUnknownFactsAndTypeMismatches() {
        func errors(_ text: String) -> [String] { Condition.check(text).errors.map { "\($0.offset): \($0.message)" } }
        XCTAssertEqual(errors("has.vpc and cni.customNetworking"), [])
        XCTAssertNotNil(Condition.check("has.vpc").condition)
        XCTAssertEqual(errors("has.vpc and has.ingres"), ["12: unknown fact 'has.ingres' (did you mean 'has.ingress'?)"])
        XCTAssertEqual(errors("egress.kind > 2"), ["12: cannot compare egress.kind (string) > 2 (number): '>' compares numbers only"])
        XCTAssertEqual(errors("nat.count == \"2\""), [#"10: cannot compare nat.count (number) == "2" (string): the types differ"#])
        XCTAssertEqual(errors("subnets.public >= 2 and lb.count < nat.count"), [])
        XCTAssertNil(Condition.check("has.nothing").condition)
    }

    func testExplainShowsTheValuesUsed() throws {
        let condition = try Condition.parse("has.cluster and egress.kind == \"instance\" or subnets.public > 5")
        XCTAssertEqual(condition.explain(facts), #"has.cluster = false, egress.kind = "instance", subnets.public = 2 items"#)
    }
}
