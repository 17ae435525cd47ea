@testable import EKSDocIngest
import EKSDocModel
import XCTest

final class SnapshotJSONTests: XCTestCase {
    func parse(_ text: String) throws -> Node {
        try XCTUnwrap(JSONParser.parse(text, file: "test.json").node)
    }

    func canonical(_ text: String, listKey: String = "", idKey: String = "") throws -> String {
        let node = SnapshotJSON.sortedTopLevel(try parse(text), listKey: listKey, idKey: idKey)
        return SnapshotJSON.render(SnapshotJSON.redacted(node).node)
    }

    func testRendersSortedKeysTwoSpacesAndNumbersAsWritten() throws {
        let text = try canonical(#"{"b": [1, 2.50, {"z": null, "a": true}], "a": "x\"y\\/\n", "c": {}, "d": []}"#)
        XCTAssertEqual(text, """
            {
              "a": "x\\"y\\\\/\\n",
              "b": [
                1,
                2.50,
                {
                  "a": true,
                  "z": null
                }
              ],
              "c": {},
              "d": []
            }

            """)
    }

    func testSortsTheTopLevelListByIdAndKeepsNestedOrder() throws {
        let input = """
            {"Subnets": [{"SubnetId": "subnet-c", "Tags": [{"Key": "z"}, {"Key": "a"}]}, {"SubnetId": "subnet-a"},
                         {"Name": "no id"}, {"SubnetId": "subnet-b"}]}
            """
        let node = SnapshotJSON.sortedTopLevel(try parse(input), listKey: "Subnets", idKey: "SubnetId")
        let ids = (node["Subnets"]?.items ?? []).map { $0["SubnetId"]?.text ?? "-" }
        XCTAssertEqual(ids, ["subnet-a", "subnet-b", "subnet-c", "-"])
        let tags = (node["Subnets"]?.items[2]["Tags"]?.items ?? []).compactMap { $0["Key"]?.text }
        XCTAssertEqual(tags, ["z", "a"], "nested lists keep the API's order")
    }

    func testSameAnswerInAnotherOrderGivesTheSameBytes() throws {
        let a = try canonical(#"{"Vpcs": [{"VpcId": "vpc-2", "CidrBlock": "10.2.0.0/16"}, {"VpcId": "vpc-1"}]}"#,
                              listKey: "Vpcs", idKey: "VpcId")
        let b = try canonical(#"{"Vpcs": [{"VpcId": "vpc-1"}, {"CidrBlock": "10.2.0.0/16", "VpcId": "vpc-2"}]}"#,
                              listKey: "Vpcs", idKey: "VpcId")
        XCTAssertEqual(a, b)
    }

    func testWithholdsCertificateUserDataSecretNamesTagsAndSecretLookingValues() throws {
        let input = """
            {"cluster": {"certificateAuthority": {"data": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"},
                         "name": "prod", "data": "kept: only certificateAuthority.data is withheld"},
             "Instances": [{"UserData": "IyEvYmluL2Jhc2g=", "userData": {"value": "x"},
                            "MetadataOptions": {"HttpTokens": "required"},
                            "Tags": [{"Key": "db_password", "Value": "hunter2"}, {"Key": "Name", "Value": "web"}],
                            "Note": "AKIAIOSFODNN7EXAMPLE", "Pem": "-----BEGIN RSA PRIVATE KEY-----\\nabc",
                            "ApiToken": "abc", "SecretArn": null}]}
            """
        let (node, count) = SnapshotJSON.redacted(try parse(input))
        let text = SnapshotJSON.render(node)
        for secret in ["LS0tLS1", "IyEvYmlu", "hunter2", "AKIAIOSFODNN7EXAMPLE", "BEGIN RSA", "\"abc\""] {
            XCTAssertFalse(text.contains(secret), "\(secret) leaked:\n\(text)")
        }
        XCTAssertEqual(node[["cluster", "certificateAuthority", "data"]]?.text, SnapshotJSON.withheld)
        XCTAssertEqual(node[["cluster", "data"]]?.text, "kept: only certificateAuthority.data is withheld")
        let instance = try XCTUnwrap(node["Instances"]?.items.first)
        XCTAssertEqual(instance["userData"]?.text, SnapshotJSON.withheld)
        XCTAssertEqual(instance[["MetadataOptions", "HttpTokens"]]?.text, "required", "a setting, not a secret")
        XCTAssertEqual(instance["Tags"]?.items[0]["Key"]?.text, "db_password")
        XCTAssertEqual(instance["Tags"]?.items[1]["Value"]?.text, "web")
        XCTAssertTrue(instance["SecretArn"]?.isNull ?? false, "null stays null")
        XCTAssertEqual(count, 7)
    }
}
