import EKSDocModel
import Foundation
import Testing
@testable import EKSDocIngest

/// The eksctl project's example ClusterConfigs (shared fixtures, read as they are).
@Suite struct EksctlFixtureTests {
    static let files = [
        "01-simple-cluster.yaml", "02-custom-vpc-cidr-no-nodes.yaml", "04-existing-vpc.yaml",
        "05-advanced-nodegroups.yaml", "09-nat-gateways.yaml", "15-managed-nodes.yaml", "25-addons.yaml",
        "29-cluster-with-karpenter.yaml", "30-vpc-with-ip-family.yaml", "39-pod-identity-association.yaml",
    ]

    static func load(_ name: String) throws -> (env: Environment, diagnostics: Diagnostics) {
        let text = try ManifestTestSupport.text(ManifestTestSupport.sharedFixture("eksctl/" + name))
        return ManifestTestSupport.read(yaml: text, file: "eksctl/" + name)
    }

    @Test func everyFixtureIsListedHere() throws {
        let folder = ManifestTestSupport.sharedFixture("eksctl")
        let yamls = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(yamls.sorted() == Self.files)
    }

    @Test(arguments: files) func loadsCleanly(_ name: String) throws {
        let (env, diagnostics) = try Self.load(name)
        #expect(diagnostics.items.isEmpty, "\(ManifestTestSupport.lines(diagnostics))")
        #expect(env.cluster != nil && env.region == env.cluster?.region && env.kubernetes.isEmpty)
    }

    @Test func simpleCluster() throws {
        let (env, _) = try Self.load("01-simple-cluster.yaml")
        #expect(env.cluster?.name == "cluster-1" && env.region == "eu-north-1" && env.cluster?.version == nil)
        #expect(env.nodeGroups.map { [$0.name, "\($0.managed!)", $0.instanceTypes.joined(), "\($0.desired!)"] }
                == [["ng-1", "false", "m5.large", "10"]])
        #expect(env.vpcs.isEmpty && env.addons.isEmpty)
    }

    @Test func customVPCCidrWithoutNodes() throws {
        let (env, _) = try Self.load("02-custom-vpc-cidr-no-nodes.yaml")
        #expect(env.cluster?.name == "cluster-2" && env.cluster?.vpc == "eksctl:cluster-2-vpc")
        #expect(env.vpcs.map(\.id) == ["eksctl:cluster-2-vpc"] && env.vpcs.first?.cidrs == ["10.10.0.0/16"])
        #expect(env.nodeGroups.isEmpty && env.subnets.isEmpty)
    }

    @Test func existingVPC() throws {
        let (env, _) = try Self.load("04-existing-vpc.yaml")
        let ids = ["subnet-0b2512f8c6ae9bf30", "subnet-08cb9a2ed60394ce3", "subnet-00f71956cdec8f1dc"]
        #expect(env.cluster?.name == "cluster-4" && env.cluster?.vpc == "vpc-0dd338ecf29863c55")
        #expect(env.cluster?.subnets == ids)
        #expect(env.vpcs.first?.cidrs == ["192.168.0.0/16"] && env.vpcs.first?.tags == [:])
        #expect(env.subnets.map(\.id) == ids)
        #expect(env.subnets.map { $0.az ?? "" } == ["eu-north-1a", "eu-north-1b", "eu-north-1c"])
        #expect(env.subnets.map { $0.cidr ?? "" } == ["192.168.128.0/19", "192.168.64.0/19", "192.168.0.0/19"])
        #expect(env.subnets.allSatisfy { $0.tags == ["eksdoc:tier": "private"] && $0.vpc == "vpc-0dd338ecf29863c55" })
        let group = try #require(env.nodeGroups.first)
        #expect(env.nodeGroups.count == 1)
        #expect(group.name == "ng-1" && group.instanceTypes == ["m5.xlarge"] && group.desired == 2)
        #expect(group.subnets == ids)
    }

    @Test func advancedNodeGroups() throws {
        let (env, _) = try Self.load("05-advanced-nodegroups.yaml")
        #expect(env.cluster?.name == "cluster-5" && env.region == "eu-west-2")
        #expect(env.nodeGroups.map(\.name) == ["ng1-public", "ng2-private-a", "ng3-private-b"])
        #expect(env.nodeGroups.map(\.instanceTypes) == [["m5.xlarge"], ["m5.large"], ["c3.8xlarge"]])
        #expect(env.nodeGroups.allSatisfy { $0.managed == false })
        let public1 = env.nodeGroups[0]
        #expect(public1.min == 2 && public1.max == 8 && public1.desired == nil && public1.diskSize == 100)
        #expect(public1.amiType == "AmazonLinux2" && public1.labels == ["nodegroup-type": "frontend-workloads"])
        #expect(env.nodeGroups[1].desired == 2 && env.nodeGroups[1].labels == ["nodegroup-type": "backend-cluster-addons"])
        let science = env.nodeGroups[2]
        #expect(science.desired == 4 && science.taints == [Taint(key: "special", value: "true", effect: "NoSchedule")])
        #expect(science.subnets == ["eksctl:eu-west-2a-private"])
    }

    @Test func natGateways() throws {
        let (env, _) = try Self.load("09-nat-gateways.yaml")
        #expect(env.cluster?.name == "cluster-9" && env.region == "eu-west-1")
        #expect(env.vpcs == [VPC(id: "eksctl:cluster-9-vpc", tags: ["eksdoc:nat": "HighlyAvailable"],
                                 source: SourceLocation(file: "eksctl/09-nat-gateways.yaml", line: 11, column: 3))])
        #expect(env.nodeGroups.map(\.name) == ["ng-1"] && env.nodeGroups.first?.instanceTypes == ["m5.xlarge"])
    }

    @Test func managedNodes() throws {
        let (env, _) = try Self.load("15-managed-nodes.yaml")
        #expect(env.cluster?.name == "cluster-15" && env.region == "us-west-2")
        #expect(env.nodeGroups.map(\.name) == ["managed-ng-public", "managed-ng-private", "custom-ami",
                                               "custom-launch-template"])
        #expect(env.nodeGroups.allSatisfy { $0.managed == true })
        #expect(env.nodeGroups.map(\.instanceTypes) == [["m5.large"], ["m5.large"], [], []])
        let first = env.nodeGroups[0]
        #expect(first.min == 2 && first.desired == 3 && first.max == 4 && first.diskSize == 20)
        #expect(first.subnets == ["eksctl:us-west-2a-public", "eksctl:us-west-2b-public"])
        #expect(first.labels == ["role": "worker"])
        #expect(first.taints == [Taint(key: "key1", value: "value1", effect: "NoSchedule"),
                                 Taint(key: "key2", effect: "NoExecute")])
    }

    @Test func addons() throws {
        let (env, _) = try Self.load("25-addons.yaml")
        #expect(env.cluster?.name == "cluster-25" && env.cluster?.version == "1.18")
        #expect(env.nodeGroups.map(\.name) == ["mng1"] && env.nodeGroups.first?.managed == true)
        #expect(env.addons.map(\.name) == ["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver"])
        #expect(env.addons.map(\.version) == [nil, "latest", "latest", nil])
        #expect(env.identities.map { "\($0.kind) \($0.namespace)/\($0.serviceAccount) \($0.policies)" }
                == ["irsa kube-system/aws-node [\"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\"]"])
    }

    @Test func karpenter() throws {
        let (env, _) = try Self.load("29-cluster-with-karpenter.yaml")
        #expect(env.cluster?.name == "cluster-with-karpenter" && env.cluster?.version == "1.21")
        #expect(env.karpenter?.version == "0.6.2")
        let group = try #require(env.nodeGroups.first)
        #expect(group.name == "managed-ng-1" && group.min == 1 && group.max == 2 && group.desired == 1)
    }

    @Test func ipFamily() throws {
        let (env, _) = try Self.load("30-vpc-with-ip-family.yaml")
        #expect(env.cluster?.name == "cluster-30" && env.cluster?.version == "1.28" && env.cluster?.ipFamily == "ipv6")
        #expect(env.addons.map(\.name) == ["vpc-cni", "coredns", "kube-proxy"])
        #expect(env.addons.allSatisfy { $0.version == "latest" })
        #expect(env.nodeGroups.map(\.name) == ["mng-1"])
    }

    @Test func podIdentityAssociations() throws {
        let (env, _) = try Self.load("39-pod-identity-association.yaml")
        #expect(env.cluster?.name == "cluster-39")
        #expect(env.addons.map(\.name) == ["eks-pod-identity-agent"])
        #expect(env.identities.allSatisfy { $0.kind == .podIdentity })
        #expect(env.identities.map { "\($0.namespace)/\($0.serviceAccount)" }
                == ["default/s3-reader", "dev/app-cache-access", "dev/nginx", "default/cross-account-s3-reader"])
        #expect(env.identities.map(\.roleArn) == ["arn:aws:iam::111122223333:role/role-1", nil, nil,
                                                   "arn:aws:iam::111122223333:role/role-a"])
        #expect(env.identities[1].policies == ["arn:aws:iam::111122223333:policy/permission-policy-1",
                                               "arn:aws:iam::111122223333:policy/permission-policy-2"])
    }
}
