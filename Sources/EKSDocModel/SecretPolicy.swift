/// Decides which names and values are secret. Secret values never enter the model: the key stays, marked withheld.
public enum SecretPolicy {
    /// Fragments that mark a name as secret once separators are removed and case is folded.
    static let secretNameFragments = [
        "password", "passwd", "passphrase", "secret", "token", "privatekey", "accesskey", "apikey",
        "credential", "sessionkey", "clientkey", "certificateauthoritydata", "cadata", "tlskey",
    ]

    /// True when a variable, key or environment name looks like it holds a secret
    /// (`db_password`, `AWS_SECRET_ACCESS_KEY`, `api-token`, `tls.key` ...).
    public static func isSecretName(_ name: String) -> Bool {
        let folded = String(name.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }.map(Character.init))
        return secretNameFragments.contains { folded.contains($0) }
    }

    /// True when a value has the shape of a credential whatever its name: AWS access key ids (AKIA/ASIA),
    /// AWS secret keys, PEM blocks (private keys and certificates), JSON web tokens.
    public static func looksSecret(_ value: String) -> Bool {
        if value.contains("-----BEGIN ") { return true }
        if containsAccessKeyId(value) { return true }
        if value.hasPrefix("eyJ"), value.split(separator: ".").count == 3, value.count > 30 { return true }
        return looksLikeSecretAccessKey(value)
    }

    /// True when the value should be withheld given its name.
    public static func shouldWithhold(name: String, value: String) -> Bool {
        isSecretName(name) || looksSecret(value)
    }

    static func containsAccessKeyId(_ value: String) -> Bool {
        let chars = Array(value.utf8)
        guard chars.count >= 20 else { return false }
        for start in 0...(chars.count - 20) {
            let head = chars[start..<start + 4]
            guard head.elementsEqual("AKIA".utf8) || head.elementsEqual("ASIA".utf8) else { continue }
            let body = chars[start + 4..<start + 20]
            let bodyOK = body.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
            let before = start == 0 || !isAlnum(chars[start - 1])
            let after = start + 20 == chars.count || !isAlnum(chars[start + 20])
            if bodyOK && before && after { return true }
        }
        return false
    }

    static func looksLikeSecretAccessKey(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 40 else { return false }
        var upper = false, lower = false, digit = false
        for b in bytes {
            switch b {
            case 65...90: upper = true
            case 97...122: lower = true
            case 48...57: digit = true
            case UInt8(ascii: "/"), UInt8(ascii: "+"): continue
            default: return false
            }
        }
        return upper && lower && digit
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (65...90).contains(b) || (97...122).contains(b) || (48...57).contains(b)
    }
}

extension SecretPolicy {
    /// The text a withheld value is replaced by.
    public static let withheldText = "(withheld)"

    /// Tags or labels with each secret value (by its key or its shape) replaced by `withheldText`.
    public static func withholding(_ tags: [String: String]) -> [String: String] {
        tags.reduce(into: [:]) { result, entry in
            result[entry.key] = shouldWithhold(name: entry.key, value: entry.value) ? withheldText : entry.value
        }
    }

    /// A display name, withheld when it has the shape of a credential (a `Name` tag holding a key).
    public static func withholding(name: String?) -> String? {
        guard let name, looksSecret(name) else { return name }
        return withheldText
    }
}

extension Environment {
    /// The environment with every tag, label and name that holds a secret withheld: tags set by anyone on a
    /// resource (`deploy-key = AKIA...`, a PEM in a tag) never reach a page, a diagram or `model.json`.
    public func withholdingSecrets() -> Environment {
        var env = self
        env.vpcs = vpcs.map { var x = $0; x.tags = SecretPolicy.withholding(x.tags); x.name = SecretPolicy.withholding(name: x.name); return x }
        env.subnets = subnets.map { var x = $0; x.tags = SecretPolicy.withholding(x.tags); x.name = SecretPolicy.withholding(name: x.name); return x }
        env.routeTables = routeTables.map { var x = $0; x.tags = SecretPolicy.withholding(x.tags); x.name = SecretPolicy.withholding(name: x.name); return x }
        env.securityGroups = securityGroups.map { var x = $0; x.tags = SecretPolicy.withholding(x.tags); x.name = SecretPolicy.withholding(name: x.name); return x }
        env.instances = instances.map { var x = $0; x.tags = SecretPolicy.withholding(x.tags); x.name = SecretPolicy.withholding(name: x.name); return x }
        env.internetGateways = internetGateways.map { var x = $0; x.name = SecretPolicy.withholding(name: x.name); return x }
        env.natGateways = natGateways.map { var x = $0; x.name = SecretPolicy.withholding(name: x.name); return x }
        env.networkAcls = networkAcls.map { var x = $0; x.name = SecretPolicy.withholding(name: x.name); return x }
        env.nodeGroups = nodeGroups.map { var x = $0; x.labels = SecretPolicy.withholding(x.labels); return x }
        env.kubernetes = kubernetes.map { var x = $0; x.labels = SecretPolicy.withholding(x.labels); x.annotations = SecretPolicy.withholding(x.annotations); return x }
        return env
    }
}
