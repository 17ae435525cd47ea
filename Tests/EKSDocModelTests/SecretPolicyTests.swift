import EKSDocModel
import XCTest

final class SecretPolicyTests: XCTestCase {
    func testSecretNames() {
        for name in ["db_password", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "aws_access_key_id", "api-token", "tls.key",
                     "private_key", "clientSecret", "github_token", "RETAIL_CATALOG_PERSISTENCE_PASSWORD", "passwd"] {
            XCTAssertTrue(SecretPolicy.isSecretName(name), name)
        }
        for name in ["cluster_name", "vpc_id", "instance_types", "CATALOG_PERSISTENCE_USER", "region", "keyName"] {
            XCTAssertFalse(SecretPolicy.isSecretName(name), name)
        }
    }

    func testSecretShapedValues() {
        XCTAssertTrue(SecretPolicy.looksSecret("AKIAIOSFODNN7EXAMPLE"))
        XCTAssertTrue(SecretPolicy.looksSecret("key=ASIAY34FZKBOKMUTVV7A;"))
        XCTAssertTrue(SecretPolicy.looksSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
        XCTAssertTrue(SecretPolicy.looksSecret("-----BEGIN RSA PRIVATE KEY-----\nMIIE..."))
        XCTAssertTrue(SecretPolicy.looksSecret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk"))
        XCTAssertFalse(SecretPolicy.looksSecret("AKIAshort"))
        XCTAssertFalse(SecretPolicy.looksSecret("XAKIAIOSFODNN7EXAMPLE1"))
        XCTAssertFalse(SecretPolicy.looksSecret("subnet-06582423b4bddaaef"))
        XCTAssertFalse(SecretPolicy.looksSecret("arn:aws:iam::123456789012:role/eks-node-role"))
        // 40 hex characters (a git commit id) is not an AWS secret key: no upper case.
        XCTAssertFalse(SecretPolicy.looksSecret("0123456789abcdef0123456789abcdef01234567"))
    }

    func testShouldWithholdCombinesNameAndValue() {
        XCTAssertTrue(SecretPolicy.shouldWithhold(name: "PASSWORD", value: "x"))
        XCTAssertTrue(SecretPolicy.shouldWithhold(name: "note", value: "AKIAIOSFODNN7EXAMPLE"))
        XCTAssertFalse(SecretPolicy.shouldWithhold(name: "note", value: "hello"))
    }
}

final class EnvironmentSecretTests: XCTestCase {
    func testTagsLabelsAndNamesHoldingSecretsAreWithheld() {
        var env = Environment(name: "e")
        env.vpcs = [VPC(id: "vpc-1", name: "AKIAIOSFODNN7EXAMPLE", tags: ["Name": "AKIAIOSFODNN7EXAMPLE", "team": "web", "db_password": "x"],
                        source: SourceLocation(file: "a"))]
        env.instances = [Instance(id: "i-1", tags: ["bootstrap": "-----BEGIN RSA PRIVATE KEY-----\nabc"], source: SourceLocation(file: "a"))]
        env.nodeGroups = [NodeGroup(name: "g", labels: ["api-token": "t", "role": "web"], source: SourceLocation(file: "a"))]
        let clean = env.withholdingSecrets()
        XCTAssertEqual(clean.vpcs[0].tags, ["Name": "(withheld)", "team": "web", "db_password": "(withheld)"])
        XCTAssertEqual(clean.vpcs[0].name, "(withheld)")
        XCTAssertEqual(clean.instances[0].tags["bootstrap"], "(withheld)")
        XCTAssertEqual(clean.nodeGroups[0].labels, ["api-token": "(withheld)", "role": "web"])
        XCTAssertEqual(env.withholdingSecrets().withholdingSecrets(), clean, "idempotent")
    }
}
