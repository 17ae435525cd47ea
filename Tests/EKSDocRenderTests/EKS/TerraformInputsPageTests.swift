import EKSDocModel
@testable import EKSDocRender
import XCTest

/// The Terraform inputs page: every variable, its value here, type, default and description; secrets withheld.
final class TerraformInputsPageTests: XCTestCase {
    func testRetailVariables() {
        let page = EKSPages.page(TerraformInputsPage.self, "retail-store")
        XCTAssertEqual(page.path, "retail-store/terraform-inputs.md")
        let text = page.text
        XCTAssertTrue(text.contains("28 variables, 27 set for this environment and 1 not set"), text)
        XCTAssertTrue(text.contains("| `cluster_name` | `retail-dev-eksdemo-1` | `string` | `retail-dev-eksdemo` | Name of the EKS cluster."))
        XCTAssertTrue(text.contains("`environments/retail-store/terraform.tfvars:8:19` |"))
        XCTAssertTrue(text.contains("| `availability_zones` | `[us-east-1a, us-east-1b]` | `list(string)` |"))
        XCTAssertTrue(text.contains("`map(object({ instance_types = list(string) capacity_type = optional(string, \"ON_DEMAND\")"), "multi-line types on one line")
        XCTAssertFalse(text.contains("# IAM role name for IRSA"), "comments inside type expressions are dropped")
    }

    func testRetailSensitiveVariableIsWithheld() {
        let text = EKSPages.text(TerraformInputsPage.self, "retail-store")
        XCTAssertTrue(text.contains("| `catalog_db_master_password` (sensitive) | (withheld) | `string` | `null` |"), text)
        XCTAssertFalse(text.contains("EXAMPLE-ONLY"))
    }

    func testUnsetVariableShowsItsDefault() {
        let text = EKSPages.text(TerraformInputsPage.self, "retail-store")
        let row = text.components(separatedBy: "\n").first { $0.hasPrefix("| `external_dns_configuration` |") } ?? ""
        XCTAssertTrue(row.contains("\"policy\": \"upsert-only\""), row)
        XCTAssertTrue(row.contains("(default)"))
        XCTAssertTrue(row.hasSuffix("| not set (default applies) |"), row)
    }

    func testLeadertoolsVariables() {
        let text = EKSPages.text(TerraformInputsPage.self, "leadertools-qas")
        XCTAssertTrue(text.contains("| `cluster_version` | `1.33` | `string` | `1.33` |"), text)
        XCTAssertTrue(text.contains("| `pod_subnets` | `[subnet-09d92cbf937adefe5, subnet-0282b6517b060ced4]` | `list(string)` | `[]` |"))
        XCTAssertTrue(text.contains("| `vpc_id` | `vpc-078e600d57da47c6c` | `string` | `\"\"` |"), "an empty default is visible")
        XCTAssertTrue(text.contains("| `karpenter_ami_selector_terms` | `al2023@v20250620` | `string` | `al2023@latest` |"))
    }

    func testWithoutVariablesTF() {
        var env = Environment(name: "values-only")
        env.terraform = [
            TerraformVariable(name: "region", value: .string("eu-west-1"), valueSource: SourceLocation(file: "env/x.tfvars", line: 1, column: 10),
                              source: SourceLocation(file: "env/x.tfvars", line: 1, column: 1)),
            TerraformVariable(name: "api_token", value: .withheld, valueSource: SourceLocation(file: "env/x.tfvars", line: 2, column: 13),
                              source: SourceLocation(file: "env/x.tfvars", line: 2, column: 1)),
        ]
        let page = TerraformInputsPage.build(Example.context(for: env))
        XCTAssertTrue(page.text.contains("No `variables.tf` was found"), page.text)
        XCTAssertTrue(page.text.contains("| `api_token` | (withheld) | — | — | — | `env/x.tfvars:2:13` |"))
        XCTAssertTrue(page.text.contains("| `region` | `eu-west-1` | — | — | — | `env/x.tfvars:1:10` |"))
        XCTAssertEqual(page.sources, ["env/x.tfvars"])
    }

    func testSecretLookingValuesAreWithheldWhateverTheModelSays() {
        var env = Environment(name: "leaky")
        let source = SourceLocation(file: "variables.tf", line: 1, column: 1)
        env.terraform = [
            TerraformVariable(name: "db_password", value: .string("hunter2-hunter2"), type: "string", source: source),
            TerraformVariable(name: "settings", value: .object([.init("api_key", .string("abc123-not-shown")), .init("size", .number("3"))]),
                              type: "map(string)", source: source),
            TerraformVariable(name: "note", value: .string("AKIAABCDEFGHIJKLMNOP"), type: "string", source: source),
        ]
        let text = TerraformInputsPage.build(Example.context(for: env)).text
        XCTAssertFalse(text.contains("hunter2"), text)
        XCTAssertFalse(text.contains("abc123-not-shown"))
        XCTAssertFalse(text.contains("AKIAABCDEFGHIJKLMNOP"))
        XCTAssertTrue(text.contains("`{api_key = (withheld), size = 3}`"))
    }

    func testNoVariables() {
        let text = TerraformInputsPage.build(Example.context(for: Environment(name: "none"))).text
        XCTAssertTrue(text.contains("hold no Terraform variables"), text)
    }
}
