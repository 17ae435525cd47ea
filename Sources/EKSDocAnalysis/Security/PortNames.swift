/// Names of well-known ports, used to say what an open port is for.
public enum PortNames {
    static let table: [Int: String] = [
        22: "SSH", 25: "SMTP", 53: "DNS", 80: "HTTP", 111: "RPC", 123: "NTP", 135: "MS RPC", 139: "NetBIOS",
        143: "IMAP", 389: "LDAP", 443: "HTTPS", 445: "SMB", 465: "SMTPS", 636: "LDAPS", 1433: "SQL Server",
        1521: "Oracle", 2049: "NFS", 2379: "etcd", 2380: "etcd peer", 3000: "Grafana", 3306: "MySQL",
        3389: "RDP", 4443: "metrics-server webhook", 5432: "PostgreSQL", 5601: "Kibana", 5672: "AMQP",
        5900: "VNC", 6379: "Redis", 6443: "Kubernetes API", 8080: "HTTP alternate", 8443: "HTTPS alternate",
        9090: "Prometheus", 9092: "Kafka", 9200: "Elasticsearch", 9443: "webhook", 10250: "kubelet API",
        11211: "Memcached", 15017: "Istio webhook", 27017: "MongoDB",
    ]

    /// Ports that give administrative or data access and should never be open to the internet.
    public static let sensitive: Set<Int> = [22, 23, 135, 139, 445, 1433, 1521, 2049, 2379, 2380, 3306, 3389,
                                             5432, 5900, 6379, 6443, 9200, 10250, 11211, 27017]

    public static func name(_ port: Int) -> String? { table[port] }

    /// Well-known names inside a port range, in port order (all of them for "all ports").
    public static func names(from: Int?, to: Int?) -> [String] {
        let low = from ?? 0, high = to ?? 65_535
        return table.keys.sorted().filter { (low...max(low, high)).contains($0) }.compactMap { table[$0].map { "\($0)" } }
    }

    /// Sensitive ports inside a range.
    public static func sensitivePorts(from: Int?, to: Int?) -> [Int] {
        let low = from ?? 0, high = to ?? 65_535
        return sensitive.sorted().filter { (low...max(low, high)).contains($0) }
    }

    /// Human text for a rule's protocol and ports: `all traffic`, `tcp 443 (HTTPS)`, `tcp 1025-65535`, `icmp type 8`.
    public static func describe(protocol proto: String, from: Int?, to: Int?) -> String {
        switch proto {
        case "-1", "all": return "all traffic"
        case "icmp", "icmpv6":
            if let from, from >= 0 { return "\(proto) type \(from)" + ((to ?? -1) >= 0 ? " code \(to!)" : "") }
            return "\(proto) (all types)"
        default:
            guard let from, let to, !(from == 0 && to == 65_535), from >= 0 else { return "\(proto) all ports" }
            if from == to { return "\(proto) \(from)" + (name(from).map { " (\($0))" } ?? "") }
            return "\(proto) \(from)-\(to)"
        }
    }
}
