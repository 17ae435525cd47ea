@testable import EKSDocIngest
import EKSDocModel
import XCTest

/// The runner against a fake `aws` script: pages, sorting, secrets, retries, timeouts and error kinds.
final class SnapshotRunnerTests: XCTestCase {
    func run(_ runner: SnapshotRunner) -> (SnapshotResult, [SnapshotEvent]) {
        var events: [SnapshotEvent] = []
        let result = runner.run { events.append($0) }
        return (result, events)
    }

    func file(_ result: SnapshotResult, _ name: String) throws -> Node {
        try XCTUnwrap(JSONParser.parse(try XCTUnwrap(result.files[name], name), file: name).node)
    }

    func testNetworkOnlySnapshotWritesOneSortedFilePerCall() throws {
        let aws = try FakeAWS()
        try aws.respond("ec2-describe-subnets", json: #"{"Subnets": [{"SubnetId": "subnet-b"}, {"SubnetId": "subnet-a"}]}"#)
        let (result, events) = run(aws.runner())
        XCTAssertTrue(result.succeeded, "\(result.failures)")
        XCTAssertEqual(result.files.keys.sorted(), [
            "ec2-describe-instances.json", "ec2-describe-internet-gateways.json", "ec2-describe-nat-gateways.json",
            "ec2-describe-network-acls.json", "ec2-describe-route-tables.json", "ec2-describe-security-groups.json",
            "ec2-describe-subnets.json", "ec2-describe-vpc-endpoints.json", "ec2-describe-vpcs.json",
            "elbv2-describe-load-balancers.json", "elbv2-describe-target-groups.json",
        ], "no instances: describe-instance-types is skipped")
        XCTAssertEqual(result.files["ec2-describe-subnets.json"], """
            {
              "Subnets": [
                {
                  "SubnetId": "subnet-a"
                },
                {
                  "SubnetId": "subnet-b"
                }
              ]
            }

            """)
        XCTAssertTrue(aws.calls.allSatisfy { $0.hasPrefix("--output json --region eu-west-1 ") }, "\(aws.calls)")
        XCTAssertTrue(aws.calls(containing: "--filters").isEmpty, "no VPC: unfiltered")
        XCTAssertEqual(events.count, 12)
        XCTAssertTrue(events[1].text.hasPrefix("[2/12] ec2 describe-subnets ... 2 items, "), events[1].text)
        XCTAssertTrue(events[9].text.contains("describe-instance-types ... skipped"), events[9].text)
    }

    func testFollowsNextTokenAndNextMarkerAndMergesPages() throws {
        let aws = try FakeAWS()
        try aws.respond("ec2-describe-vpcs", json: #"{"Vpcs": [{"VpcId": "vpc-3"}], "NextToken": "p2"}"#)
        try aws.respond("ec2-describe-vpcs.p2", json: #"{"Vpcs": [{"VpcId": "vpc-1"}], "NextToken": "p3"}"#)
        try aws.respond("ec2-describe-vpcs.p3", json: #"{"Vpcs": [{"VpcId": "vpc-2"}]}"#)
        try aws.respond("elbv2-describe-load-balancers",
                        json: #"{"LoadBalancers": [{"LoadBalancerArn": "arn:b"}], "NextMarker": "m2"}"#)
        try aws.respond("elbv2-describe-load-balancers.m2", json: #"{"LoadBalancers": [{"LoadBalancerArn": "arn:a"}]}"#)
        let (result, _) = run(aws.runner())
        XCTAssertTrue(result.succeeded, "\(result.failures)")
        let vpcs = try file(result, "ec2-describe-vpcs.json")
        XCTAssertEqual(vpcs.keys, ["Vpcs"], "page tokens are dropped")
        XCTAssertEqual(vpcs["Vpcs"]?.items.compactMap { $0["VpcId"]?.text }, ["vpc-1", "vpc-2", "vpc-3"])
        XCTAssertEqual(aws.calls(containing: "describe-vpcs").count, 3)
        XCTAssertEqual(aws.calls(containing: "describe-vpcs --next-token p3").count, 1)
        let balancers = try file(result, "elbv2-describe-load-balancers.json")
        XCTAssertEqual(balancers["LoadBalancers"]?.items.compactMap { $0["LoadBalancerArn"]?.text }, ["arn:a", "arn:b"])
        XCTAssertEqual(aws.calls(containing: "--marker m2").count, 1)
    }

    func testClusterSnapshotFiltersByItsVPCAndWithholdsSecrets() throws {
        let aws = try FakeAWS()
        try aws.respond("eks-describe-cluster", json: """
            {"cluster": {"name": "prod", "certificateAuthority": {"data": "LS0tLS1CRUdJTiBDRVJU"},
                         "resourcesVpcConfig": {"vpcId": "vpc-1", "subnetIds": ["subnet-1"]}}}
            """)
        try aws.respond("eks-list-nodegroups", json: #"{"nodegroups": ["system", "apps/gpu"]}"#)
        try aws.respond("eks-describe-nodegroup", json: #"{"nodegroup": {"nodegroupName": "x", "instanceTypes": ["m5.large"]}}"#)
        try aws.respond("eks-list-addons", json: #"{"addons": ["vpc-cni"]}"#)
        try aws.respond("eks-describe-addon", json: #"{"addon": {"addonName": "vpc-cni", "addonVersion": "v1.18.0"}}"#)
        try aws.respond("ec2-describe-instances", json: """
            {"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1", "InstanceType": "t3.small",
             "UserData": "IyEvYmluL2Jhc2g="}]}]}
            """)
        try aws.respond("elbv2-describe-load-balancers", json: """
            {"LoadBalancers": [{"LoadBalancerArn": "arn:mine", "VpcId": "vpc-1"}, {"LoadBalancerArn": "arn:other", "VpcId": "vpc-9"}]}
            """)
        let (result, events) = run(aws.runner(cluster: "prod"))
        XCTAssertTrue(result.succeeded, "\(result.failures)")
        XCTAssertEqual(Set(result.files.keys).subtracting(FakeAWS.emptyAnswers.keys.map { $0 + ".json" }), [
            "eks-describe-cluster.json", "eks-describe-nodegroup-system.json", "eks-describe-nodegroup-apps_gpu.json",
            "eks-list-addons.json", "eks-describe-addon-vpc-cni.json",
        ])
        XCTAssertEqual(aws.calls(containing: "Name=vpc-id,Values=vpc-1").count, 8)
        XCTAssertEqual(aws.calls(containing: "Name=attachment.vpc-id,Values=vpc-1").count, 1)
        XCTAssertEqual(aws.calls(containing: "describe-instance-types --instance-types m5.large t3.small").count, 1)
        XCTAssertTrue(result.files["eks-describe-cluster.json"]?.contains(#""data": "(withheld)""#) ?? false)
        XCTAssertFalse(result.files.values.contains { $0.contains("LS0tLS1") || $0.contains("IyEvYmlu") })
        let balancers = try file(result, "elbv2-describe-load-balancers.json")
        XCTAssertEqual(balancers["LoadBalancers"]?.items.compactMap { $0["LoadBalancerArn"]?.text }, ["arn:mine"])
        XCTAssertEqual(events.last?.text.hasPrefix("[18/18] elbv2 describe-target-groups"), true, events.map(\.text).joined(separator: "\n"))
    }

    func testClusterWithoutVPCIdUsesTheVPCOfItsSubnetsAndSkipsUnimplementedAddons() throws {
        let aws = try FakeAWS()
        try aws.respond("eks-describe-cluster", json: #"{"cluster": {"name": "c", "resourcesVpcConfig": {"subnetIds": ["subnet-1"]}}}"#)
        try aws.respond("ec2-describe-subnets", json: #"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-7"}]}"#)
        try aws.respond("eks-list-nodegroups", json: #"{"nodegroups": []}"#)
        try aws.fail("eks-list-addons", stderr: "An error occurred (404) when calling the ListAddons operation: <title>404 Not Found</title>")
        let (result, events) = run(aws.runner(cluster: "c"))
        XCTAssertTrue(result.succeeded, "\(result.failures)")
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(events.contains { $0.kind == .warning && $0.text.contains("eks list-addons ... skipped") })
        XCTAssertNil(result.files["eks-list-addons.json"])
        XCTAssertEqual(aws.calls(containing: "describe-subnets --subnet-ids subnet-1").count, 1)
        XCTAssertEqual(aws.calls(containing: "Name=vpc-id,Values=vpc-7").count, 8)
    }

    func testRetriesThrottlingButNotAccessDenied() throws {
        let aws = try FakeAWS()
        let throttled = "An error occurred (Throttling) when calling the DescribeSubnets operation: Rate exceeded"
        try aws.fail("ec2-describe-subnets", stderr: throttled, times: 2)
        try aws.fail("ec2-describe-vpcs", stderr: "An error occurred (UnauthorizedOperation) when calling the DescribeVpcs operation: You are not authorized to perform this operation.", times: 5)
        let (result, events) = run(aws.runner(retries: 2))
        XCTAssertEqual(aws.calls(containing: "describe-subnets").count, 3, "two throttled answers, then success")
        XCTAssertNotNil(result.files["ec2-describe-subnets.json"])
        XCTAssertEqual(aws.calls(containing: "describe-vpcs").count, 1, "access denied is not retried")
        XCTAssertEqual(result.failures.map(\.kind), [.accessDenied])
        XCTAssertTrue(result.failures[0].message.contains("not authorized"), result.failures[0].message)
        XCTAssertTrue(events.contains { $0.kind == .failure && $0.text.contains("ec2 describe-vpcs ... failed: access denied") })

        let again = try FakeAWS()
        try again.fail("ec2-describe-subnets", stderr: throttled, times: 5)
        let (second, _) = run(again.runner(retries: 1))
        XCTAssertEqual(second.failures, [SnapshotFailure(call: "ec2 describe-subnets", kind: .throttled, message: throttled, attempts: 2)])
    }

    func testStopsACallAfterItsTimeoutAndRetriesIt() throws {
        let aws = try FakeAWS()
        try aws.hang("ec2-describe-route-tables", seconds: 30)
        let started = Date()
        let (result, _) = run(aws.runner(retries: 1, timeout: 0.5))
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        XCTAssertEqual(result.failures.map(\.kind), [.timeout])
        XCTAssertEqual(result.failures.first?.attempts, 2)
        XCTAssertEqual(result.failures.first?.message, "no answer within 0.5 s")
        XCTAssertEqual(aws.calls(containing: "describe-route-tables").count, 2)
    }

    func testNoCredentialsOrUnknownClusterStopsEarly() throws {
        let aws = try FakeAWS()
        try aws.fail("eks-describe-cluster", stderr: "An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: nope.")
        let (result, _) = run(aws.runner(cluster: "nope"))
        XCTAssertEqual(result.failures.map(\.kind), [.unknownCluster])
        XCTAssertEqual(aws.calls.count, 1)

        let anonymous = try FakeAWS()
        try anonymous.fail("ec2-describe-vpcs", stderr: "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n")
        let (second, _) = run(anonymous.runner())
        XCTAssertEqual(second.failures.map(\.kind), [.noCredentials])
        XCTAssertEqual(anonymous.calls.count, 1)
    }

    func testAnswerWithoutItsKeyOrNotJSONFails() throws {
        let aws = try FakeAWS()
        try aws.respond("ec2-describe-vpcs", json: #"{"Something": []}"#)
        try aws.respond("ec2-describe-subnets", json: "not json")
        let (result, _) = run(aws.runner())
        XCTAssertEqual(result.failures.map(\.kind), [.badOutput, .badOutput])
        XCTAssertTrue(result.failures[0].message.contains("no 'Vpcs'"), result.failures[0].message)
    }
}
