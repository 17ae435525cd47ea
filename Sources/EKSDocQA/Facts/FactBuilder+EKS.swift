import EKSDocAnalysis
import EKSDocModel

extension FactBuilder {
    /// The control plane, node groups, VPC CNI settings and ENIConfigs.
    mutating func cluster() {
        let cluster = env.cluster
        set("cluster.name", cluster?.name)
        set("cluster.version", cluster?.version)
        set("cluster.serviceCidr", cluster?.serviceCidr)
        set("cluster.oidcIssuer", cluster?.oidcIssuer)
        set("cluster.logging", Self.joined(cluster?.logging ?? []))
        let isPublic = cluster?.endpointPublic ?? false
        set("cluster.endpointPublic", isPublic)
        set("cluster.endpointPrivate", cluster?.endpointPrivate ?? false)
        let cidrs = cluster?.publicAccessCidrs ?? []
        // Without publicAccessCidrs a public endpoint is open to 0.0.0.0/0 (the EKS default).
        set("cluster.publicOpenToWorld", isPublic && (cidrs.isEmpty || cidrs.contains("0.0.0.0/0") || cidrs.contains("::/0")))
        set("cluster.publicAccessCidrs", Self.joined(isPublic && cidrs.isEmpty ? ["0.0.0.0/0"] : cidrs))

        let first = env.nodeGroups.first
        set("nodeGroup.name", first?.name)
        set("nodeGroup.instanceType", Self.joined(first?.instanceTypes ?? []))
        set("nodeGroup.min", first?.min ?? 0)
        set("nodeGroup.max", first?.max ?? 0)
        set("nodeGroup.desired", first?.desired ?? 0)
        set("nodeGroups", items: env.nodeGroups.map {
            .item(["name": .string($0.name), "instanceTypes": .string(Self.joined($0.instanceTypes)),
                   "min": .number($0.min ?? 0), "max": .number($0.max ?? 0), "desired": .number($0.desired ?? 0)])
        })

        let mode = MaxPodsMode(env.cni)
        set("cni.customNetworking", mode.customNetworking)
        set("cni.prefixDelegation", mode.prefixDelegation)
        set("cni.externalSnat", env.cni?.isEnabled("AWS_VPC_K8S_CNI_EXTERNALSNAT") ?? false)
        set("cni.warmPrefixTarget", env.cni?.settings["WARM_PREFIX_TARGET"])
        set("cni.warmIpTarget", env.cni?.settings["WARM_IP_TARGET"])
        set("cni.minimumIpTarget", env.cni?.settings["MINIMUM_IP_TARGET"])
        set("cni.eniConfigLabel", env.cni?.settings["ENI_CONFIG_LABEL_DEF"])
        let configs = env.kubernetes.filter { $0.eniConfig != nil }.sorted { $0.name < $1.name }
        set("eniConfigs", items: configs.map {
            .item(["name": .string($0.name), "subnet": .string($0.eniConfig?.subnet),
                   "securityGroups": .string(Self.joined($0.eniConfig?.securityGroups ?? []))])
        })
    }

    /// Max pods for the first node-group instance type, pod and node capacity, Karpenter and add-ons.
    mutating func capacity() {
        let catalog = InstanceTypeCatalog.builtin.merging(env.instanceTypes)
        let type = env.nodeGroups.lazy.flatMap(\.instanceTypes).first { catalog[$0] != nil }
            ?? env.nodeGroups.first?.instanceTypes.first
        let info = type.flatMap { catalog[$0] }
        let mode = MaxPodsMode(env.cni)
        set("maxPods.instanceType", type)
        set("maxPods.enis", info?.maxENIs ?? 0)
        set("maxPods.ipsPerEni", info?.ipv4PerENI ?? 0)
        set("maxPods.vcpus", info?.vcpus ?? 0)
        func formula(_ mode: MaxPodsMode) -> MaxPods? { info.map { MaxPods.compute($0, mode: mode) } }
        set("maxPods.default", formula(.default)?.byFormula ?? 0)
        set("maxPods.customNetworking", formula(.customNetworking)?.byFormula ?? 0)
        // Prefix delegation with custom networking as the environment has it.
        let prefix = MaxPodsMode(customNetworking: mode.customNetworking, prefixDelegation: true)
        set("maxPods.prefixDelegation", formula(prefix)?.byFormula ?? 0)
        let inForce = formula(mode)
        set("maxPods.formulaInForce", inForce?.byFormula ?? 0)
        set("maxPods.recommended", inForce?.recommended ?? 0)
        set("maxPods.formula", inForce?.formula)

        let capacity = analysis.capacity
        let pods = capacity.podCapacity
        set("capacity.pods", Self.formatted(pods?.value))
        set("capacity.podAddresses", capacity.podSubnets.isEmpty ? "" : Self.formatted(capacity.podAddresses))
        set("capacity.podPrefixAddresses", Self.formatted(capacity.podPrefixAddresses))
        set("capacity.nodeAddresses", capacity.nodeSubnets.isEmpty ? "" : Self.formatted(capacity.nodeAddresses))
        set("capacity.nodeLimit", Self.formatted(pods?.nodeLimit))
        set("capacity.limitedBy", pods?.limitedBy)
        set("capacity.explanation", pods?.explanation)
        set("capacity.serviceAddresses", Self.formatted(capacity.serviceCidr?.addresses))

        set("karpenter.version", env.karpenter?.version)
        set("karpenter.amiSelector", env.karpenter?.amiSelector ?? amiSelectorFromNodeClass)
        let pools = env.kubernetes.filter { $0.nodePool != nil }.sorted { $0.name < $1.name }
        set("karpenter.nodePools", items: pools.map {
            .item(["name": .string($0.name), "requirements": .string(($0.nodePool?.requirements ?? []).joined(separator: "; "))])
        })

        let addons = env.addons.sorted { $0.name < $1.name }
        set("addons", items: addons.map { .item(["name": .string($0.name), "version": .string($0.version)]) })
        let names = Set(addons.map(\.name))
        set("has.addon.vpcCni", names.contains("vpc-cni"))
        set("has.addon.ebsCsi", names.contains("aws-ebs-csi-driver"))
        set("has.addon.coredns", names.contains("coredns"))
        set("has.addon.podIdentityAgent", names.contains("eks-pod-identity-agent"))
    }

    /// The AMI selectors of the first EC2NodeClass that has any, joined.
    var amiSelectorFromNodeClass: String? {
        let classes = env.kubernetes.compactMap(\.nodeClass).filter { !$0.amiSelectors.isEmpty }
        return classes.first.map { Self.joined($0.amiSelectors) }
    }
}
