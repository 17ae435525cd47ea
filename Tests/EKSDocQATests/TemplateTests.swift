import EKSDocQA
import XCTest

final class TemplateTests: XCTestCase {
    let facts = Facts([
        "vpc.id": .string("vpc-1"),
        "env.name": .string("*prod* <b>&"),
        "nat.count": .number(2038),
        "has.vpc": .bool(true),
        "has.cluster": .bool(false),
        "cni.warmIpTarget": .string(""),
        "subnets.public": .list([
            .item(["id": .string("subnet-a"), "name": .string("pub_a"), "freeNow": .string("10")]),
            .item(["id": .string("subnet-b"), "name": .string("pub-b"), "freeNow": .string("")]),
        ]),
        "nested": .map(["inner": .map(["leaf": .string("deep")])]),
        "words": .list([.string("x"), .string("y")]),
    ])

    private func render(_ text: String) -> Template.Rendering {
        let (template, errors) = Template.parse(text)
        XCTAssertEqual(errors, [], text)
        return template!.rendering(facts)
    }

    func testVariablesAreEscapedForMarkdownUnlessTriple() {
        XCTAssertEqual(render("Env {{env.name}}.").text, #"Env \*prod\* &lt;b&gt;&amp;."#)
        XCTAssertEqual(render("Env {{{env.name}}} {{& env.name}}.").text, "Env *prod* <b>& *prod* <b>&.")
        XCTAssertEqual(render("{{ vpc.id }} has {{nat.count}} NATs").text, "vpc-1 has 2,038 NATs")
        XCTAssertEqual(render("{{has.vpc}}/{{has.cluster}}").text, "true/false")
    }

    func testValuesInsideCodeAreNotBackslashEscaped() {
        XCTAssertEqual(render("Run `kubectl -n {{env.name}}` now, then {{env.name}}.").text,
                       #"Run `kubectl -n *prod* <b>&` now, then \*prod\* &lt;b&gt;&amp;."#)
        XCTAssertEqual(render("```sh\naws ec2 describe-vpcs --vpc-ids {{vpc.id}} # {{env.name}}\n```\n{{env.name}}").text,
                       "```sh\naws ec2 describe-vpcs --vpc-ids vpc-1 # *prod* <b>&\n```\n\\*prod\\* &lt;b&gt;&amp;")
        // A stray backtick opens no code span: the value stays escaped.
        XCTAssertEqual(render("A ` stray {{env.name}}").text, #"A ` stray \*prod\* &lt;b&gt;&amp;"#)
        XCTAssertEqual(render("`a`\n\nx ` {{env.name}}\n\n`y`").text, "`a`\n\nx ` \\*prod\\* &lt;b&gt;&amp;\n\n`y`")
        XCTAssertEqual(render("``a ` {{env.name}}`` and \\`{{env.name}}`").text, #"``a ` *prod* <b>&`` and \`\*prod\* &lt;b&gt;&amp;`"#)
        XCTAssertEqual(render("~~~\n{{env.name}}\n~~~\n{{env.name}}").text, "~~~\n*prod* <b>&\n~~~\n\\*prod\\* &lt;b&gt;&amp;")
        let hostile = Facts(["vpc.id": .string("a`b```c")])
        XCTAssertEqual(Template("`{{vpc.id}}`").render(hostile), "`a'b'''c`")
    }

    func testSectionsOverListsExposeItemFieldsAndDot() {
        XCTAssertEqual(render("{{#subnets.public}}[{{id}} {{name}}]{{/subnets.public}}").text,
                       #"[subnet-a pub\_a][subnet-b pub-b]"#)
        XCTAssertEqual(render("{{#words}}<{{.}}>{{/words}}").text, "<x><y>")
        XCTAssertEqual(render("{{#words}}({{.}}){{/words}}").text, "(x)(y)")
        // Outer names stay visible inside a section; an item field shadows nothing it does not have.
        XCTAssertEqual(render("{{#subnets.public}}{{id}}@{{vpc.id}} {{/subnets.public}}").text, "subnet-a@vpc-1 subnet-b@vpc-1 ")
        // Nested truthy section on an item field.
        XCTAssertEqual(render("{{#subnets.public}}{{id}}{{#freeNow}} ({{freeNow}} free){{/freeNow}};{{/subnets.public}}").text,
                       "subnet-a (10 free);subnet-b;")
    }

    func testTruthyAndInvertedSections() {
        XCTAssertEqual(render("{{#has.vpc}}yes{{/has.vpc}}{{^has.vpc}}no{{/has.vpc}}").text, "yes")
        XCTAssertEqual(render("{{#has.cluster}}yes{{/has.cluster}}{{^has.cluster}}no{{/has.cluster}}").text, "no")
        XCTAssertEqual(render("{{#cni.warmIpTarget}}set{{/cni.warmIpTarget}}{{^cni.warmIpTarget}}unset{{/cni.warmIpTarget}}").text, "unset")
        XCTAssertEqual(render("{{^missing.fact}}none{{/missing.fact}}").text, "none")
        XCTAssertEqual(render("{{#nat.count}}{{nat.count}} NAT{{/nat.count}}").text, "2,038 NAT")
    }

    func testCommentsAndDottedNamesThroughNestedMaps() {
        XCTAssertEqual(render("a{{! a comment }}b").text, "ab")
        XCTAssertEqual(render("{{nested.inner.leaf}}").text, "deep")
        XCTAssertEqual(render("{{#nested.inner}}{{leaf}}{{/nested.inner}}").text, "deep")
    }

    func testStandaloneTagsLeaveNoBlankLines() {
        let text = """
        Public subnets:
        {{! listed by AZ }}
        {{#subnets.public}}
        - {{id}}
        {{/subnets.public}}
          {{^has.cluster}}
        No cluster.
          {{/has.cluster}}
        End.
        """
        XCTAssertEqual(render(text).text, "Public subnets:\n- subnet-a\n- subnet-b\nNo cluster.\nEnd.")
        // Tags sharing a line with text are not standalone.
        XCTAssertEqual(render("A {{#has.vpc}}\nB\n{{/has.vpc}} C").text, "A \nB\n C")
        XCTAssertEqual(render("{{#has.vpc}}\nx\n{{/has.vpc}}\n").text, "x\n")
        // A variable alone on a line keeps its line.
        XCTAssertEqual(render("a\n{{vpc.id}}\nb").text, "a\nvpc-1\nb")
    }

    func testEmptySubstitutionsAreRecorded() {
        let result = render("W={{cni.warmIpTarget}} U={{unknown.fact}} {{#subnets.public}}{{freeNow}}{{/subnets.public}} {{vpc.id}}")
        XCTAssertEqual(result.emptyNames, ["cni.warmIpTarget", "unknown.fact", "freeNow"])
        XCTAssertEqual(render("{{vpc.id}}").emptyNames, [])
    }

    func testSyntaxErrorsCarryOffsets() {
        func errors(_ text: String) -> [String] { Template.parse(text).errors.map { "\($0.offset): \($0.message)" } }
        XCTAssertEqual(errors("ab {{#has.vpc}} x"), ["3: section 'has.vpc' is never closed (missing '{{/has.vpc}}')"])
        XCTAssertEqual(errors("x {{/has.vpc}}"), ["2: '{{/has.vpc}}' closes no open section"])
        XCTAssertEqual(errors("{{#a}}{{/b}}{{/a}}"), ["6: '{{/b}}' does not match the open section 'a'"])
        XCTAssertEqual(errors("ok {{vpc.id"), ["3: '{{' is never closed with '}}'"])
        XCTAssertEqual(errors("{{> partial}}"), ["0: '{{>' tags (partials, delimiters, blocks) are not supported"])
        XCTAssertEqual(errors("{{bad name}}"), ["0: invalid name 'bad name' in a tag"])
        XCTAssertEqual(errors("{{}}"), ["0: empty tag '{{}}'"])
    }

    func testNamesAreCheckedAgainstTheRegistryWithSectionScopes() {
        func nameErrors(_ text: String) -> [String] { Template.parse(text).template!.nameErrors.map { "\($0.offset): \($0.message)" } }
        XCTAssertEqual(nameErrors("{{vpc.id}} {{#subnets.public}}{{id}} {{cidr}} {{freeNow}}{{/subnets.public}}"), [])
        XCTAssertEqual(nameErrors("{{egress.targt}}"), ["0: unknown fact 'egress.targt' (did you mean 'egress.target'?)"])
        XCTAssertEqual(nameErrors("{{cidr}}"), ["0: unknown fact 'cidr'"])
        XCTAssertEqual(nameErrors("{{#subnets.public}}{{destination}}{{/subnets.public}}"),
                       ["19: unknown fact 'destination'"])
        XCTAssertEqual(nameErrors("{{subnets.public}}"),
                       ["0: 'subnets.public' is a list of {id, name, cidr, az, usable, freeNow}: use '{{#subnets.public}}...{{/subnets.public}}'"])
        XCTAssertEqual(nameErrors("{{.}}"), ["0: '{{.}}' outside a section"])
        // An inverted section opens no item scope.
        XCTAssertEqual(nameErrors("{{^subnets.public}}{{id}}{{/subnets.public}}"), ["19: unknown fact 'id'"])
    }

    func testReferencedNamesLeaveOutItemFields() {
        let template = Template("{{vpc.id}} {{#subnets.public}}{{id}} {{env.name}}{{/subnets.public}}{{! x }}{{vpc.id}}")
        XCTAssertEqual(template.referencedNames, ["vpc.id", "subnets.public", "env.name"])
        XCTAssertEqual(Template("No facts at all.").referencedNames, [])
    }

    func testRenderingIsDeterministic() {
        let text = "{{#subnets.public}}{{id}}{{/subnets.public}} {{nested.inner.leaf}} {{env.name}}"
        XCTAssertEqual(Set((0..<20).map { _ in Template(text).render(facts) }).count, 1)
    }
}
