import EKSDocModel

extension Routing {
    /// What a subnet is used for, in `SubnetRole` declaration order (elb, internalElb, pods, cluster, nodes,
    /// database).
    ///
    /// - `elb` / `internalElb`: the tags `kubernetes.io/role/elb` / `kubernetes.io/role/internal-elb` with value `1`
    ///   (the AWS Load Balancer Controller also accepts an empty value, so that counts too).
    /// - `pods`: an ENIConfig in the environment's Kubernetes objects names the subnet.
    /// - `cluster`: the EKS cluster's `subnets` list it. `nodes`: a node group's `subnets` list it.
    /// - `database` is a heuristic: the subnet's name (`Name` tag, else the model's name) split on every
    ///   non-alphanumeric character has a token `db`, `rds` or `database` (optionally followed by digits, or the
    ///   plural `databases`), or a tag key contains `database` or `db-subnet` (case-insensitive). So
    ///   `leadertools.qas.db.prv.az1` and `app-rds-a` count, `dbt-runner` and `feedback` do not.
    public static func roles(of subnet: Subnet, in env: Environment) -> [SubnetRole] {
        var roles = Set<SubnetRole>()
        if isRoleTag(subnet.tags["kubernetes.io/role/elb"]) { roles.insert(.elb) }
        if isRoleTag(subnet.tags["kubernetes.io/role/internal-elb"]) { roles.insert(.internalElb) }
        if env.kubernetes.contains(where: { $0.eniConfig?.subnet == subnet.id }) { roles.insert(.pods) }
        if env.cluster?.subnets.contains(subnet.id) == true { roles.insert(.cluster) }
        if env.nodeGroups.contains(where: { $0.subnets.contains(subnet.id) }) { roles.insert(.nodes) }
        if looksLikeDatabase(subnet) { roles.insert(.database) }
        return SubnetRole.allCases.filter(roles.contains)
    }

    private static func isRoleTag(_ value: String?) -> Bool {
        guard let value else { return false }
        return value == "1" || value.isEmpty || value.lowercased() == "true"
    }

    /// The database heuristic of `roles(of:in:)`.
    static func looksLikeDatabase(_ subnet: Subnet) -> Bool {
        let keys = subnet.tags.keys.map { $0.lowercased() }
        if keys.contains(where: { $0.contains("database") || $0.contains("db-subnet") }) { return true }
        let name = (subnet.tags.nameTag ?? subnet.name ?? "").lowercased()
        let tokens = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return tokens.contains { token in
            if token == "databases" { return true }
            for stem in ["database", "rds", "db"] where token.hasPrefix(stem) {
                if token.dropFirst(stem.count).allSatisfy(\.isNumber) { return true }
            }
            return false
        }
    }
}
