import EKSDocModel
@testable import EKSDocRender
import XCTest

/// The cluster page of both examples: control plane, endpoint, logging, add-ons, node groups, identities, Karpenter.
final class ClusterPageTests: XCTestCase {
    func testLeadertoolsControlPlane() {
        let page = EKSPages.page(ClusterPage.self, "leadertools-qas")
        XCTAssertEqual(page.path, "leadertools-qas/cluster.md")
        let text = page.text
        XCTAssertTrue(text.contains("| Kubernetes version | 1.33 |"), text)
        XCTAssertTrue(text.contains("| Platform version | eks.9 |"))
        XCTAssertTrue(text.contains("| Status | ACTIVE |"))
        XCTAssertTrue(text.contains("| IP family | ipv4 |"))
        XCTAssertTrue(text.contains("| Service CIDR | `172.20.0.0/16`: 65,536 addresses (65,534 assignable ClusterIPs"))
        XCTAssertTrue(text.contains("`https://oidc.eks.us-west-2.amazonaws.com/id/F1DF92535C71913009EBF4096328D6A1`"))
        XCTAssertTrue(text.contains("(`sg-0da734f201fa4ca64`)"))
        XCTAssertTrue(text.contains("| Additional security groups | none |"))
    }

    func testLeadertoolsEndpointIsPublicOnly() {
        let section = EKSPages.section(EKSPages.text(ClusterPage.self, "leadertools-qas"), "## Endpoint access")
        XCTAssertTrue(section.contains("| Public | on | `0.0.0.0/0` |"), section)
        XCTAssertTrue(section.contains("| Private | off | nobody (off) |"))
        XCTAssertTrue(section.contains("Only the public endpoint is on"))
        XCTAssertTrue(section.contains("send 0.0.0.0/0 to `i-0919b0c12ffebfc98` (instance)"), "the nodes reach the API through the appliance")
    }

    func testLeadertoolsLoggingNamesTheMissingTypes() {
        let section = EKSPages.section(EKSPages.text(ClusterPage.self, "leadertools-qas"), "## Control-plane logging")
        XCTAssertTrue(section.contains("Sent to CloudWatch Logs: `api`, `audit`, `authenticator`."), section)
        XCTAssertTrue(section.contains("Not enabled: `controllerManager`, `scheduler`."))
    }

    func testLeadertoolsSubnetsAddonsAndNodeGroup() {
        let text = EKSPages.text(ClusterPage.self, "leadertools-qas")
        XCTAssertTrue(text.contains("| leadertools.qas.k8s.prv.az1 (`subnet-06582423b4bddaaef`) | us-west-2a | `10.142.36.0/24` | private |"), text)
        XCTAssertTrue(text.contains("| `vpc-cni` | `v1.19.6-eksbuild.1` | ACTIVE | `arn:aws:iam::739284516203:role/leadertools-qas-vpc-cni-irsa-20250624164109337100000006` (IRSA) |"))
        XCTAssertTrue(text.contains("| `coredns` | `v1.12.1-eksbuild.2` | ACTIVE | — |"))
        XCTAssertTrue(text.contains("| `eks_leadertools` | managed | `t3a.medium` | 2 / 2 / 3 | ON\\_DEMAND | AL2023\\_x86\\_64\\_STANDARD | 20 GiB | 110 |"), text)
        XCTAssertTrue(text.contains("`CriticalAddonsOnly=true:NO_SCHEDULE`"))
        XCTAssertTrue(text.contains("leadertools.qas.k8s.prv.az2 (`subnet-090a8b74a06b832c8`), us-west-2b"))
    }

    func testLeadertoolsAddonRoleIsIRSAOnAwsNode() {
        let section = EKSPages.section(EKSPages.text(ClusterPage.self, "leadertools-qas"), "## Workload identities")
        XCTAssertTrue(section.contains("| `kube-system`/`aws-node` (`vpc-cni` add-on) | IRSA |"), section)
        XCTAssertTrue(section.contains("`eks.amazonaws.com/role-arn` annotation + OIDC provider"))
        XCTAssertFalse(section.contains("**EKS Pod Identity**"), "no Pod Identity association in leadertools-qas")
    }

    func testLeadertoolsKarpenter() {
        let section = EKSPages.section(EKSPages.text(ClusterPage.self, "leadertools-qas"), "## Karpenter")
        XCTAssertTrue(section.contains("| Version | `1.5.0` |"), section)
        XCTAssertTrue(section.contains("| AMI selector | `al2023@v20250620` |"))
        XCTAssertTrue(section.contains("`karpenter.k8s.aws/instance-category In [c, m, r]`"))
        XCTAssertTrue(section.contains("`karpenter.sh/capacity-type In [on-demand, spot]`"))
        XCTAssertTrue(section.contains("`cpu 1000`"))
        XCTAssertTrue(section.contains("`tag karpenter.sh/discovery=leadertools-qas` → leadertools.qas.k8s.prv.az1 (`subnet-06582423b4bddaaef`)"))
        XCTAssertTrue(section.contains("→ leadertools-qas-node-20250624164108231400000004 (`sg-07019a3af3f18cfa1`)"))
        XCTAssertFalse(section.contains("WARNING"), "the EC2NodeClass selects the AMI the tfvars pin")
    }

    func testRetailControlPlaneAndEndpoint() {
        let text = EKSPages.text(ClusterPage.self, "retail-store")
        XCTAssertTrue(text.contains("| Kubernetes version | 1.30 |"), text)
        XCTAssertTrue(text.contains("`10.100.0.0/16`: 65,536 addresses"))
        XCTAssertTrue(text.contains("| Public | on | `0.0.0.0/0` |"))
        XCTAssertTrue(text.contains("| Private | on | the VPC and networks routed to it |"))
        XCTAssertTrue(text.contains("Both endpoints are on"))
        XCTAssertTrue(text.contains("(`sg-08583ce36fe06a028`)"), "the additional control-plane security group")
        XCTAssertTrue(text.contains("Every log type is enabled."))
        XCTAssertFalse(text.contains("## Karpenter"), "retail-store has no Karpenter")
    }

    func testRetailIdentitiesSayWhichMechanism() {
        let section = EKSPages.section(EKSPages.text(ClusterPage.self, "retail-store"), "## Workload identities")
        for account in ["cart", "catalog", "checkout", "orders"] {
            XCTAssertTrue(section.contains("| `retail-products`/`\(account)` | IRSA | `arn:aws:iam::123456789012:role/\(account)-pod-iam-role` | `eks.amazonaws.com/role-arn` annotation + OIDC provider |"), account)
        }
        XCTAssertTrue(section.contains("| `kube-system`/`aws-load-balancer-controller` | EKS Pod Identity | `arn:aws:iam::123456789012:role/lbc-controller-role` | Pod Identity association (no annotation) |"), section)
        XCTAssertTrue(section.contains("| `external-dns`/`external-dns` | EKS Pod Identity |"))
        XCTAssertTrue(section.contains("no annotation and no OIDC provider are involved"))
        XCTAssertFalse(section.contains("[!WARNING]"), "the pod identity agent add-on is installed")
    }

    func testPodIdentityWithoutAgentIsFlagged() {
        var env = Environment(name: "agentless", region: "eu-west-1")
        let source = SourceLocation(file: "in.yaml", line: 1, column: 1)
        env.cluster = Cluster(name: "c1", version: "1.31", source: source)
        env.addons = [Addon(name: "vpc-cni", version: "v1", source: source)]
        env.identities = [IdentityBinding(kind: .podIdentity, namespace: "ns", serviceAccount: "sa", roleArn: "arn:aws:iam::1:role/r", source: source)]
        let text = ClusterPage.build(Example.context(for: env)).text
        XCTAssertTrue(text.contains("`eks-pod-identity-agent` add-on is not installed"), text)
    }

    func testNoClusterSaysSo() {
        let text = ClusterPage.build(Example.context(for: Environment(name: "bare"))).text
        XCTAssertTrue(text.contains("No EKS cluster is described in the inputs"), text)
        XCTAssertFalse(text.contains("## Karpenter"))
    }
}
