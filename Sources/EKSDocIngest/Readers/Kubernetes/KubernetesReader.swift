import EKSDocModel

/// Reads Kubernetes objects: manifests applied with `kubectl apply` and the output of `kubectl get -o json`.
///
/// Recognises any document with a string `apiVersion` and `kind`, except eksctl's `ClusterConfig` and client-side
/// configuration that is not a cluster object (kubeconfig `Config`, kustomize files).
/// A `List` (or any `*List` kind with `items`, as `kubectl get -o json` prints) is read item by item.
/// Every object keeps its identity, labels and annotations; the kinds eksdoc documents also get a typed spec.
/// Secret values never enter the model: Secret data keeps its keys only, and secret-looking env values,
/// ConfigMap values and annotations are withheld.
///
/// The same object (kind, namespace and name) twice in one file is an error: which definition is meant is unclear.
public enum KubernetesReader: DocumentReader {
    public static let origin: Origin = .declared

    public static func recognizes(_ document: Node) -> Bool {
        guard case .string(let apiVersion)? = document["apiVersion"]?.content,
              case .string(let kind)? = document["kind"]?.content else { return false }
        return !EksctlReader.isClusterConfig(apiVersion: apiVersion, kind: kind)
            && !(apiVersion == "v1" && kind == "Config")
            && KubernetesSpecs.group(of: apiVersion) != "kustomize.config.k8s.io"
    }

    public static func read(_ document: Node, into environment: inout Environment, diagnostics: inout Diagnostics) {
        guard let kind = document["kind"]?.text else { return }
        let isList = kind == "List" || (kind.hasSuffix("List") && document["items"] != nil)
        guard isList else {
            readObject(document, into: &environment, &diagnostics)
            return
        }
        let list = Fields(document, context: kind)
        for item in list.list("items", &diagnostics) {
            guard case .string? = item["apiVersion"]?.content, case .string? = item["kind"]?.content else {
                diagnostics.error("\(kind): every item needs a string 'apiVersion' and 'kind'", at: item.location)
                continue
            }
            readObject(item, into: &environment, &diagnostics)
        }
    }

    /// Reads one object (a document or a List item) and adds it to the environment.
    static func readObject(_ node: Node, into environment: inout Environment, _ d: inout Diagnostics) {
        guard let apiVersion = node["apiVersion"]?.text, let kind = node["kind"]?.text,
              let metadata = KubernetesMetadata.read(node, kind: kind, &d) else { return }
        var object = KubernetesObject(apiVersion: apiVersion, kind: kind, namespace: metadata.namespace,
                                      name: metadata.name, labels: metadata.labels,
                                      annotations: metadata.annotations, source: node.location)
        let fields = Fields(node, context: metadata.describe(kind: kind))
        KubernetesSpecs.fill(&object, from: fields, into: &environment, &d)
        insert(object, into: &environment, &d)
    }

    /// Appends the object, or reports an earlier one with the same key from the same file (an error; the later
    /// definition is kept so later checks see one object).
    static func insert(_ object: KubernetesObject, into environment: inout Environment, _ d: inout Diagnostics) {
        guard let index = environment.kubernetes.firstIndex(where: {
            $0.key == object.key && $0.source.file == object.source.file
        }) else {
            environment.kubernetes.append(object)
            return
        }
        let previous = environment.kubernetes[index]
        let place = object.namespace.map { "\($0)/\(object.name)" } ?? object.name
        d.error("duplicate \(object.kind) '\(place)' (first at line \(previous.source.line)): one object defined twice in one file",
                at: object.source)
        environment.identities.removeAll { $0.source == previous.source }
        environment.kubernetes[index] = object
    }
}

/// The typed spec readers, one file per concept (workloads, services, data, storage, scaling, policies,
/// AWS extensions, Karpenter).
enum KubernetesSpecs {
    /// The API groups each understood kind is read from; other groups keep the object generic
    /// (a Knative `Service` or a Calico `NetworkPolicy` is not a core one).
    static let groups: [String: Set<String>] = [
        "Deployment": ["apps", "extensions"], "StatefulSet": ["apps"], "DaemonSet": ["apps", "extensions"],
        "ReplicaSet": ["apps", "extensions"], "Job": ["batch"], "CronJob": ["batch"], "Pod": [""],
        "Service": [""], "Ingress": ["networking.k8s.io", "extensions"], "ConfigMap": [""], "Secret": [""],
        "ServiceAccount": [""], "StorageClass": ["storage.k8s.io"], "PersistentVolumeClaim": [""],
        "HorizontalPodAutoscaler": ["autoscaling"], "NetworkPolicy": ["networking.k8s.io", "extensions"],
        "ENIConfig": ["crd.k8s.amazonaws.com"], "SecretProviderClass": ["secrets-store.csi.x-k8s.io"],
        "NodePool": ["karpenter.sh"], "EC2NodeClass": ["karpenter.k8s.aws"],
    ]

    /// The API group of an `apiVersion` (`apps/v1` -> `apps`, `v1` -> the core group, empty).
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Sets the typed spec of a kind eksdoc understands, and the environment-wide facts some kinds carry
    /// (the VPC CNI settings of `aws-node`, IRSA bindings of service accounts).
    static func fill(_ object: inout KubernetesObject, from f: Fields, into environment: inout Environment,
                     _ d: inout Diagnostics) {
        guard groups[object.kind]?.contains(group(of: object.apiVersion)) == true else { return }
        switch object.kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod":
            object.workload = workload(f, kind: object.kind, labels: object.labels, &d)
            if let cni = AWSNodeCNI.config(of: object, from: f) { environment.cni = cni }
        case "Service": object.service = service(f, annotations: object.annotations, &d)
        case "Ingress": object.ingress = ingress(f, annotations: object.annotations, &d)
        case "ConfigMap": object.data = configMapData(f, &d)
        case "Secret": object.data = secretKeys(f, &d)
        case "ServiceAccount":
            let account = serviceAccount(object)
            object.serviceAccount = account
            if let binding = identity(of: object, account: account) { environment.identities.append(binding) }
        case "StorageClass": object.storageClass = storageClass(f, annotations: object.annotations, &d)
        case "PersistentVolumeClaim": object.claim = claim(f, &d)
        case "HorizontalPodAutoscaler": object.autoscaler = autoscaler(f, &d)
        case "NetworkPolicy": object.networkPolicy = networkPolicy(f, &d)
        case "ENIConfig": object.eniConfig = eniConfig(f, &d)
        case "SecretProviderClass": object.secretProvider = secretProvider(f, &d)
        case "NodePool": object.nodePool = nodePool(f, &d)
        case "EC2NodeClass": object.nodeClass = nodeClass(f, &d)
        default: break
        }
    }
}
