import EKSDocHCL
import EKSDocModel

/// Reads one input file: decides its syntax from its content, parses it, and hands each document to the
/// reader that recognises it.
public enum FileIngest {
    /// The result for one file.
    public struct Result: Sendable {
        public var fragments: [Fragment] = []
        public var diagnostics = Diagnostics()
        /// False when no reader recognised anything in the file.
        public var recognized: Bool { !fragments.isEmpty }
    }

    public static func ingest(_ file: SourceFile) -> Result {
        var result = Result()
        switch FileSyntax.detect(file.text) {
        case .json: ingestJSON(file, into: &result)
        case .yaml: ingestYAML(file, into: &result)
        case .hcl: ingestHCL(file, into: &result)
        }
        return result
    }

    static func apply(_ reader: any DocumentReader.Type, _ node: Node, origin: Origin? = nil, file: String,
                      into result: inout Result) {
        var fragment = Fragment(file: file, origin: origin ?? reader.origin)
        reader.read(node, into: &fragment.environment, diagnostics: &result.diagnostics)
        result.fragments.append(fragment)
    }

    static func ingestJSON(_ file: SourceFile, into result: inout Result) {
        if file.path.hasSuffix(".tfvars.json") {
            let (body, diagnostics) = TFVarsJSON.parse(file.text, file: file.path)
            result.diagnostics.append(contentsOf: diagnostics)
            var fragment = Fragment(file: file.path, origin: .declared)
            TerraformInputsReader.read(body, into: &fragment.environment)
            result.fragments.append(fragment)
            return
        }
        let (parsed, diagnostics) = JSONParser.parse(file.text, file: file.path)
        result.diagnostics.append(contentsOf: diagnostics)
        guard let node = parsed else { return }
        if TerraformStateReader.recognizes(node) {
            apply(TerraformStateReader.self, node, file: file.path, into: &result)
        } else if let reader = AWSSnapshotReaders.all.first(where: { $0.recognizes(node) }) {
            apply(reader, node, file: file.path, into: &result)
        } else if EksctlReader.recognizes(node) {
            apply(EksctlReader.self, node, file: file.path, into: &result)
        } else if KubernetesReader.recognizes(node) {
            // `kubectl get -o json` output records what runs in the cluster.
            apply(KubernetesReader.self, node, origin: .live, file: file.path, into: &result)
        } else if AWSSnapshotReaders.recognizesUnknownAWSShape(node) {
            result.diagnostics.warning("unknown AWS CLI output shape (keys: \(node.keys.joined(separator: ", "))), skipped", at: node.location)
        } else {
            result.diagnostics.warning("not a recognised input (AWS CLI output, Terraform state, Kubernetes object), skipped", at: node.location)
        }
    }

    static func ingestYAML(_ file: SourceFile, into result: inout Result) {
        let (documents, diagnostics) = YAMLLoader.load(file.text, file: file.path)
        result.diagnostics.append(contentsOf: diagnostics)
        for document in documents {
            if EksctlReader.recognizes(document) {
                apply(EksctlReader.self, document, file: file.path, into: &result)
            } else if KubernetesReader.recognizes(document) {
                apply(KubernetesReader.self, document, file: file.path, into: &result)
            } else if let cni = HelmCNIValues.read(document) {
                var fragment = Fragment(file: file.path, origin: .declared)
                fragment.environment.cni = cni
                result.fragments.append(fragment)
            } else {
                result.diagnostics.warning("YAML document is not a Kubernetes object, eksctl ClusterConfig or aws-vpc-cni values; skipped",
                                           at: document.location)
            }
        }
    }

    static func ingestHCL(_ file: SourceFile, into result: inout Result) {
        let (body, diagnostics) = HCLParser.parse(file.text, file: file.path)
        result.diagnostics.append(contentsOf: diagnostics)
        var fragment = Fragment(file: file.path, origin: .declared)
        TerraformInputsReader.read(body, into: &fragment.environment)
        result.fragments.append(fragment)
    }
}

/// Helm values of the `aws-vpc-cni` chart: an `env` mapping of aws-node settings.
enum HelmCNIValues {
    static func read(_ document: Node) -> CNIConfig? {
        guard let env = document["env"], env.isMap,
              env.keys.contains(where: { $0.hasPrefix("AWS_VPC_") || $0.hasPrefix("ENABLE_") || $0.hasPrefix("WARM_") }) else {
            return nil
        }
        var settings: [String: String] = [:]
        for (key, value) in env.pairs { if let text = value.text { settings[key] = text } }
        return CNIConfig(settings: settings, source: env.location)
    }
}
