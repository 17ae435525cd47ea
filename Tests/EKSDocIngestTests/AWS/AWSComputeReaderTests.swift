import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// describe-instances and describe-instance-types.
final class AWSComputeReaderTests: XCTestCase {
    func testInstancesFromEveryReservation() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"Reservations": [
          {"ReservationId": "r-1", "OwnerId": "739284516203", "Groups": [], "Instances": [
            {"InstanceId": "i-0919b0c12ffebfc98", "InstanceType": "t3.medium",
             "Placement": {"AvailabilityZone": "us-west-2a", "GroupName": "", "Tenancy": "default"},
             "PrivateIpAddress": "10.142.39.20", "PublicIpAddress": "44.242.118.37",
             "State": {"Code": 16, "Name": "running"}, "SubnetId": "subnet-pub", "VpcId": "vpc-1",
             "SecurityGroups": [{"GroupName": "aviatrix", "GroupId": "sg-avx"}],
             "SourceDestCheck": false,
             "NetworkInterfaces": [
               {"NetworkInterfaceId": "eni-092ac8924f80cad3b", "SourceDestCheck": false},
               {"NetworkInterfaceId": "eni-second"}],
             "Tags": [{"Key": "Name", "Value": "aviatrix-gw"}]}
          ]},
          {"ReservationId": "r-2", "Instances": [
            {"InstanceId": "i-node", "InstanceType": "t3a.medium", "State": {"Name": "stopped"},
             "Placement": {"AvailabilityZone": "us-west-2b"}, "SourceDestCheck": true}
          ]}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.instances.map(\.id), ["i-0919b0c12ffebfc98", "i-node"])
        let gateway = env.instances[0]
        XCTAssertEqual(gateway.type, "t3.medium")
        XCTAssertEqual(gateway.az, "us-west-2a")
        XCTAssertEqual(gateway.state, "running")
        XCTAssertEqual(gateway.privateIp, "10.142.39.20")
        XCTAssertEqual(gateway.publicIp, "44.242.118.37")
        XCTAssertEqual(gateway.securityGroups, ["sg-avx"])
        XCTAssertEqual(gateway.networkInterfaces, ["eni-092ac8924f80cad3b", "eni-second"])
        XCTAssertEqual(gateway.sourceDestCheck, false)
        XCTAssertEqual(gateway.name, "aviatrix-gw")
        XCTAssertEqual(gateway.subnet, "subnet-pub")
        XCTAssertEqual(gateway.vpc, "vpc-1")
        XCTAssertEqual(gateway.source, SourceLocation(file: "snap.json", line: 3, column: 5))
        XCTAssertEqual(env.instances[1].state, "stopped")
        XCTAssertEqual(env.instances[1].sourceDestCheck, true)
    }

    func testInstanceTypesPreferTheDefaultNetworkCard() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"InstanceTypes": [
          {"InstanceType": "m5.large", "Hypervisor": "nitro",
           "VCpuInfo": {"DefaultVCpus": 2, "DefaultCores": 1, "DefaultThreadsPerCore": 2},
           "NetworkInfo": {"NetworkPerformance": "Up to 10 Gigabit", "MaximumNetworkInterfaces": 3,
             "MaximumNetworkCards": 1, "DefaultNetworkCardIndex": 0,
             "NetworkCards": [{"NetworkCardIndex": 0, "NetworkPerformance": "Up to 10 Gigabit",
                               "MaximumNetworkInterfaces": 3, "BaselineBandwidthInGbps": 0.75}],
             "Ipv4AddressesPerInterface": 10, "Ipv6AddressesPerInterface": 10, "Ipv6Supported": true}},
          {"InstanceType": "p4d.24xlarge", "Hypervisor": "nitro", "VCpuInfo": {"DefaultVCpus": 96},
           "NetworkInfo": {"MaximumNetworkInterfaces": 60, "MaximumNetworkCards": 4, "DefaultNetworkCardIndex": 0,
             "NetworkCards": [
               {"NetworkCardIndex": 0, "MaximumNetworkInterfaces": 15},
               {"NetworkCardIndex": 1, "MaximumNetworkInterfaces": 15},
               {"NetworkCardIndex": 2, "MaximumNetworkInterfaces": 15},
               {"NetworkCardIndex": 3, "MaximumNetworkInterfaces": 15}],
             "Ipv4AddressesPerInterface": 50}},
          {"InstanceType": "x.cards", "VCpuInfo": {"DefaultVCpus": 8},
           "NetworkInfo": {"MaximumNetworkInterfaces": 12, "DefaultNetworkCardIndex": 1,
             "NetworkCards": [{"NetworkCardIndex": 0, "MaximumNetworkInterfaces": 4},
                              {"NetworkCardIndex": 1, "MaximumNetworkInterfaces": 8}],
             "Ipv4AddressesPerInterface": 30}},
          {"InstanceType": "c3.8xlarge", "Hypervisor": "xen", "VCpuInfo": {"DefaultVCpus": 32},
           "NetworkInfo": {"MaximumNetworkInterfaces": 8, "Ipv4AddressesPerInterface": 30}}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.instanceTypes.map(\.name), ["m5.large", "p4d.24xlarge", "x.cards", "c3.8xlarge"])
        XCTAssertEqual(env.instanceTypes.map(\.maxENIs), [3, 15, 8, 8])
        XCTAssertEqual(env.instanceTypes.map(\.ipv4PerENI), [10, 50, 30, 30])
        XCTAssertEqual(env.instanceTypes.map(\.vcpus), [2, 96, 8, 32])
        XCTAssertEqual(env.instanceTypes.map(\.hypervisor), ["nitro", "nitro", "", "xen"])
        XCTAssertEqual(env.instanceTypes[0].source, SourceLocation(file: "snap.json", line: 2, column: 3))
    }

    func testInstanceTypeWithoutLimitsIsAnError() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"InstanceTypes": [{"InstanceType": "mystery.large", "VCpuInfo": {"DefaultVCpus": 2}}]}
        """)
        XCTAssertEqual(env.instanceTypes, [])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:1:20: error: describe-instance-types InstanceTypes[0] (mystery.large): missing "
                + "NetworkInfo.MaximumNetworkInterfaces, NetworkInfo.Ipv4AddressesPerInterface",
        ])
    }
}
