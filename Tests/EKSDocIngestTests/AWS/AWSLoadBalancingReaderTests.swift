import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// elbv2 describe-load-balancers and describe-target-groups.
final class AWSLoadBalancingReaderTests: XCTestCase {
    func testLoadBalancers() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"LoadBalancers": [
          {"LoadBalancerArn": "arn:aws:elasticloadbalancing:us-west-2:739284516203:loadbalancer/app/k8s-crownpea-cacheloa-eeae3fde2b/040834199a8467a9",
           "DNSName": "internal-k8s-crownpea-cacheloa-eeae3fde2b-1738588340.us-west-2.elb.amazonaws.com",
           "LoadBalancerName": "k8s-crownpea-cacheloa-eeae3fde2b", "Scheme": "internal", "VpcId": "vpc-1",
           "State": {"Code": "active"}, "Type": "application",
           "AvailabilityZones": [{"ZoneName": "us-west-2a", "SubnetId": "subnet-a", "LoadBalancerAddresses": []},
                                 {"ZoneName": "us-west-2b", "SubnetId": "subnet-b", "LoadBalancerAddresses": []}],
           "SecurityGroups": ["sg-092ea2ae08df86c55"], "IpAddressType": "ipv4"},
          {"LoadBalancerArn": "arn:aws:elasticloadbalancing:us-west-2:739284516203:loadbalancer/net/public-nlb/0123456789abcdef",
           "Scheme": "internet-facing", "Type": "network", "AvailabilityZones": [{"SubnetId": "subnet-pub"}]}
        ], "NextMarker": "xyz"}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.loadBalancers.map(\.name), ["k8s-crownpea-cacheloa-eeae3fde2b", "public-nlb"])
        let alb = env.loadBalancers[0]
        XCTAssertEqual(alb.scheme, "internal")
        XCTAssertEqual(alb.type, "application")
        XCTAssertEqual(alb.state, "active")
        XCTAssertEqual(alb.subnets, ["subnet-a", "subnet-b"])
        XCTAssertEqual(alb.securityGroups, ["sg-092ea2ae08df86c55"])
        XCTAssertEqual(alb.vpc, "vpc-1")
        XCTAssertEqual(alb.dnsName, "internal-k8s-crownpea-cacheloa-eeae3fde2b-1738588340.us-west-2.elb.amazonaws.com")
        XCTAssertEqual(env.loadBalancers[1].scheme, "internet-facing")
        XCTAssertEqual(env.loadBalancers[1].securityGroups, [])
    }

    func testTargetGroupsNameTheirLoadBalancers() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"TargetGroups": [
          {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-west-2:739284516203:targetgroup/k8s-crownpea-cacheloa-27b05dbbcb/0a78c88555ac6ae6",
           "TargetGroupName": "k8s-crownpea-cacheloa-27b05dbbcb", "Protocol": "HTTP", "Port": 8080, "VpcId": "vpc-1",
           "HealthCheckPath": "/health", "Matcher": {"HttpCode": "200"},
           "LoadBalancerArns": [
             "arn:aws:elasticloadbalancing:us-west-2:739284516203:loadbalancer/app/k8s-crownpea-cacheloa-eeae3fde2b/040834199a8467a9",
             "arn:aws:elasticloadbalancing:us-west-2:739284516203:loadbalancer/net/nlb-1/0123",
             "arn:aws:elasticloadbalancing:us-west-2:739284516203:something/else"],
           "TargetType": "ip", "ProtocolVersion": "HTTP1", "IpAddressType": "ipv4"},
          {"TargetGroupName": "unused", "TargetType": "instance", "Port": "eighty"}
        ]}
        """)
        XCTAssertEqual(env.targetGroups.map(\.name), ["k8s-crownpea-cacheloa-27b05dbbcb", "unused"])
        let group = env.targetGroups[0]
        XCTAssertEqual(group.loadBalancers, [
            "k8s-crownpea-cacheloa-eeae3fde2b", "nlb-1",
            "arn:aws:elasticloadbalancing:us-west-2:739284516203:something/else",
        ])
        XCTAssertEqual(group.targetType, "ip")
        XCTAssertEqual(group.protocol, "HTTP")
        XCTAssertEqual(group.port, 8080)
        XCTAssertEqual(group.vpc, "vpc-1")
        XCTAssertEqual(env.targetGroups[1].loadBalancers, [])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:10:67: error: elbv2 describe-target-groups TargetGroups[1]: field 'Port' must be an integer, "
                + "found a string",
        ])
    }

    func testLoadBalancerNameFromArn() {
        XCTAssertEqual(AWSReaderSupport.loadBalancerName(
            fromARN: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/gwy/inspect/abc"), "inspect")
        XCTAssertNil(AWSReaderSupport.loadBalancerName(fromARN: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/classic"))
        XCTAssertNil(AWSReaderSupport.loadBalancerName(fromARN: "not an arn"))
    }
}
