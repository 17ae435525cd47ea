import EKSDocModel
@testable import EKSDocRender
import XCTest

/// The troubleshooting page: the seeds' checks with this environment's ids, in shell-safe commands.
final class TroubleshootingPageTests: XCTestCase {
    func testLeadertoolsCommandsUseRealIds() {
        let page = EKSPages.page(TroubleshootingPage.self, "leadertools-qas")
        XCTAssertEqual(page.path, "leadertools-qas/troubleshooting.md")
        let code = EKSPages.codeLines(page.text)
        let expected = [
            "aws eks update-kubeconfig --name leadertools-qas --region us-west-2",
            "aws ec2 describe-subnets --region us-west-2 --subnet-ids subnet-09d92cbf937adefe5 subnet-0282b6517b060ced4 \\",
            "kubectl -n kube-system get ds aws-node -o yaml",
            "kubectl get eniconfig",
            "kubectl get eniconfig us-west-2a us-west-2b -o yaml",
            "kubectl get nodes -L topology.kubernetes.io/zone",
            "aws eks describe-nodegroup --cluster-name leadertools-qas --nodegroup-name eks_leadertools --region us-west-2 \\",
            "kubectl describe nodepool default",
            "aws ec2 describe-route-tables --region us-west-2 --route-table-ids rtb-0af593cb336560f42 \\",
            "aws ec2 describe-instances --region us-west-2 --instance-ids i-0919b0c12ffebfc98 \\",
            "eksdoc trace --env leadertools-qas --from subnet-09d92cbf937adefe5 --to 8.8.8.8:443",
            "eksdoc trace --env leadertools-qas --from subnet-06582423b4bddaaef --to 8.8.8.8:443",
            "eksdoc trace --env leadertools-qas --from subnet-09d92cbf937adefe5 --to 208.75.11.75:443",
            "eksdoc trace --env leadertools-qas --from subnet-09d92cbf937adefe5 --to 100.96.36.4:53 --protocol udp",
            "aws iam get-role --role-name leadertools-qas-vpc-cni-irsa-20250624164109337100000006 --query 'Role.AssumeRolePolicyDocument'",
            "  arn:aws:elasticloadbalancing:us-west-2:739284516203:targetgroup/k8s-crownpea-cache-26c5dddae5/0c8b4b3e6f9226dd \\",
        ]
        for line in expected { XCTAssertTrue(code.contains(line), "missing: \(line)\n\(page.text)") }
        XCTAssertTrue(code.contains { $0.contains("'Name=group-id,Values=sg-07019a3af3f18cfa1,sg-0da734f201fa4ca64'") })
        XCTAssertTrue(code.contains { $0.contains("'Name=tag:karpenter.sh/discovery,Values=leadertools-qas'") })
        XCTAssertTrue(code.contains { $0.contains("--names k8s-crownpea-cache-07269859b9 ") })
    }

    func testLeadertoolsChecksPresent() {
        let text = EKSPages.text(TroubleshootingPage.self, "leadertools-qas")
        for heading in ["## Pod IP exhaustion", "## CNI configuration", "## Node scaling", "## Karpenter provisioning",
                        "## Load balancers and target health", "## DNS and CoreDNS", "## Egress from pods and nodes",
                        "## Security-group and network ACL blocks", "## API endpoint access", "## IRSA and Pod Identity credentials"] {
            XCTAssertTrue(text.contains("\n\(heading)\n"), heading)
        }
        XCTAssertTrue(text.contains("2,038 usable addresses, 1,984 of them in whole /28 blocks"))
        XCTAssertTrue(text.contains("| leadertools.qas.pods.prv.az1 (`subnet-09d92cbf937adefe5`) | `rtb-0af593cb336560f42` (main) | `i-0919b0c12ffebfc98` (instance) | private |"))
        XCTAssertTrue(text.contains("16 load balancers in the inputs (16 internal, 0 internet-facing)"))
        XCTAssertTrue(text.contains("`kube-dns` Service at `172.20.0.10`"))
        XCTAssertFalse(text.contains("describe configmap aws-node"), "the CNI settings live on the DaemonSet")
        XCTAssertFalse(text.contains("provisioner"), "Karpenter v1 has NodePools, not Provisioners")
    }

    func testRetailChecks() {
        let text = EKSPages.text(TroubleshootingPage.self, "retail-store")
        let code = EKSPages.codeLines(text)
        XCTAssertFalse(text.contains("## Karpenter provisioning"), "no Karpenter in retail-store")
        XCTAssertFalse(text.contains("eniconfig"), "no custom networking in retail-store")
        XCTAssertTrue(code.contains("aws ec2 describe-nat-gateways --region us-east-1 --nat-gateway-ids nat-0c1a4027bc2fc2741 nat-0adf80406cd641b65 \\")
                      || code.contains("aws ec2 describe-nat-gateways --region us-east-1 --nat-gateway-ids nat-0adf80406cd641b65 nat-0c1a4027bc2fc2741 \\"), text)
        XCTAssertTrue(code.contains("kubectl -n retail-products describe ingress retail-ingress"))
        XCTAssertTrue(code.contains("aws eks list-pod-identity-associations --cluster-name retail-dev-eksdemo-1 --region us-east-1 --output table"))
        XCTAssertTrue(code.contains("kubectl -n retail-products exec deploy/catalog -- env | grep -E '^(AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE)='"))
        XCTAssertTrue(code.contains("aws iam get-role --role-name lbc-controller-role --query 'Role.AssumeRolePolicyDocument'"))
        XCTAssertTrue(code.contains("aws elbv2 describe-load-balancers --region us-east-1 --names k8s-retailpr-retailin-6c1f2a9b3e \\"))
        XCTAssertTrue(code.contains("aws eks describe-nodegroup --cluster-name retail-dev-eksdemo-1 --nodegroup-name on-demand --region us-east-1 \\"))
    }

    func testChecksWithoutSubjectAreSkipped() {
        let text = TroubleshootingPage.build(Example.context(for: Environment(name: "bare"))).text
        XCTAssertFalse(text.contains("\n## "), text)
        XCTAssertFalse(text.contains("```"), "no commands without anything to check")
    }

    func testShellQuoting() {
        XCTAssertEqual(Shell.quote("subnet-0282b6517b060ced4"), "subnet-0282b6517b060ced4")
        XCTAssertEqual(Shell.quote("arn:aws:iam::1:role/a+b=c@d.e_f"), "arn:aws:iam::1:role/a+b=c@d.e_f")
        XCTAssertEqual(Shell.quote("a b"), "'a b'")
        XCTAssertEqual(Shell.quote("it's"), "'it'\\''s'")
        XCTAssertEqual(Shell.quote("$(rm -rf /)"), "'$(rm -rf /)'")
        XCTAssertEqual(Shell.quote("x;y|z`w`"), "'x;y|z`w`'")
        XCTAssertEqual(Shell.quote(""), "''")
        XCTAssertEqual(Shell.quote("a\nb"), "'a\nb'")
    }

    func testCommentsCannotBreakOut() {
        var commands = Commands()
        commands.comment("ns/sa\nrm -rf /\r\nreboot")
        XCTAssertEqual(commands.lines.count, 1)
        XCTAssertTrue(commands.text.hasPrefix("# "))
    }
}
