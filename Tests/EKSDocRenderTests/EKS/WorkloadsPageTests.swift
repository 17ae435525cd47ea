import EKSDocModel
@testable import EKSDocRender
import XCTest

/// The workloads page: objects by namespace and the links between them.
final class WorkloadsPageTests: XCTestCase {
    func testRetailWorkloadsAndServices() {
        let text = EKSPages.text(WorkloadsPage.self, "retail-store")
        let namespace = EKSPages.section(text, "## Namespace retail-products")
        for (name, replicas) in [("cart", 3), ("catalog", 3), ("checkout", 2), ("orders", 1), ("ui", 3)] {
            XCTAssertTrue(namespace.contains("| Deployment | `\(name)` | \(replicas) | `\(name)`: `123456789012.dkr.ecr.us-east-1.amazonaws.com/retail-store/\(name):v1.0.0` | `8080/TCP` (http) | `\(name)` |"), name)
            XCTAssertTrue(namespace.contains("| `\(name)` | ClusterIP |"), name)
            XCTAssertTrue(namespace.contains("| `app=\(name)` | Deployment `\(name)` | Ingress `retail-ingress` |"), name)
        }
        XCTAssertTrue(namespace.contains("| StatefulSet | `catalog-cache` | 1 |"))
        XCTAssertTrue(namespace.contains("| `catalog-mysql` | ExternalName |"))
    }

    func testRetailIngress() {
        let section = EKSPages.section(EKSPages.text(WorkloadsPage.self, "retail-store"), "### Ingresses")
        XCTAssertTrue(section.contains("| Class | `alb` |"), section)
        XCTAssertTrue(section.contains("| Scheme | `internet-facing` |"))
        XCTAssertTrue(section.contains("| Target type | `ip` |"))
        XCTAssertTrue(section.contains("| Load balancer | `k8s-retailpr-retailin-6c1f2a9b3e` (internet-facing) |"))
        XCTAssertTrue(section.contains("| `app.example.com` | `/api/v1/catalog` | `catalog`:`80` |"))
        XCTAssertTrue(section.contains("| `app.example.com` | `/` | `ui`:`http` |"))
    }

    func testRetailLinksFromIngressToRole() {
        let text = EKSPages.text(WorkloadsPage.self, "retail-store")
        XCTAssertTrue(text.contains("- `app.example.com/api/v1/catalog` (Ingress `retail-ingress`) → Service `catalog`:`80` → Deployment `catalog` → ServiceAccount `catalog` → IAM role `catalog-pod-iam-role` (IRSA)"), text)
        XCTAssertTrue(text.contains("- `app.example.com/` (Ingress `retail-ingress`) → Service `ui`:`http` → Deployment `ui` → ServiceAccount `ui` → no IAM role"))
        XCTAssertTrue(text.contains("| Deployment `orders` | Service `orders` ← Ingress `retail-ingress` | ConfigMap `orders-config` | SecretProviderClass `orders-secrets` (`orders-db-secret`) | PersistentVolumeClaim `orders-storage` → StorageClass `gp3-ebs`, `20Gi` | ServiceAccount `orders` → IAM role `orders-pod-iam-role` (IRSA) |"))
        XCTAssertTrue(text.contains("| Deployment `checkout` | Service `checkout` ← Ingress `retail-ingress` | ConfigMap `checkout-config` | Secret `retail-api-keys`; SecretProviderClass `checkout-secrets` (`checkout-redis-secret`) |"))
        XCTAssertTrue(text.contains("| StatefulSet `catalog-cache` | Service `catalog-cache` | — | — | volume claim template `catalog-cache` |"))
        XCTAssertTrue(text.contains("![Workloads of retail-store: ingress, services, workloads, configuration, storage and identities](../../diagrams/retail-store-workloads.svg)"))
    }

    func testRetailConfigSecretsStorageAndAccounts() {
        let text = EKSPages.text(WorkloadsPage.self, "retail-store")
        XCTAssertTrue(text.contains("| `retail-api-keys` | `PAYMENT_API_KEY` (withheld), `SHIPPING_API_KEY` (withheld), `WEBHOOK_TOKEN` (withheld) | Deployment `checkout` |"), text)
        XCTAssertTrue(text.contains("| `checkout` | `checkout` | `REDIS_FALLBACK_PASSWORD` | (withheld) |"))
        XCTAssertTrue(text.contains("| `checkout` | `checkout` | `PAYMENT_API_KEY` | key `PAYMENT_API_KEY` of Secret `retail-api-keys` |"))
        XCTAssertTrue(text.contains("| `catalog` | `catalog` | `APP_VERSION` | `1.0.0` |"))
        XCTAssertTrue(text.contains("`DB_PORT=3306`"))
        XCTAssertTrue(text.contains("| `orders-storage` | `gp3-ebs` (`ebs.csi.aws.com`) | `20Gi` | `ReadWriteOnce` | Deployment `orders` |"))
        XCTAssertTrue(text.contains("| `gp3-ebs` | `ebs.csi.aws.com` |"))
        XCTAssertTrue(text.contains("| `catalog-secrets` | aws | `catalog-db-secret`"))
        XCTAssertTrue(text.contains("| `ui-hpa` | `Deployment/ui` | 3 | 12 | `cpu 70%` | 3 |"))
        XCTAssertTrue(text.contains("| `cart` | `arn:aws:iam::123456789012:role/cart-pod-iam-role` (IRSA) | Deployment `cart` |"))
        XCTAssertTrue(text.contains("| `ui` | none (no IRSA or Pod Identity binding) | Deployment `ui` |"))
    }

    func testLeadertoolsAwsNodeAndCustomResources() {
        let text = EKSPages.text(WorkloadsPage.self, "leadertools-qas")
        XCTAssertTrue(text.contains("| DaemonSet | `aws-node` | one per node |"), text)
        XCTAssertTrue(text.contains("ServiceAccount `aws-node` (not in the manifests) → IAM role `leadertools-qas-vpc-cni-irsa-20250624164109337100000006` (IRSA)"))
        XCTAssertTrue(text.contains("- ENIConfig `us-west-2a` (`crd.k8s.amazonaws.com/v1alpha1`): see [CNI and capacity](cni-capacity.md#eniconfigs)"))
        XCTAssertTrue(text.contains("- NodePool `default` (`karpenter.sh/v1`): see [Cluster](cluster.md#karpenter)"))
    }

    func testSelectorMatching() {
        let source = SourceLocation(file: "m.yaml", line: 1, column: 1)
        var env = Environment(name: "sel")
        var web = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: "a", name: "web", source: source)
        web.workload = WorkloadSpec(podLabels: ["app": "web", "tier": "front"])
        var other = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: "b", name: "web", source: source)
        other.workload = WorkloadSpec(podLabels: ["app": "web"])
        var service = KubernetesObject(apiVersion: "v1", kind: "Service", namespace: "a", name: "web", source: source)
        service.service = ServiceSpec(selector: ["app": "web", "tier": "front"])
        var strict = KubernetesObject(apiVersion: "v1", kind: "Service", namespace: "a", name: "strict", source: source)
        strict.service = ServiceSpec(selector: ["app": "web", "tier": "back"])
        env.kubernetes = [web, other, service, strict]
        let index = WorkloadIndex(env)
        XCTAssertEqual(index.selected(by: service).map(\.key), ["Deployment/a/web"], "same namespace, every selector pair")
        XCTAssertTrue(index.selected(by: strict).isEmpty)
    }

    func testMissingReferencesAreMarked() {
        let source = SourceLocation(file: "m.yaml", line: 1, column: 1)
        var env = Environment(name: "dangling")
        var app = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: "x", name: "app", source: source)
        app.workload = WorkloadSpec(serviceAccount: "robot", containers: [Container(name: "c", envFrom: ["configMap:gone"])],
                                    volumes: [Volume(name: "d", type: "persistentVolumeClaim", reference: "lost")])
        env.kubernetes = [app]
        let text = WorkloadsPage.build(Example.context(for: env)).text
        XCTAssertTrue(text.contains("ConfigMap `gone` (not in the manifests)"), text)
        XCTAssertTrue(text.contains("PersistentVolumeClaim `lost` (not in the manifests)"))
        XCTAssertTrue(text.contains("ServiceAccount `robot` (not in the manifests) → no IAM role"))
    }

    func testNoManifests() {
        let text = WorkloadsPage.build(Example.context(for: Environment(name: "empty"))).text
        XCTAssertTrue(text.contains("hold no Kubernetes manifests"), text)
        XCTAssertFalse(text.contains("diagrams/"), "no diagram embed without objects")
    }
}
