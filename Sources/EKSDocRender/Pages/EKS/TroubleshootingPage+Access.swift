import EKSDocAnalysis
import EKSDocModel

extension TroubleshootingPage {
    static func loadBalancers(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let index = WorkloadIndex(env)
        let ingresses = index.objects.filter { $0.ingress != nil }
        let balancers = env.loadBalancers.sorted { $0.name < $1.name }
        guard !balancers.isEmpty || !ingresses.isEmpty else { return }
        doc.heading(2, "Load balancers and target health")
        let internalCount = balancers.filter { $0.scheme == "internal" }.count
        var text = "\(EKSText.count(balancers.count, "load balancer")) in the inputs"
        if !balancers.isEmpty {
            text += " (\(MD.number(internalCount)) internal, \(MD.number(balancers.count - internalCount)) internet-facing)"
        }
        text += ". An internal load balancer answers only inside the VPC and the networks routed to it. With target "
            + "type `ip` the targets are pod addresses, so the pods' security groups must allow the load balancer's "
            + "group on the target port; with `instance` it is the node port on the nodes. Unhealthy targets with "
            + "`Target.Timeout` usually mean a security group; `Target.ResponseCodeMismatch` means the health-check path."
        doc.paragraph(text)
        var commands = Commands()
        if !balancers.isEmpty {
            for balancer in balancers { doc.source(balancer.source) }
            commands.add("aws elbv2 describe-load-balancers\(Shell.region(env)) --names \(Shell.words(balancers.map(\.name)))",
                         continued: ["--query 'LoadBalancers[].{name:LoadBalancerName,scheme:Scheme,state:State.Code,dns:DNSName}' --output table"])
        }
        let groups = env.targetGroups.filter { $0.arn != nil }.sorted { $0.name < $1.name }
        if !groups.isEmpty {
            for group in groups { doc.source(group.source) }
            commands.comment("Health of every target group's targets")
            commands.add("for tg in", continued: groups.map { Shell.quote($0.arn!) } + ["; do"])
            commands.add("  aws elbv2 describe-target-health\(Shell.region(env)) --target-group-arn \"$tg\"", continued: [
                "--query 'TargetHealthDescriptions[].{target:Target.Id,port:Target.Port,state:TargetHealth.State,reason:TargetHealth.Reason}' --output table",
            ])
            commands.add("done")
        } else {
            for balancer in balancers where balancer.arn != nil {
                commands.add("aws elbv2 describe-target-groups\(Shell.region(env)) --load-balancer-arn \(Shell.quote(balancer.arn!))")
            }
        }
        let sgs = Array(Set(balancers.flatMap(\.securityGroups))).sorted()
        if !sgs.isEmpty {
            commands.comment("The load balancers' security groups")
            commands.add("aws ec2 describe-security-groups\(Shell.region(env)) --group-ids \(Shell.words(sgs))",
                         continued: ["--query 'SecurityGroups[].{id:GroupId,name:GroupName,in:IpPermissions}'"])
        }
        commands.comment("The Kubernetes side: ingresses, target group bindings and the controller (a Deployment)")
        commands.add("kubectl get ingress -A")
        for ingress in ingresses {
            commands.add("kubectl -n \(Shell.quote(ingress.namespace ?? "default")) describe ingress \(Shell.quote(ingress.name))")
        }
        commands.add("kubectl get targetgroupbindings -A")
        commands.add("kubectl -n kube-system logs deploy/aws-load-balancer-controller --tail=100")
        doc.codeBlock(commands.text, language: "sh")
    }

    /// The security groups of the cluster, its nodes and pods, and the network ACLs of their subnets.
    static func securityGroups(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        var roles: [(String, String)] = []
        func add(_ id: String, _ role: String) {
            if let index = roles.firstIndex(where: { $0.0 == id }) {
                if !roles[index].1.contains(role) { roles[index].1 += "; " + role }
            } else {
                roles.append((id, role))
            }
        }
        if let group = env.cluster?.clusterSecurityGroup { add(group, "cluster security group") }
        for group in env.cluster?.securityGroups ?? [] { add(group, "additional control-plane group") }
        for object in env.kubernetes.sorted(by: { $0.name < $1.name }) {
            for group in object.eniConfig?.securityGroups ?? [] { add(group, "pods (ENIConfig \(object.name))") }
            if let spec = object.nodeClass {
                for group in KarpenterGroups.resolve(spec.securityGroupSelectors, in: env.securityGroups) {
                    add(group, "Karpenter nodes (EC2NodeClass \(object.name))")
                }
            }
        }
        for group in env.nodeGroups {
            let members = env.instances.filter { $0.tags["eks:nodegroup-name"] == group.name }
            for id in Array(Set(members.flatMap(\.securityGroups))).sorted() { add(id, "nodes of \(group.name)") }
        }
        let subnets = workloadSubnets(context)
        guard !roles.isEmpty || !subnets.isEmpty else { return }
        doc.heading(2, "Security-group and network ACL blocks")
        doc.paragraph("Security groups are stateful and only allow; network ACLs are stateless, evaluated in rule order, "
                      + "and can deny, so a reply can be dropped on the way back. The groups that matter here:")
        if !roles.isEmpty {
            doc.table(["Security group", "Used by"], roles.map { [context.groupLabel($0.0), MD.text($0.1)] })
            for (id, _) in roles { if let group = env.securityGroup(id) { doc.source(group.source) } }
        }
        var commands = Commands()
        if !roles.isEmpty {
            let ids = roles.map(\.0).sorted()
            commands.add("aws ec2 describe-security-group-rules\(Shell.region(env)) --filters \(Shell.quote("Name=group-id,Values=" + ids.joined(separator: ",")))",
                         continued: ["--query 'SecurityGroupRules[].{group:GroupId,egress:IsEgress,proto:IpProtocol,from:FromPort,to:ToPort,cidr:CidrIpv4,peer:ReferencedGroupInfo.GroupId}' --output table"])
        }
        if !subnets.isEmpty {
            commands.add("aws ec2 describe-network-acls\(Shell.region(env)) --filters \(Shell.quote("Name=association.subnet-id,Values=" + subnets.joined(separator: ",")))",
                         continued: ["--query 'NetworkAcls[].{id:NetworkAclId,entries:Entries}'"])
        }
        let pods = context.facts.capacity.podSubnets.map(\.subnet)
        if let from = pods.first, let address = sampleAddress(pods.last ?? from, env) {
            commands.comment("Pod to pod across the pod subnets, as the inputs allow it")
            commands.add(trace(env, from: from, to: "\(address):\(applicationPort(env))"))
        }
        doc.codeBlock(commands.text, language: "sh")
    }

    /// IRSA and Pod Identity: the role binding, the trust policy and what the pod sees.
    static func credentials(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let identities = EKSIdentities.all(env)
        guard !identities.isEmpty, let cluster = clusterName(env) else { return }
        doc.heading(2, "IRSA and Pod Identity credentials")
        doc.paragraph("`AccessDenied` or `Unable to locate credentials` in a pod: check which mechanism its service "
                      + "account uses. IRSA needs the `\(EKSIdentities.irsaAnnotation)` annotation, an IAM OIDC provider "
                      + "for the cluster's issuer and a role trusting it; the pod gets `AWS_ROLE_ARN` and "
                      + "`AWS_WEB_IDENTITY_TOKEN_FILE`. Pod Identity needs an association, the `eks-pod-identity-agent` "
                      + "add-on and a role trusting `pods.eks.amazonaws.com`; the pod gets "
                      + "`AWS_CONTAINER_CREDENTIALS_FULL_URI`. Restart pods after changing either.")
        let index = WorkloadIndex(env)
        var commands = Commands()
        if identities.contains(where: { $0.kind == .irsa }), let issuer = env.cluster?.oidcIssuer {
            let id = String(issuer.split(separator: "/").last ?? "")
            commands.comment("IRSA: the cluster's OIDC issuer must be an IAM OIDC provider")
            commands.add("aws iam list-open-id-connect-providers --output text | grep \(Shell.quote(id))")
        }
        if identities.contains(where: { $0.kind == .podIdentity }) {
            commands.comment("Pod Identity: the associations and the agent")
            commands.add("aws eks list-pod-identity-associations --cluster-name \(cluster)\(Shell.region(env)) --output table")
            commands.add("kubectl -n kube-system get ds eks-pod-identity-agent")
        }
        for identity in identities {
            doc.sources(identity.sources)
            let who = identity.serviceAccount.isEmpty ? "the \(identity.addon ?? "add-on") add-on"
                : "\(identity.namespace)/\(identity.serviceAccount)"
            commands.comment("\(who) (\(identity.mechanism))")
            let namespace = Shell.quote(identity.namespace)
            if identity.kind == .irsa && !identity.serviceAccount.isEmpty {
                commands.add("kubectl -n \(namespace) get serviceaccount \(Shell.quote(identity.serviceAccount)) "
                             + #"-o jsonpath='{.metadata.annotations.eks\.amazonaws\.com/role-arn}{"\n"}'"#)
            }
            if let addon = identity.addon, identity.serviceAccount.isEmpty {
                commands.add("aws eks describe-addon --cluster-name \(cluster) --addon-name \(Shell.quote(addon))\(Shell.region(env)) --query 'addon.serviceAccountRoleArn'")
            }
            if let role = identity.roleArn {
                commands.add("aws iam get-role --role-name \(Shell.quote(EKSText.roleName(role))) --query 'Role.AssumeRolePolicyDocument'")
            }
            let variables = identity.kind == .irsa ? "AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE"
                : "AWS_CONTAINER_CREDENTIALS_FULL_URI|AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"
            let shortKinds = ["Deployment": "deploy", "StatefulSet": "sts", "DaemonSet": "ds"]
            if let workload = index.users(ofServiceAccount: identity.serviceAccount, namespace: identity.namespace)
                .first(where: { shortKinds[$0.kind] != nil }) {
                commands.add("kubectl -n \(namespace) exec \(Shell.quote("\(shortKinds[workload.kind]!)/\(workload.name)")) -- env "
                             + "| grep -E '^(\(variables))='")
            }
        }
        doc.codeBlock(commands.text, language: "sh")
    }
}
