import EKSDocAnalysis
import EKSDocModel
@testable import EKSDocRender
import XCTest

/// Names, labels, images, descriptions and ids full of Markdown, HTML and shell specials: the five EKS pages keep
/// valid tables, no raw HTML, and commands where every such value is quoted.
final class EKSHostileInputTests: XCTestCase {
    /// Table pipes, a line break, backticks, a script tag, Markdown emphasis and links, a shell substitution.
    static let evil = "ev|l`x`\n<script>alert(1)</script> *b* [l](javascript:x) _u_ # $(reboot) 'q'"

    static func hostileEnvironment() -> Environment {
        let evil = Self.evil
        let source = SourceLocation(file: "hostile/inputs.json", line: 1, column: 1)
        var env = Environment(name: "hostile", region: "us-east-1", sources: ["hostile/inputs.json"])
        env.subnets = [
            Subnet(id: "subnet-aaa", vpc: "vpc-1", cidr: "10.0.0.0/24", az: "us-east-1a", name: evil, tags: ["k": evil], source: source),
            Subnet(id: "subnet-b'b; reboot", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1b", name: evil, source: source),
        ]
        env.securityGroups = [SecurityGroup(id: "sg-1", name: evil, tags: ["team": evil], source: source)]
        env.cluster = Cluster(name: "qa's cluster; reboot", version: evil, subnets: ["subnet-aaa", "subnet-b'b; reboot"],
                              securityGroups: ["sg-1"], clusterSecurityGroup: "sg-1", serviceCidr: "172.20.0.0/16",
                              endpointPublic: true, endpointPrivate: false, publicAccessCidrs: [evil],
                              oidcIssuer: "https://oidc.example/id/" + evil, logging: [evil], status: evil, source: source)
        env.nodeGroups = [NodeGroup(name: "ng|\(evil)", instanceTypes: ["t3a.medium", evil], min: 1, max: 2,
                                    subnets: ["subnet-aaa", "subnet-b'b; reboot"], amiType: evil, capacityType: evil,
                                    labels: [evil: evil], taints: [Taint(key: evil, value: evil, effect: "NoSchedule")], source: source)]
        env.addons = [Addon(name: evil, version: evil, serviceAccountRole: "arn:aws:iam::1:role/" + evil, status: evil, source: source)]
        env.cni = CNIConfig(settings: ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true", "ENI_CONFIG_LABEL_DEF": evil,
                                       "WARM_IP_TARGET": evil, "SOME_TOKEN": "tok-\(evil)"], source: source)
        env.karpenter = KarpenterSettings(version: evil, amiSelector: evil, source: source)
        env.identities = [IdentityBinding(kind: .podIdentity, namespace: evil, serviceAccount: evil, roleArn: "arn:aws:iam::1:role/" + evil, source: source)]
        env.loadBalancers = [LoadBalancer(name: evil, arn: "arn:" + evil, scheme: "internal", securityGroups: ["sg-1"], source: source)]
        env.targetGroups = [TargetGroup(name: evil, arn: "arn:tg/" + evil, port: 8080, loadBalancers: [evil], source: source)]
        env.kubernetes = kubernetes(source)
        env.terraform = [TerraformVariable(name: "x|\(evil)", value: .string(evil), type: evil, defaultValue: .list([.string(evil)]),
                                           description: evil, source: SourceLocation(file: "hostile/variables.tf"))]
        return env
    }

    static func kubernetes(_ source: SourceLocation) -> [KubernetesObject] {
        let evil = Self.evil
        var eni = KubernetesObject(apiVersion: "crd.k8s.amazonaws.com/v1alpha1", kind: "ENIConfig", name: evil, source: source)
        eni.eniConfig = ENIConfigSpec(subnet: "subnet-b'b; reboot", securityGroups: ["sg-1", evil])
        var app = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: evil, name: evil, labels: [evil: evil], source: source)
        app.workload = WorkloadSpec(replicas: 2, podLabels: ["app": evil], serviceAccount: evil,
                                    containers: [Container(name: evil, image: evil, ports: [ContainerPort(name: evil, port: 80)],
                                                           env: [EnvVar(name: evil, value: evil), EnvVar(name: "DB_PASSWORD", value: "s3cr3t-value-\(evil)")],
                                                           envFrom: ["configMap:" + evil, "secret:" + evil])],
                                    volumes: [Volume(name: "v", type: "persistentVolumeClaim", reference: evil)], nodeSelector: [evil: evil])
        var service = KubernetesObject(apiVersion: "v1", kind: "Service", namespace: evil, name: evil, source: source)
        service.service = ServiceSpec(type: evil, selector: ["app": evil], ports: [ServicePort(name: evil, port: 80, targetPort: evil)])
        var ingress = KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespace: evil, name: evil,
                                       annotations: ["alb.ingress.kubernetes.io/scheme": evil], source: source)
        ingress.ingress = IngressSpec(className: evil, rules: [IngressRule(host: evil, path: evil, service: evil, port: evil)], tlsHosts: [evil])
        var config = KubernetesObject(apiVersion: "v1", kind: "ConfigMap", namespace: evil, name: evil, source: source)
        config.data = [DataEntry(key: evil, value: evil)]
        var secret = KubernetesObject(apiVersion: "v1", kind: "Secret", namespace: evil, name: evil, source: source)
        secret.data = [DataEntry(key: evil, value: "leaked-secret-value")]
        var account = KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", namespace: evil, name: evil, source: source)
        account.serviceAccount = ServiceAccountSpec(roleArn: "arn:aws:iam::1:role/" + evil)
        var pool = KubernetesObject(apiVersion: "karpenter.sh/v1", kind: "NodePool", name: evil, source: source)
        pool.nodePool = NodePoolSpec(nodeClass: evil, requirements: [evil], limits: [evil: evil], taints: [Taint(key: evil, effect: evil)])
        var nodeClass = KubernetesObject(apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", name: evil, source: source)
        nodeClass.nodeClass = NodeClassSpec(amiFamily: evil, amiSelectors: [evil], role: evil,
                                            subnetSelectors: ["tag k=" + evil], securityGroupSelectors: ["tag team=" + evil])
        var custom = KubernetesObject(apiVersion: evil, kind: evil, namespace: evil, name: evil, labels: [evil: evil], source: source)
        custom.annotations = [evil: evil]
        return [eni, app, service, ingress, config, secret, account, pool, nodeClass, custom]
    }

    func testPagesStayValid() {
        let env = Self.hostileEnvironment()
        let context = Example.context(for: env)
        for builder in EKSPages.builders {
            let page = builder.build(context)
            let text = page.text
            let prose = EKSPages.prose(text)
            XCTAssertFalse(prose.contains("<script>"), "\(builder.slug): raw script tag outside code")
            XCTAssertFalse(prose.contains("[l](javascript"), "\(builder.slug): live link from input text")
            XCTAssertFalse(MarkdownHTML.render(text).contains("href=\"javascript"), builder.slug)
            EKSPages.assertTables(text, builder.slug)
            EKSPages.assertHTMLTables(text, builder.slug)
            XCTAssertFalse(text.contains("leaked-secret-value"), builder.slug)
            XCTAssertFalse(text.contains("s3cr3t-value"), builder.slug)
            XCTAssertFalse(text.contains("tok-ev"), "\(builder.slug): an aws-node setting named like a token")
            XCTAssertEqual(page, builder.build(context), "\(builder.slug) is deterministic")
        }
    }

    func testCommandsQuoteEveryHostileValue() {
        let text = TroubleshootingPage.build(Example.context(for: Self.hostileEnvironment())).text
        let code = EKSPages.codeLines(text)
        XCTAssertFalse(code.isEmpty, text)
        XCTAssertTrue(code.contains("aws eks update-kubeconfig --name 'qa'\\''s cluster; reboot' --region us-east-1"), text)
        XCTAssertTrue(code.contains { $0.contains("--subnet-ids 'subnet-b'\\''b; reboot'") }, text)
        XCTAssertTrue(code.contains { $0.contains("'Name=association.subnet-id,Values=subnet-b'\\''b; reboot,subnet-aaa'") }, text)
        let (commands, unquotedText) = Self.parse(code.joined(separator: "\n"))
        XCTAssertFalse(commands.isEmpty)
        for command in commands {
            for bad in ["reboot", "<script>", "alert", "rm "] {
                XCTAssertFalse(command.hasPrefix(bad), "a hostile value starts a command: \(command)")
            }
        }
        XCTAssertFalse(unquotedText.contains("$(reboot)"), "a substitution outside quotes")
        XCTAssertFalse(unquotedText.contains("`x`"), "backticks outside quotes")
    }

    /// A small POSIX-shell reading of a snippet: the start of every command line (outside quotes and comments) and
    /// all text outside single quotes and comments.
    static func parse(_ script: String) -> (commands: [String], unquoted: String) {
        var commands: [String] = []
        var unquoted = ""
        var quoted = false
        var atStart = true
        var inComment = false
        var current = ""
        var escaped = false
        for ch in script {
            if escaped {
                escaped = false
                current.append(ch)
                if ch == "\n" { current = "" }
                continue
            }
            if inComment {
                if ch == "\n" { inComment = false; atStart = true }
                continue
            }
            if atStart && !quoted {
                if ch == " " { continue }
                if ch == "#" { inComment = true; continue }
                atStart = false
                current = ""
            }
            if ch == "\\" && !quoted { escaped = true; current.append(ch); continue }
            if ch == "'" { quoted.toggle(); current.append(ch); continue }
            if !quoted {
                unquoted.append(ch)
                if ch == "\n" {
                    commands.append(current)
                    atStart = true
                    current = ""
                    continue
                }
            }
            current.append(ch)
        }
        if !current.isEmpty { commands.append(current) }
        return (commands, unquoted)
    }
}
