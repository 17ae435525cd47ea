import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct KubernetesListTests {
    @Test func kubectlJSONListIsReadItemByItem() throws {
        let text = try ManifestTestSupport.text(ManifestTestSupport.localFixture("kubectl-get-list.json"))
        let (parsed, parseDiagnostics) = JSONParser.parse(text, file: "kubectl-get-list.json")
        #expect(parseDiagnostics.items.isEmpty)
        let document = try #require(parsed)
        #expect(KubernetesReader.recognizes(document))
        var env = Environment(name: "live")
        var diagnostics = Diagnostics()
        KubernetesReader.read(document, into: &env, diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.map(\.key) == ["Deployment/shop/carts", "Secret/shop/carts-db",
                                              "ServiceAccount/shop/carts", "Service/shop/carts"])
        let deployment = env.kubernetes[0]
        #expect(deployment.source == SourceLocation(file: "kubectl-get-list.json", line: 4, column: 9))
        #expect(deployment.annotations == ["deployment.kubernetes.io/revision": "3"])
        #expect(deployment.workload == WorkloadSpec(
            replicas: 2, selector: ["app.kubernetes.io/name": "carts"], podLabels: ["app.kubernetes.io/name": "carts"],
            serviceAccount: "carts",
            containers: [Container(name: "carts", image: "public.ecr.aws/aws-containers/retail-store-sample-cart:0.7.1",
                                   ports: [ContainerPort(name: "http", port: 8080, protocol: "TCP")],
                                   env: [EnvVar(name: "DB_PASSWORD", withheld: true),
                                         EnvVar(name: "CARTS_DYNAMODB_TABLENAME", value: "Items")])]))
        #expect(env.kubernetes[1].data == [DataEntry(key: "password", withheld: true)])
        #expect(env.kubernetes[3].service == ServiceSpec(
            type: "ClusterIP", selector: ["app.kubernetes.io/name": "carts"],
            ports: [ServicePort(name: "http", port: 80, targetPort: "http", protocol: "TCP")]))
        #expect(env.identities.map(\.serviceAccount) == ["carts"])
        let json = try ManifestTestSupport.dump(env)
        for planted in ["json-planted-password", "anNvbi1wbGFudGVkLXNlY3JldA==", "json-planted-secret", "last-applied"] {
            #expect(!json.contains(planted), "\(planted) leaked")
        }
    }

    @Test func yamlListAndTypedListKinds() {
        let yaml = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data: {x: "1"}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
        ---
        apiVersion: apps/v1
        kind: DeploymentList
        metadata: {resourceVersion: "1"}
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: c, namespace: n}
            spec: {replicas: 1}
        ---
        apiVersion: v1
        kind: List
        items: []
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.map(\.key) == ["ConfigMap//a", "ConfigMap//b", "Deployment/n/c"])
        #expect(env.kubernetes[0].source == SourceLocation(file: "test.yaml", line: 4, column: 5))
        #expect(env.kubernetes[0].data == [DataEntry(key: "x", value: "1")])
        #expect(env.kubernetes[2].workload == WorkloadSpec(replicas: 1))
    }

    @Test func duplicateObjectsInOneFileAreAnError() {
        let yaml = """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: app
          namespace: shop
          annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/first"}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: app
          namespace: shop
          annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/second"}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: other}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(ManifestTestSupport.lines(diagnostics) == [
            "8:1 error: duplicate ServiceAccount 'shop/app' (first at line 1): one object defined twice in one file",
        ])
        #expect(env.kubernetes.map(\.key) == ["ServiceAccount/shop/app", "ServiceAccount/other/app"])
        #expect(env.kubernetes[0].serviceAccount?.roleArn == "arn:aws:iam::1:role/second")
        #expect(env.identities.map(\.roleArn) == ["arn:aws:iam::1:role/second"])
    }

    @Test func sameObjectFromAnotherFileIsNotADuplicateHere() {
        var env = Environment(name: "x")
        var diagnostics = Diagnostics()
        for file in ["a.yaml", "b.yaml"] {
            let doc = YAMLLoader.load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n", file: file).documents[0]
            KubernetesReader.read(doc, into: &env, diagnostics: &diagnostics)
        }
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.count == 2)
    }

    private func doc(_ yaml: String) -> Node { YAMLLoader.load(yaml, file: "r.yaml").documents[0] }

    @Test func recognition() {
        #expect(KubernetesReader.recognizes(doc("apiVersion: v1\nkind: ConfigMap\n")))
        #expect(KubernetesReader.recognizes(doc("apiVersion: example.com/v1\nkind: Widget\n")))
        #expect(!KubernetesReader.recognizes(doc("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n")))
        #expect(!KubernetesReader.recognizes(doc("apiVersion: 1\nkind: ConfigMap\n")))
        #expect(!KubernetesReader.recognizes(doc("kind: ConfigMap\n")))
        #expect(!KubernetesReader.recognizes(doc("env: {WARM_IP_TARGET: 5}\n")))
        #expect(!KubernetesReader.recognizes(doc("apiVersion: v1\nkind: Config\nusers: []\n")))
        #expect(!KubernetesReader.recognizes(doc("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")))
        #expect(EksctlReader.recognizes(doc("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n")))
        #expect(!EksctlReader.recognizes(doc("apiVersion: v1\nkind: ClusterConfig\n")))
    }

    @Test func wrongTypesAndMissingNamesAreErrorsAtTheirPlace() {
        let yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: [a, b]
        spec:
          replicas: three
          template:
            spec:
              containers:
                - name: app
                  ports:
                    - containerPort: http
                  env:
                    - value: orphan
                - image: nameless
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          namespace: x
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        spec:
          selector: app
          ports:
            - targetPort: 80
        ---
        apiVersion: v1
        kind: List
        items:
          - just-a-string
          - {kind: ConfigMap, metadata: {name: no-version}}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: noprov}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data: [not, a, map]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(ManifestTestSupport.lines(diagnostics) == [
            "5:11 error: Deployment web: field 'labels' must be a mapping, found a list",
            "7:13 error: Deployment web: field 'replicas' must be an integer, found a string",
            "13:30 error: Deployment web: field 'containerPort' must be an integer, found a string",
            "15:15 error: Deployment web: 'name' is missing",
            "16:11 error: Deployment web: 'name' is missing",
            "18:1 error: ConfigMap has no metadata.name",
            "27:13 error: Service svc: field 'selector' must be a mapping, found a string",
            "29:7 error: Service svc: 'port' is missing",
            "34:5 error: List: every item needs a string 'apiVersion' and 'kind'",
            "35:5 error: List: every item needs a string 'apiVersion' and 'kind'",
            "37:1 error: StorageClass noprov: 'provisioner' is missing",
            "44:7 error: Secret s: field 'data' must be a mapping, found a list",
        ])
        #expect(env.kubernetes.map(\.key) == ["Deployment//web", "Service//svc", "StorageClass//noprov", "Secret//s"])
        #expect(env.kubernetes[0].workload?.containers == [Container(name: "app")])
        #expect(env.kubernetes[2].storageClass == nil)
    }
}
