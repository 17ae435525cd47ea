@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Shared helpers for the diagram tests: example diagrams, rendering, DOT edge parsing, strict XML checks and a
/// hand-made environment whose every name is hostile.
enum DiagramSupport {
    static func diagrams(_ env: String) -> [Diagram] { DiagramGroup.diagrams(Example.context(env)) }

    static func dot(_ env: String, _ name: String) -> String { dot(for: Example.context(env), name) }

    static func dot(for context: PageContext, _ name: String) -> String {
        guard let diagram = DiagramGroup.diagrams(context).first(where: { $0.ref.name == name }),
              case .dot(let text) = diagram.content else {
            return ""
        }
        return text
    }

    static func svg(_ dot: String) throws -> String {
        String(decoding: try GraphvizRenderer.shared.render(dot: dot, format: "svg"), as: UTF8.self)
    }

    /// `(from, to, attribute text)` of every edge statement, with node ids as written.
    static func edges(_ dot: String) -> [(from: String, to: String, attributes: String)] {
        dot.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("n_"), let space = text.firstIndex(of: " "),
                  text[space...].hasPrefix(" -> n_") else { return nil }
            let from = String(text[..<space])
            let rest = text[text.index(space, offsetBy: 4)...]
            let to = String(rest.prefix { $0 != " " && $0 != ";" })
            return (from, to, String(rest.dropFirst(to.count)))
        }
    }

    /// The statement line declaring a node, found by its resource id.
    static func nodeLine(_ dot: String, _ id: String) -> String? {
        dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(DOTGraph.id(id) + " [") }
    }

    /// Parses XML strictly (`XMLParser` reports errors it recovers from, so both the result and the error are
    /// checked, and elements must balance); returns the character data.
    static func parseXML(_ text: String) -> (ok: Bool, text: String, elements: [String]) {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = StrictXML()
        parser.delegate = delegate
        let ok = parser.parse() && parser.parserError == nil && delegate.balanced && delegate.stack.isEmpty
        return (ok, delegate.text, delegate.elements)
    }

    final class StrictXML: NSObject, XMLParserDelegate {
        var stack: [String] = []
        var elements: [String] = []
        var text = ""
        var balanced = true

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(name)
            elements.append(name)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if stack.popLast() != name { balanced = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static let evil = "\"]; evil -> x [label=\"pwned\" <script>alert(1)</script> back\\slash \\N\nnew line & 'quote'"

    /// One VPC, two subnets (one with an impossible free count), an internet gateway and an internet-facing load
    /// balancer, a security group open to SSH, Kubernetes objects and a cluster: every name is `evil`.
    static var hostileEnvironment: Environment {
        let src = SourceLocation(file: "snapshots/evil.json", line: 1, column: 1)
        var env = Environment(name: "hostile", region: "us-east-1", sources: ["snapshots/evil.json"])
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], name: evil, source: src)]
        env.subnets = [
            Subnet(id: "subnet-a", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1a", name: evil, availableAddresses: 4_091,
                   tags: ["kubernetes.io/role/elb": "1"], source: src),
            Subnet(id: "subnet-b", vpc: "vpc-1", cidr: "10.0.2.0/24", az: "us-east-1b", name: "b " + evil, availableAddresses: 100,
                   source: src),
        ]
        env.routeTables = [RouteTable(id: "rtb-1", vpc: "vpc-1", main: true, routes: [
            Route(destination: "10.0.0.0/16", target: "local", source: src),
            Route(destination: "0.0.0.0/0", target: "igw-1", source: src),
            Route(destination: "192.168.0.0/16", target: "tgw-1", source: src),
        ], name: evil, source: src)]
        env.internetGateways = [InternetGateway(id: "igw-1", vpcs: ["vpc-1"], name: evil, source: src)]
        env.securityGroups = [SecurityGroup(id: "sg-1", name: evil, description: evil, vpc: "vpc-1", ingress: [
            SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "0.0.0.0/0", peerKind: .cidr, description: evil, source: src),
        ], egress: [SecurityGroupRule(protocol: "-1", peer: "0.0.0.0/0", peerKind: .cidr, source: src)], source: src)]
        env.loadBalancers = [LoadBalancer(name: evil, scheme: "internet-facing", type: "application", vpc: "vpc-1",
                                          subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], source: src)]
        env.cluster = Cluster(name: evil, version: "1.30", vpc: "vpc-1", subnets: ["subnet-a", "subnet-b"],
                              clusterSecurityGroup: "sg-1", serviceCidr: "172.20.0.0/16", endpointPublic: true, source: src)
        env.nodeGroups = [NodeGroup(name: evil, instanceTypes: ["t3.medium"], max: 3, subnets: ["subnet-a", "subnet-b"], source: src)]
        var deployment = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: evil, name: evil, source: src)
        deployment.workload = WorkloadSpec(replicas: 2, selector: ["app": evil], podLabels: ["app": evil], serviceAccount: evil,
                                           containers: [Container(name: evil, image: evil, envFrom: ["configMap:" + evil])])
        var service = KubernetesObject(apiVersion: "v1", kind: "Service", namespace: evil, name: evil, source: src)
        service.service = ServiceSpec(selector: ["app": evil], ports: [ServicePort(port: 80, targetPort: evil)])
        var ingress = KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespace: evil, name: evil, source: src)
        ingress.ingress = IngressSpec(className: "alb", rules: [IngressRule(host: evil, path: "/", service: evil, port: "80")])
        var account = KubernetesObject(apiVersion: "v1", kind: "ServiceAccount", namespace: evil, name: evil, source: src)
        account.serviceAccount = ServiceAccountSpec(roleArn: "arn:aws:iam::1:role/" + evil)
        env.kubernetes = [deployment, service, ingress, account]
        return env
    }

    /// The hostile environment's context, with one more hand-made flow whose every string is hostile.
    static var hostileContext: PageContext {
        var context = Example.context(for: hostileEnvironment)
        context.facts.flows.append(Flow(name: evil, kind: "inbound", summary: evil, hops: [
            Hop(entity: evil, entityKind: "internet", via: evil),
            Hop(entity: "subnet-a", entityKind: "subnet", via: evil + "; no rule " + evil, note: evil),
            Hop(entity: evil, entityKind: "pod", via: evil, blocked: true, note: evil),
        ]))
        return context
    }
}
