import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender
import EKSDocTestSupport
import XCTest

final class QAPagesTests: XCTestCase {
    let bank = QAExample.fixtureBank()

    func testPageGroupsByTopicInPageOrderWithUnknownTopicsLast() throws {
        let output = QAPages.build(QAExample.context("leadertools-qas"), questions: bank, practice: false)
        let page = output.page
        XCTAssertEqual(page.path, "leadertools-qas/qa.md")
        XCTAssertEqual(page.title, "Questions and answers")
        let topics = page.markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
        XCTAssertEqual(topics, ["## VPC", "## Subnets", "## NAT", "## Custom networking", "## Appendix"])
        XCTAssertEqual(output.anchors["nat-count"], "q-how-many-nat-gateways-does-the-vpc-have")
        XCTAssertEqual(output.anchors["what-is-a-vpc"], "q-what-is-a-vpc")
        XCTAssertEqual(Set(output.anchors.values).isSubset(of: Set(page.anchors)), true)
        XCTAssertEqual(output.anchors.count, 5)
        XCTAssertTrue(page.markdown.contains("### Q: How many NAT gateways does the VPC have?"))
        XCTAssertTrue(page.markdown.contains("[VPC](#vpc) (1)"), page.markdown)
        XCTAssertTrue(page.markdown.contains("[Practice version, answers folded](qa-practice.md)"))
    }

    func testAnswersUseTheEnvironmentsFacts() {
        let md = QAPages.page(QAExample.context("leadertools-qas"), questions: bank).markdown
        XCTAssertTrue(md.contains("The VPC has 0 NAT gateway(s).\nPrivate subnets do not use them for the internet: their default route goes to i-0919b0c12ffebfc98."), md)
        XCTAssertTrue(md.contains("- `subnet-09d92cbf937adefe5` (leadertools.qas.pods.prv.az1, 100.96.32.0/22, us-west-2a): 1,019 usable"), md)
        XCTAssertTrue(md.contains("That is 2,038 pod addresses; a t3a.medium runs 12\npods per node"), md)
        XCTAssertTrue(md.contains("**Follow-ups:**\n\n- What happens to egress if i-0919b0c12ffebfc98 fails?"), md)
        XCTAssertTrue(md.contains("**Concepts:** [NAT gateway](../concepts/nat-gateway.md), [Route tables](../concepts/route-tables.md)"), md)
        XCTAssertTrue(md.contains(#"**Sources:** Amazon VPC User Guide, "NAT gateways"; <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html>"#), md)
        XCTAssertTrue(md.contains("A logically isolated network in one AWS Region, with its own IPv4 ranges, subnets, route tables and gateways."))
        XCTAssertFalse(md.contains("{{"))
        let retail = QAPages.page(QAExample.context("retail-store"), questions: bank).markdown
        XCTAssertTrue(retail.contains("The VPC has 2 NAT gateway(s): nat-0adf80406cd641b65, nat-0c1a4027bc2fc2741.\n\n"), retail)
    }

    func testFalseConditionsSkipQuestionsWithTheReason() {
        let context = QAExample.context("retail-store")
        let skipped = QAPages.skipped(context, questions: bank)
        XCTAssertEqual(skipped.map(\.question.id), ["custom-networking-pods"])
        XCTAssertEqual(skipped.first?.reason, "`when: cni.customNetworking` is false (cni.customNetworking = false)")
        let page = QAPages.build(context, questions: bank, practice: false)
        XCTAssertNil(page.anchors["custom-networking-pods"])
        XCTAssertFalse(page.page.markdown.contains("Custom networking"))
        XCTAssertTrue(page.page.markdown.contains("1 question of the bank does not apply here."), page.page.markdown)
        XCTAssertEqual(QAPages.skipped(QAExample.context("leadertools-qas"), questions: bank).count, 0)
    }

    func testPracticePageFoldsAnswers() {
        let page = QAPages.practicePage(QAExample.context("leadertools-qas"), questions: bank)
        XCTAssertEqual(page.path, "leadertools-qas/qa-practice.md")
        let md = page.markdown
        XCTAssertEqual(md.components(separatedBy: "<details>\n<summary>Answer</summary>\n\n").count - 1, 5)
        XCTAssertEqual(md.components(separatedBy: "\n</details>\n").count - 1, 5)
        XCTAssertTrue(md.contains("### Q: What is a VPC?\n\n<details>\n<summary>Answer</summary>\n\nA logically isolated"), md)
        XCTAssertTrue(md.contains("[All answers, unfolded](qa.md)"))
        // cmark-gfm keeps the folding tags when raw HTML is allowed for generated pages.
        let html = MarkdownHTML.render(md, allowRawHTML: true)
        XCTAssertTrue(html.contains("<details>"), html)
    }

    func testHostileFactValuesAreEscaped() throws {
        var env = Environment(name: "hostile", region: "us-east-1")
        let here = SourceLocation(file: "x.json", line: 1, column: 1)
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: here)]
        env.internetGateways = [InternetGateway(id: "igw-1", vpcs: ["vpc-1"], source: here)]
        env.routeTables = [RouteTable(id: "rtb-1", vpc: "vpc-1", main: true,
                                      routes: [Route(destination: "0.0.0.0/0", target: "igw-1", source: here)], source: here)]
        env.subnets = [
            Subnet(id: "subnet-1", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1a",
                   name: "<script>alert(1)</script>", source: here),
            Subnet(id: "subnet-2", vpc: "vpc-1", cidr: "10.0.2.0/24", az: "us-east-1b",
                   name: "*x* | [y](javascript:z) {{vpc.id}} `tick`", source: here),
        ]
        let md = QAPages.page(QAExample.context(for: env), questions: bank).markdown
        XCTAssertFalse(md.contains("<script>"), md)
        XCTAssertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), md)
        XCTAssertTrue(md.contains(#"\*x\* \| \[y\](javascript:z) \{\{vpc.id\}\} \`tick\`"#), md)
        XCTAssertFalse(md.contains("[y](javascript"))
    }

    func testPagesAreDeterministic() {
        let (reversed, _) = ContentLoader.load(TestSupport.content, order: .shuffled(seed: 7))
        for name in QAExample.names {
            let a = QASite.pages(QAExample.context(name), bank: bank)
            let env = reversed.environment(named: name)!
            let other = PageContext(inventory: reversed, env: env, facts: EnvironmentAnalysis.analyze(env))
            XCTAssertEqual(a, QASite.pages(other, bank: bank), name)
            XCTAssertEqual(a.map(\.path), ["\(name)/qa.md", "\(name)/qa-practice.md"])
            XCTAssertTrue(a[0].sources.contains("questions/sample.yml"))
            XCTAssertTrue(a[0].sources.contains { $0.hasPrefix("manifests/") || $0.hasPrefix("state/") })
        }
    }

    func testNoQuestionsGivesAShortPage() {
        let md = QAPages.page(QAExample.context("retail-store"), questions: []).markdown
        XCTAssertEqual(md, "# Questions and answers\n\nNo question of the bank applies to `retail-store`.\n")
    }

    func testEmptySubstitutionsBecomeWarnings() {
        let (questions, _) = QAExample.bank("""
        - id: warm
          topic: VPC CNI
          question: What is WARM_IP_TARGET?
          answer: It is {{cni.warmIpTarget}}.
        """)
        let rendering = QARendering(questions, facts: QAExample.leadertools)
        XCTAssertEqual(rendering.rendered.first?.emptyNames, ["cni.warmIpTarget"])
        XCTAssertEqual(QAExample.lines(rendering.problems(environment: "leadertools-qas")), [
            "questions/test.yml:1:3: warning: question 'warm': 'cni.warmIpTarget' is empty for environment 'leadertools-qas'; guard it with a condition or a section",
        ])
    }

    func testTopicsMatchIgnoringCase() {
        XCTAssertEqual(QATopics.sorted(["zeta", "nat", "Alpha", "VPC"]), ["VPC", "nat", "Alpha", "zeta"])
        XCTAssertEqual(QATopics.canonical("route TABLES"), "Route tables")
        XCTAssertEqual(QATopics.canonical("Misc"), "Misc")
    }

    func testSeedFiguresAreCaught() {
        for wrong in ["about ~220 pods", "a /24 has 254 usable addresses", "2,044 pod IPs", "VPC CNI is Calico",
                      "temporary credentials start with AKIA", "internet -> IGW -> internal ALB",
                      "the AWS Load Balancer Controller runs as a DaemonSet", "Pod Identity uses the eks.amazonaws.com/role-arn annotation"] {
            XCTAssertNotEqual(QAExample.seedProblems(wrong), [], wrong)
        }
        for right in ["a /24 has 251 usable addresses", "2,038 pod addresses", "temporary credentials start with ASIA",
                      "Pod Identity does not use the role-arn annotation; IRSA does", "Pod Identity needs no role-arn annotation", "Calico can enforce network policy"] {
            XCTAssertEqual(QAExample.seedProblems(right), [], right)
        }
    }

    func testConceptLabels() {
        XCTAssertEqual(ConceptTitles.label("nat-gateway", titles: [:]), "NAT gateway")
        XCTAssertEqual(ConceptTitles.label("irsa-vs-pod-identity", titles: [:]), "IRSA vs pod identity")
        XCTAssertEqual(ConceptTitles.label("x", titles: ["x": "Ex"]), "Ex")
        XCTAssertEqual(ConceptTitles.title(of: "---\ntitle: \"Route tables\"\n---\n# Other"), "Route tables")
        XCTAssertEqual(ConceptTitles.title(of: "intro\n# Heading\n"), "Heading")
    }
}
