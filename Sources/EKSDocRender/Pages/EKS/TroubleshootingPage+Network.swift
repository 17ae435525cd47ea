import EKSDocAnalysis
import EKSDocModel

extension TroubleshootingPage {
    static func podAddresses(_ context: PageContext, _ doc: inout PageDocument) {
        let capacity = context.facts.capacity
        guard !capacity.podSubnets.isEmpty else { return }
        let env = context.env
        let ids = capacity.podSubnets.map(\.subnet)
        doc.heading(2, "Pod IP exhaustion")
        var text = "Symptom: pods stay in `ContainerCreating` with `failed to assign an IP address to container`. "
            + "The pod subnets hold \(MD.number(capacity.podAddresses)) usable addresses"
        if let prefixes = capacity.podPrefixAddresses {
            text += ", \(MD.number(prefixes)) of them in whole /28 blocks, which is what prefix delegation can hand out"
        }
        text += ". Compare the free count with that, and with the pods you expect."
        doc.paragraph(text)
        var commands = Commands()
        commands.comment("Free addresses in the pod subnets now")
        commands.add("aws ec2 describe-subnets\(Shell.region(env)) --subnet-ids \(Shell.words(ids))", continued: [
            "--query 'Subnets[].{subnet:SubnetId,zone:AvailabilityZone,cidr:CidrBlock,free:AvailableIpAddressCount}' --output table",
        ])
        if capacity.podPrefixAddresses != nil {
            commands.comment("Prefix delegation needs whole free /28 blocks: the /28 prefixes already taken in each pod subnet")
            for id in ids {
                commands.add("aws ec2 describe-network-interfaces\(Shell.region(env)) --filters \(Shell.quote("Name=subnet-id,Values=\(id)"))",
                             continued: ["--query 'NetworkInterfaces[].Ipv4Prefixes[].Ipv4Prefix' --output text"])
            }
        }
        commands.comment("Pods that could not get an address, and the pods each node may run")
        commands.add("kubectl get events -A --field-selector reason=FailedCreatePodSandBox")
        commands.add("kubectl get nodes -o custom-columns='NODE:.metadata.name,ZONE:.metadata.labels.topology\\.kubernetes\\.io/zone,PODS:.status.allocatable.pods'")
        doc.codeBlock(commands.text, language: "sh")
    }

    static func cniConfiguration(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        guard env.cluster != nil || env.cni != nil else { return }
        doc.heading(2, "CNI configuration")
        let settings = env.cni?.settings ?? [:]
        let keys = [CNISetting.customNetworking, CNISetting.labelDef, CNISetting.prefixDelegation, CNISetting.warmPrefix,
                    CNISetting.warmIP, CNISetting.minimumIP, CNISetting.externalSNAT]
        let expected = keys.compactMap { key in settings[key].map { MD.code("\(key)=\($0)") } }
        doc.paragraph("The VPC CNI reads its settings from the environment of the `aws-node` DaemonSet, not from a "
                      + "ConfigMap. " + (expected.isEmpty ? "The inputs give no settings, so the defaults are expected."
                                         : "Expected here: " + expected.joined(separator: ", ") + ".")
                      + " Mode in force: \(MD.text(context.facts.capacity.mode.title)).")
        var commands = Commands()
        commands.add("kubectl -n kube-system get ds aws-node -o yaml")
        commands.comment("Just the settings, one per line")
        commands.add(#"kubectl -n kube-system get ds aws-node -o jsonpath='{range .spec.template.spec.containers[?(@.name=="aws-node")].env[*]}{.name}={.value}{"\n"}{end}'"#)
        if let cluster = clusterName(env), env.addons.contains(where: { $0.name == "vpc-cni" }) {
            commands.add("aws eks describe-addon --cluster-name \(cluster) --addon-name vpc-cni\(Shell.region(env))", continued: [
                "--query 'addon.{version:addonVersion,status:status,role:serviceAccountRoleArn,config:configurationValues}'",
            ])
        }
        let configs = env.kubernetes.filter { $0.eniConfig != nil }.map(\.name).sorted()
        if context.facts.capacity.mode.customNetworking || !configs.isEmpty {
            commands.comment("Custom networking: each node needs the ENIConfig its label names")
            commands.add("kubectl get eniconfig")
            if !configs.isEmpty { commands.add("kubectl get eniconfig \(Shell.words(configs)) -o yaml") }
            let label = settings[CNISetting.labelDef] ?? "k8s.amazonaws.com/eniConfig"
            commands.add("kubectl get nodes -L \(Shell.quote(label))")
        }
        doc.codeBlock(commands.text, language: "sh")
    }

    static func egress(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let subnets = workloadSubnets(context)
        guard !subnets.isEmpty else { return }
        doc.heading(2, "Egress from pods and nodes")
        let snat = env.cni?.isEnabled(CNISetting.externalSNAT) == true
        doc.paragraph("Traffic to the internet leaves each subnet through the default route of its route table. "
                      + (snat ? "`AWS_VPC_K8S_CNI_EXTERNALSNAT` is on, so the next hop sees pod addresses and must "
                                + "translate or route them itself."
                              : "The CNI translates pod traffic leaving the VPC to the node's address, so the next hop "
                                + "sees node addresses."))
        var tables: [String] = []
        var targets: [RouteTargetKind: [String]] = [:]
        let rows: [[String]] = subnets.map { id in
            let routing = context.facts.routing(of: id)
            if let table = routing?.routeTable, !tables.contains(table) { tables.append(table) }
            if let route = routing?.defaultRoute, !(targets[route.kind] ?? []).contains(route.target) {
                targets[route.kind, default: []].append(route.target)
            }
            let next = routing?.defaultRoute.map { "\(MD.code($0.target)) (\(MD.text($0.kind.rawValue))\($0.state == "active" ? "" : ", \(MD.text($0.state))"))" }
                ?? "no default route"
            return [context.subnetLabel(id), routing?.routeTable.map { MD.code($0) + (routing?.explicit == false ? " (main)" : "") } ?? "—",
                    next, MD.cell(routing?.tier.rawValue)]
        }
        doc.table(["Subnet", "Route table", "0.0.0.0/0 goes to", "Tier"], rows)
        for table in tables { if let model = env.routeTable(table) { doc.source(model.source) } }
        var commands = Commands()
        if !tables.isEmpty {
            commands.add("aws ec2 describe-route-tables\(Shell.region(env)) --route-table-ids \(Shell.words(tables))",
                         continued: ["--query 'RouteTables[].Routes[]' --output table"])
        }
        if let instances = targets[.instance] {
            commands.comment("The appliance instances must be running with the source/destination check off")
            commands.add("aws ec2 describe-instances\(Shell.region(env)) --instance-ids \(Shell.words(instances))", continued: [
                "--query 'Reservations[].Instances[].{id:InstanceId,state:State.Name,sourceDestCheck:SourceDestCheck}' --output table",
            ])
        }
        if let nats = targets[.natGateway] {
            commands.add("aws ec2 describe-nat-gateways\(Shell.region(env)) --nat-gateway-ids \(Shell.words(nats))",
                         continued: ["--query 'NatGateways[].{id:NatGatewayId,state:State,subnet:SubnetId}' --output table"])
        }
        if let gateways = targets[.internetGateway] {
            commands.add("aws ec2 describe-internet-gateways\(Shell.region(env)) --internet-gateway-ids \(Shell.words(gateways))")
        }
        commands.comment("The path eksdoc computes from the inputs")
        for id in subnets { commands.add(trace(env, from: id, to: "8.8.8.8:443")) }
        appliances(context, tables, &commands)
        commands.comment("From inside the cluster")
        commands.add("kubectl run egress-check --rm -it --restart=Never --image=curlimages/curl -- curl -sS -m 10 -o /dev/null -w '%{http_code}\\n' https://aws.amazon.com")
        doc.codeBlock(commands.text, language: "sh")
    }

    /// Non-default routes to instances (corporate ranges through an appliance): one trace per appliance.
    private static func appliances(_ context: PageContext, _ tables: [String], _ commands: inout Commands) {
        let env = context.env
        let subnets = workloadSubnets(context)
        guard let from = subnets.first else { return }
        var firstByTarget: [String: String] = [:]
        for table in tables.compactMap({ env.routeTable($0) }) {
            for route in table.routes where route.targetKind == .instance && route.destination != "0.0.0.0/0" {
                guard let network = IPv4Network(route.destination) else { continue }
                if let current = firstByTarget[route.target], let known = IPv4Network(current), known < network { continue }
                firstByTarget[route.target] = network.description
            }
        }
        guard !firstByTarget.isEmpty else { return }
        commands.comment("Private and corporate ranges routed to appliances: one destination per appliance")
        for target in firstByTarget.keys.sorted() {
            guard let destination = firstByTarget[target], let address = addressIn(destination) else { continue }
            commands.add("aws ec2 describe-route-tables\(Shell.region(env)) --filters \(Shell.quote("Name=route.destination-cidr-block,Values=\(destination)"))",
                         continued: ["--query 'RouteTables[].RouteTableId' --output text"])
            commands.add(trace(env, from: from, to: "\(address):443"))
        }
    }
}
