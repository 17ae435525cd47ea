import EKSDocAnalysis
import EKSDocModel
import Foundation

extension TroubleshootingPage {
    static func nodeScaling(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        guard let cluster = clusterName(env), !env.nodeGroups.isEmpty else { return }
        doc.heading(2, "Node scaling")
        let sizes = env.nodeGroups.map { group -> String in
            doc.source(group.source)
            var text = "\(MD.code(group.name)) runs \(group.min.map(String.init) ?? "?") to \(group.max.map(String.init) ?? "?") nodes "
                + "(desired \(group.desired.map(String.init) ?? "?"))"
            if !group.taints.isEmpty {
                text += " and is tainted \(group.taints.map(EKSText.taint).joined(separator: ", ")), so only pods tolerating that land on it"
            }
            return text
        }
        doc.paragraph("Pending pods with `Insufficient cpu`, `Insufficient memory` or `Too many pods` mean the nodes are "
                      + "full or cannot take them. " + sizes.joined(separator: "; ") + ".")
        var commands = Commands()
        for group in env.nodeGroups {
            commands.add("aws eks describe-nodegroup --cluster-name \(cluster) --nodegroup-name \(Shell.quote(group.name))\(Shell.region(env))",
                         continued: ["--query 'nodegroup.{status:status,scaling:scalingConfig,issues:health.issues}'"])
            commands.add("kubectl get nodes -l \(Shell.quote("eks.amazonaws.com/nodegroup=\(group.name)")) -o wide")
        }
        commands.comment("Pods waiting for room, and why")
        commands.add("kubectl get pods -A --field-selector=status.phase=Pending")
        commands.add("kubectl get events -A --field-selector reason=FailedScheduling")
        commands.add("kubectl top nodes")
        doc.codeBlock(commands.text, language: "sh")
    }

    static func karpenter(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let pools = env.kubernetes.filter { $0.nodePool != nil }.map(\.name).sorted()
        let classes = env.kubernetes.filter { $0.nodeClass != nil }.sorted { $0.name < $1.name }
        guard env.karpenter != nil || !pools.isEmpty || !classes.isEmpty else { return }
        doc.heading(2, "Karpenter provisioning")
        doc.paragraph("When pending pods get no new node, check that the NodePools are ready, that their requirements "
                      + "and limits allow a node, and that the EC2NodeClass selectors find subnets with free addresses "
                      + "and security groups.")
        var commands = Commands()
        commands.add("kubectl get nodepools,ec2nodeclasses,nodeclaims")
        for pool in pools { commands.add("kubectl describe nodepool \(Shell.quote(pool))") }
        for nodeClass in classes { commands.add("kubectl describe ec2nodeclass \(Shell.quote(nodeClass.name))") }
        commands.add("kubectl get pods -A -l app.kubernetes.io/name=karpenter")
        for nodeClass in classes {
            let spec = nodeClass.nodeClass!
            for (term, kind) in spec.subnetSelectors.map({ ($0, "subnets") }) + spec.securityGroupSelectors.map({ ($0, "groups") }) {
                let tags = term.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("tag ") && $0.contains("=") }
                guard !tags.isEmpty else { continue }
                let filters = tags.map { part -> String in
                    let body = part.dropFirst(4)
                    let key = body.prefix { $0 != "=" }
                    let value = body.drop { $0 != "=" }.dropFirst()
                    return Shell.quote("Name=tag:\(key),Values=\(value)")
                }.joined(separator: " ")
                commands.comment(kind == "subnets" ? "Subnets an EC2NodeClass selector finds" : "Security groups an EC2NodeClass selector finds")
                if kind == "subnets" {
                    commands.add("aws ec2 describe-subnets\(Shell.region(env)) --filters \(filters)", continued: [
                        "--query 'Subnets[].{subnet:SubnetId,zone:AvailabilityZone,free:AvailableIpAddressCount}' --output table",
                    ])
                } else {
                    commands.add("aws ec2 describe-security-groups\(Shell.region(env)) --filters \(filters)",
                                 continued: ["--query 'SecurityGroups[].{id:GroupId,name:GroupName}' --output table"])
                }
            }
        }
        doc.codeBlock(commands.text, language: "sh")
    }

    static func dns(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        guard let cluster = clusterName(env) else { return }
        doc.heading(2, "DNS and CoreDNS")
        let dnsIP = context.facts.capacity.serviceCidr?.dnsServiceIP
        doc.paragraph("Pods resolve names through the `kube-dns` Service"
                      + (dnsIP.map { " at \(MD.code($0))" } ?? "") + ", backed by the CoreDNS pods. Failures show as "
                      + "timeouts on port 53: check the CoreDNS pods, the Service, and that the security groups between "
                      + "pods allow 53 over UDP and TCP.")
        var commands = Commands()
        commands.add("kubectl -n kube-system get deploy coredns")
        commands.add(#"kubectl -n kube-system get svc kube-dns -o jsonpath='{.spec.clusterIP}{"\n"}'"#)
        commands.add("kubectl -n kube-system logs deploy/coredns --tail=50")
        commands.add("kubectl run dns-check --rm -it --restart=Never --image=busybox:1.36 -- nslookup kubernetes.default.svc.cluster.local")
        if env.addons.contains(where: { $0.name == "coredns" }) {
            commands.add("aws eks describe-addon --cluster-name \(cluster) --addon-name coredns\(Shell.region(env))",
                         continued: ["--query 'addon.{version:addonVersion,status:status}'"])
        }
        let pods = context.facts.capacity.podSubnets.map(\.subnet)
        if let from = pods.first, let address = sampleAddress(pods.last ?? from, env) {
            commands.comment("Port 53 between pod subnets, as the inputs allow it")
            commands.add(trace(env, from: from, to: "\(address):53", udp: true))
        }
        doc.codeBlock(commands.text, language: "sh")
    }

    static func endpoint(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        guard let model = env.cluster, let cluster = clusterName(env) else { return }
        doc.heading(2, "API endpoint access")
        var text = "Public endpoint \(EKSText.onOff(model.endpointPublic)), private endpoint \(EKSText.onOff(model.endpointPrivate))"
        if model.endpointPublic == true, let cidrs = model.publicAccessCidrs, !cidrs.isEmpty {
            text += ", public access from \(EKSText.codes(cidrs))"
        }
        text += ". "
        switch (model.endpointPublic, model.endpointPrivate) {
        case (true, false):
            text += "Nodes reach the API over the public endpoint, so a node that cannot leave the VPC on 443 never "
                + "joins: see the egress check above."
        case (_, true):
            text += "Inside the VPC the API name resolves to private addresses; the cluster security group must allow "
                + "443 from the nodes and from wherever `kubectl` runs."
        default:
            break
        }
        doc.paragraph(text)
        var commands = Commands()
        commands.add("aws eks describe-cluster --name \(cluster)\(Shell.region(env))", continued: [
            "--query 'cluster.{endpoint:endpoint,vpc:resourcesVpcConfig.{public:endpointPublicAccess,private:endpointPrivateAccess,cidrs:publicAccessCidrs}}'",
        ])
        commands.add("kubectl get --raw /healthz")
        if model.endpointPrivate == true, let group = model.clusterSecurityGroup {
            commands.comment("Inbound rules of the cluster security group")
            commands.add("aws ec2 describe-security-group-rules\(Shell.region(env)) --filters \(Shell.quote("Name=group-id,Values=\(group)"))",
                         continued: ["--query 'SecurityGroupRules[?!IsEgress].{proto:IpProtocol,from:FromPort,to:ToPort,cidr:CidrIpv4,peer:ReferencedGroupInfo.GroupId}' --output table"])
        }
        doc.codeBlock(commands.text, language: "sh")
    }
}
