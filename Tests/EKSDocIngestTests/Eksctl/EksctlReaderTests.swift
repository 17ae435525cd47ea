import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct EksctlReaderTests {
    let config = """
    apiVersion: eksctl.io/v1alpha5
    kind: ClusterConfig
    metadata:
      name: shop
      region: eu-west-1
      version: "1.30"
      tags: {team: platform}
    kubernetesNetworkConfig:
      serviceIPv4CIDR: 172.20.0.0/16
      ipFamily: IPv4
    vpc:
      id: vpc-0123
      cidr: 10.0.0.0/16
      securityGroup: sg-0cp
      nat: {gateway: Single}
      clusterEndpoints: {publicAccess: true, privateAccess: true}
      publicAccessCIDRs: ["203.0.113.0/24"]
      subnets:
        public:
          eu-west-1a: {id: subnet-pub-a, cidr: 10.0.0.0/20}
          eu-west-1b: {cidr: 10.0.16.0/20}
        private:
          eu-west-1a: {id: subnet-prv-a, cidr: 10.0.128.0/19}
          eu-west-1b: {id: subnet-prv-b, cidr: 10.0.160.0/19}
          pods-c: {id: subnet-pods-c, az: eu-west-1c}
    iam:
      withOIDC: true
      serviceAccounts:
        - metadata: {name: s3-reader, namespace: backend}
          roleARN: arn:aws:iam::111122223333:role/s3-reader
          attachPolicyARNs: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
        - metadata: {name: cluster-autoscaler}
          attachPolicyARNs: ["arn:aws:iam::111122223333:policy/autoscaler"]
      podIdentityAssociations:
        - namespace: shop
          serviceAccountName: carts
          roleARN: arn:aws:iam::111122223333:role/carts
          permissionPolicyARNs: ["arn:aws:iam::111122223333:policy/dynamo"]
    addons:
      - name: vpc-cni
        version: v1.19.6-eksbuild.1
        serviceAccountRoleARN: arn:aws:iam::111122223333:role/cni
        attachPolicyARNs: ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"]
      - name: coredns
      - name: aws-ebs-csi-driver
        podIdentityAssociations:
          - serviceAccountName: ebs-csi-controller-sa
            permissionPolicyARNs: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]
    nodeGroups:
      - name: system
        instanceType: m5.large
        minSize: 1
        maxSize: 3
        desiredCapacity: 2
        volumeSize: 50
        amiFamily: AmazonLinux2023
        privateNetworking: true
        labels: {role: system}
        taints:
          dedicated: "system:NoSchedule"
          gpu: ":NoExecute"
        iam: {instanceRoleARN: "arn:aws:iam::111122223333:role/nodes"}
    managedNodeGroups:
      - name: apps
        instanceTypes: [m5.xlarge, m5a.xlarge]
        spot: true
        minSize: 2
        maxSize: 10
        availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
        taints:
          - {key: workload, value: apps, effect: PreferNoSchedule}
      - name: public-edge
        instanceType: t3.medium
        subnets: [pods-c, subnet-extra]
      - name: bare
    karpenter:
      version: "1.5.0"
      createServiceAccount: true
    cloudWatch:
      clusterLogging:
        enableTypes: ["*"]
    """

    @Test func clusterAndNetwork() throws {
        let (env, diagnostics) = ManifestTestSupport.read(yaml: config, file: "shop.yaml")
        #expect(diagnostics.items.isEmpty)
        #expect(env.region == "eu-west-1")
        let cluster = try #require(env.cluster)
        #expect(cluster == Cluster(
            name: "shop", version: "1.30", region: "eu-west-1", vpc: "vpc-0123",
            subnets: ["subnet-pub-a", "subnet-prv-a", "subnet-prv-b", "subnet-pods-c"], securityGroups: ["sg-0cp"],
            serviceCidr: "172.20.0.0/16", ipFamily: "ipv4", endpointPublic: true, endpointPrivate: true,
            publicAccessCidrs: ["203.0.113.0/24"],
            logging: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            source: SourceLocation(file: "shop.yaml", line: 1, column: 1)))
        #expect(env.vpcs == [VPC(id: "vpc-0123", cidrs: ["10.0.0.0/16"], tags: ["eksdoc:nat": "Single"],
                                 source: SourceLocation(file: "shop.yaml", line: 12, column: 3))])
        func at(_ line: Int, _ column: Int) -> EKSDocModel.SourceLocation { SourceLocation(file: "shop.yaml", line: line, column: column) }
        #expect(env.subnets == [
            Subnet(id: "subnet-pub-a", vpc: "vpc-0123", cidr: "10.0.0.0/20", az: "eu-west-1a",
                   tags: ["eksdoc:tier": "public"], source: at(20, 19)),
            Subnet(id: "eksctl:eu-west-1b-public", vpc: "vpc-0123", cidr: "10.0.16.0/20", az: "eu-west-1b",
                   tags: ["eksdoc:tier": "public"], source: at(21, 19)),
            Subnet(id: "subnet-prv-a", vpc: "vpc-0123", cidr: "10.0.128.0/19", az: "eu-west-1a",
                   tags: ["eksdoc:tier": "private"], source: at(23, 19)),
            Subnet(id: "subnet-prv-b", vpc: "vpc-0123", cidr: "10.0.160.0/19", az: "eu-west-1b",
                   tags: ["eksdoc:tier": "private"], source: at(24, 19)),
            Subnet(id: "subnet-pods-c", vpc: "vpc-0123", az: "eu-west-1c", name: "pods-c",
                   tags: ["eksdoc:tier": "private"], source: at(25, 15)),
        ])
    }

    @Test func nodeGroups() {
        let (env, _) = ManifestTestSupport.read(yaml: config, file: "shop.yaml")
        func at(_ line: Int) -> EKSDocModel.SourceLocation { SourceLocation(file: "shop.yaml", line: line, column: 5) }
        #expect(env.nodeGroups == [
            NodeGroup(name: "system", cluster: "shop", managed: false, instanceTypes: ["m5.large"], min: 1, max: 3,
                      desired: 2, subnets: ["subnet-prv-a", "subnet-prv-b", "subnet-pods-c"],
                      amiType: "AmazonLinux2023", diskSize: 50, labels: ["role": "system"],
                      taints: [Taint(key: "dedicated", value: "system", effect: "NoSchedule"),
                               Taint(key: "gpu", effect: "NoExecute")],
                      nodeRole: "arn:aws:iam::111122223333:role/nodes", source: at(50)),
            NodeGroup(name: "apps", cluster: "shop", managed: true, instanceTypes: ["m5.xlarge", "m5a.xlarge"],
                      min: 2, max: 10,
                      subnets: ["subnet-pub-a", "eksctl:eu-west-1b-public", "eksctl:eu-west-1c-public"],
                      capacityType: "SPOT",
                      taints: [Taint(key: "workload", value: "apps", effect: "PreferNoSchedule")], source: at(64)),
            NodeGroup(name: "public-edge", cluster: "shop", managed: true, instanceTypes: ["t3.medium"],
                      subnets: ["subnet-pods-c", "subnet-extra"], source: at(72)),
            NodeGroup(name: "bare", cluster: "shop", managed: true,
                      subnets: ["subnet-pub-a", "eksctl:eu-west-1b-public"], source: at(75)),
        ])
    }

    @Test func addonsIdentitiesAndKarpenter() {
        let (env, _) = ManifestTestSupport.read(yaml: config, file: "shop.yaml")
        func at(_ line: Int, _ column: Int) -> EKSDocModel.SourceLocation { SourceLocation(file: "shop.yaml", line: line, column: column) }
        #expect(env.addons == [
            Addon(name: "vpc-cni", version: "v1.19.6-eksbuild.1", serviceAccountRole: "arn:aws:iam::111122223333:role/cni",
                  source: at(40, 5)),
            Addon(name: "coredns", source: at(44, 5)),
            Addon(name: "aws-ebs-csi-driver", source: at(45, 5)),
        ])
        #expect(env.identities == [
            IdentityBinding(kind: .irsa, namespace: "kube-system", serviceAccount: "aws-node",
                            roleArn: "arn:aws:iam::111122223333:role/cni",
                            policies: ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"], source: at(40, 5)),
            IdentityBinding(kind: .podIdentity, namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa",
                            policies: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
                            source: at(47, 9)),
            IdentityBinding(kind: .irsa, namespace: "backend", serviceAccount: "s3-reader",
                            roleArn: "arn:aws:iam::111122223333:role/s3-reader",
                            policies: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"], source: at(29, 7)),
            IdentityBinding(kind: .irsa, namespace: "default", serviceAccount: "cluster-autoscaler",
                            policies: ["arn:aws:iam::111122223333:policy/autoscaler"], source: at(32, 7)),
            IdentityBinding(kind: .podIdentity, namespace: "shop", serviceAccount: "carts",
                            roleArn: "arn:aws:iam::111122223333:role/carts",
                            policies: ["arn:aws:iam::111122223333:policy/dynamo"], source: at(35, 7)),
        ])
        #expect(env.karpenter == KarpenterSettings(version: "1.5.0", source: at(77, 3)))
    }

    @Test func privateClusterAndNamedLogTypes() {
        let yaml = """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata: {name: locked, region: us-east-1}
        privateCluster: {enabled: true}
        cloudWatch:
          clusterLogging: {enableTypes: [audit, authenticator]}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.cluster?.endpointPublic == false && env.cluster?.endpointPrivate == true)
        #expect(env.cluster?.logging == ["audit", "authenticator"])
        #expect(env.vpcs.isEmpty && env.subnets.isEmpty)
    }

    @Test func wrongTypesAreErrorsAtTheField() {
        let yaml = """
        apiVersion: eksctl.io/v1alpha5
        kind: ClusterConfig
        metadata:
          name: bad
          region: [eu-west-1]
        vpc:
          cidr: {a: b}
          clusterEndpoints: {publicAccess: maybe}
          subnets:
            private:
              eu-west-1a: subnet-123
        nodeGroups:
          - name: ng
            minSize: two
            labels: [x]
            taints: {special: "true"}
          - instanceType: m5.large
        managedNodeGroups: {name: wrong}
        addons:
          - version: latest
        iam:
          podIdentityAssociations:
            - namespace: x
        karpenter: {version: [1]}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(ManifestTestSupport.lines(diagnostics) == [
            "5:11 error: ClusterConfig bad: field 'region' must be a string, found a list",
            "7:9 error: ClusterConfig bad: field 'cidr' must be a string, found a mapping",
            "8:36 error: ClusterConfig bad: field 'publicAccess' must be a boolean, found a string",
            "11:19 error: ClusterConfig bad: subnet 'eu-west-1a' must be a mapping, found a string",
            "14:14 error: ClusterConfig bad nodeGroups ng: field 'minSize' must be an integer, found a string",
            "15:13 error: ClusterConfig bad nodeGroups ng: field 'labels' must be a mapping, found a list",
            "16:23 error: ClusterConfig bad nodeGroups ng: taint 'special' must be written VALUE:EFFECT (effect NoSchedule, PreferNoSchedule or NoExecute)",
            "17:5 error: ClusterConfig bad: 'name' is missing",
            "18:20 error: ClusterConfig bad: field 'managedNodeGroups' must be a list, found a mapping",
            "20:5 error: ClusterConfig bad: 'name' is missing",
            "23:7 error: ClusterConfig bad: 'serviceAccountName' is missing",
            "24:22 error: ClusterConfig bad: field 'version' must be a string, found a list",
        ])
        #expect(env.cluster?.name == "bad" && env.cluster?.region == nil)
        #expect(env.nodeGroups.map(\.name) == ["ng"])
    }

    @Test func missingNameIsAnErrorAndNothingIsRead() {
        let yaml = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {region: us-east-1}\n"
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(ManifestTestSupport.lines(diagnostics) == ["3:11 error: ClusterConfig: 'name' is missing"])
        #expect(env.cluster == nil && env.region == nil)
    }
}
