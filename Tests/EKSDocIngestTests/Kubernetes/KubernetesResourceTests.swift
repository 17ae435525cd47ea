import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct KubernetesResourceTests {
    @Test func storageClassesAndClaims() throws {
        let yaml = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: gp3
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: ebs.csi.aws.com
        parameters: {type: gp3, encrypted: "true", iops: 3000}
        reclaimPolicy: Retain
        volumeBindingMode: WaitForFirstConsumer
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: gp2}
        provisioner: kubernetes.io/aws-ebs
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: db}
        spec:
          storageClassName: gp3
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 20Gi}}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "StorageClass", "gp3")?.storageClass == StorageClassSpec(
            provisioner: "ebs.csi.aws.com", parameters: ["type": "gp3", "encrypted": "true", "iops": "3000"],
            reclaimPolicy: "Retain", volumeBindingMode: "WaitForFirstConsumer", isDefault: true))
        #expect(ManifestTestSupport.object(env, "StorageClass", "gp2")?.storageClass
                == StorageClassSpec(provisioner: "kubernetes.io/aws-ebs"))
        #expect(ManifestTestSupport.object(env, "PersistentVolumeClaim", "data")?.claim
                == ClaimSpec(storageClass: "gp3", size: "20Gi", accessModes: ["ReadWriteOnce"]))
    }

    @Test func autoscalersV2AndV1() throws {
        let yaml = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            - type: Resource
              resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}
            - type: Pods
              pods: {metric: {name: requests-per-second}, target: {type: AverageValue, averageValue: 1k}}
            - type: External
              external: {metric: {name: sqs_depth}, target: {type: Value, value: "30"}}
            - type: Object
              object:
                describedObject: {kind: Ingress, name: main}
                metric: {name: hits}
                target: {type: Value, value: 10k}
            - type: ContainerResource
              containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}
        ---
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: old}
        spec:
          scaleTargetRef: {kind: StatefulSet, name: db}
          maxReplicas: 3
          targetCPUUtilizationPercentage: 80
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "HorizontalPodAutoscaler", "web")?.autoscaler == AutoscalerSpec(
            target: "Deployment/web", min: 2, max: 10,
            metrics: ["cpu 70%", "memory 500Mi average", "pods requests-per-second 1k average",
                      "external sqs_depth 30", "object Ingress/main hits 10k", "app cpu 60%"]))
        #expect(ManifestTestSupport.object(env, "HorizontalPodAutoscaler", "old")?.autoscaler
                == AutoscalerSpec(target: "StatefulSet/db", max: 3, metrics: ["cpu 80%"]))
    }

    @Test func networkPoliciesCountRulesAndDefaultTheirTypes() throws {
        let yaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-ingress, namespace: db}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: api}}}]
            - from: [{namespaceSelector: {}}]
          egress: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: implied}
        spec:
          podSelector: {}
          egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "NetworkPolicy", "db-ingress")?.networkPolicy == NetworkPolicySpec(
            podSelector: ["app": "db"], policyTypes: ["Ingress", "Egress"], ingressRules: 2, egressRules: 0))
        #expect(ManifestTestSupport.object(env, "NetworkPolicy", "implied")?.networkPolicy
                == NetworkPolicySpec(policyTypes: ["Ingress", "Egress"], egressRules: 1))
    }

    @Test func eniConfigs() {
        let yaml = """
        apiVersion: crd.k8s.amazonaws.com/v1alpha1
        kind: ENIConfig
        metadata: {name: us-west-2a}
        spec:
          subnet: subnet-09d92cbf937adefe5
          securityGroups: [sg-07019a3af3f18cfa1, sg-0123]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.first?.eniConfig
                == ENIConfigSpec(subnet: "subnet-09d92cbf937adefe5", securityGroups: ["sg-07019a3af3f18cfa1", "sg-0123"]))
        #expect(env.kubernetes.first?.namespace == nil)
    }

    @Test func secretProviderClassParsesTheEmbeddedObjects() {
        let yaml = """
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: web-aws-secrets, namespace: shop}
        spec:
          provider: aws
          parameters:
            region: us-west-2
            objects: |
              - objectName: "arn:aws:secretsmanager:us-west-2:111122223333:secret:db-creds"
                objectType: "secretsmanager"
                jmesPath:
                  - path: username
                    objectAlias: dbuser
                  - path: password
                    objectAlias: dbpass
              - objectName: "/shop/api-endpoint"
                objectType: "ssmparameter"
          secretObjects:
            - secretName: web-db
              type: Opaque
              data: [{objectName: dbuser, key: username}]
        ---
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: azure}
        spec:
          provider: azure
          parameters:
            objects: |
              array:
                - |
                  objectName: db-password
                  objectType: secret
                - |
                  objectName: tls-cert
                  objectType: cert
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "SecretProviderClass", "web-aws-secrets")?.secretProvider
                == SecretProviderSpec(provider: "aws", objects: [
                    "arn:aws:secretsmanager:us-west-2:111122223333:secret:db-creds",
                    "arn:aws:secretsmanager:us-west-2:111122223333:secret:db-creds jmesPath username as dbuser",
                    "arn:aws:secretsmanager:us-west-2:111122223333:secret:db-creds jmesPath password as dbpass",
                    "/shop/api-endpoint",
                    "secret:web-db",
                ]))
        #expect(ManifestTestSupport.object(env, "SecretProviderClass", "azure")?.secretProvider
                == SecretProviderSpec(provider: "azure", objects: ["db-password", "tls-cert"]))
    }

    @Test func secretProviderClassWithBrokenObjectsIsOneErrorAtTheParameter() {
        let yaml = """
        apiVersion: secrets-store.csi.x-k8s.io/v1
        kind: SecretProviderClass
        metadata: {name: broken}
        spec:
          provider: aws
          parameters:
            objects: "- objectName: [unclosed"
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.count == 1)
        #expect(diagnostics.items.first?.severity == .error)
        #expect(diagnostics.items.first?.location == SourceLocation(file: "test.yaml", line: 7, column: 14))
        #expect(diagnostics.items.first?.message.hasPrefix("SecretProviderClass broken: 'objects' is not valid YAML") == true)
        #expect(env.kubernetes.first?.secretProvider == SecretProviderSpec(provider: "aws"))
    }

    @Test func karpenterNodePoolAndNodeClass() {
        let yaml = """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: default}
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
              requirements:
                - {key: karpenter.k8s.aws/instance-category, operator: In, values: ["c", "m", "r"]}
                - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["2"]}
                - {key: karpenter.k8s.aws/instance-gpu-count, operator: DoesNotExist}
              taints:
                - {key: dedicated, value: batch, effect: NoSchedule}
          limits: {cpu: 1000, memory: 1000Gi}
          disruption: {consolidationPolicy: WhenEmptyOrUnderutilized, consolidateAfter: 30s}
        ---
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: default}
        spec:
          role: KarpenterNodeRole-leadertools-qas
          amiSelectorTerms:
            - alias: al2023@v20250620
          subnetSelectorTerms:
            - tags: {karpenter.sh/discovery: leadertools-qas}
            - id: subnet-0abc
          securityGroupSelectorTerms:
            - tags: {karpenter.sh/discovery: leadertools-qas, team: b}
            - name: eks-node-sg
        ---
        apiVersion: karpenter.k8s.aws/v1beta1
        kind: EC2NodeClass
        metadata: {name: legacy}
        spec:
          amiFamily: Bottlerocket
          role: NodeRole
          amiSelectorTerms:
            - {id: ami-0123}
            - {name: "my-ami-*", owner: "self"}
            - tags: {team: platform}
        ---
        apiVersion: karpenter.sh/v1beta1
        kind: NodePool
        metadata: {name: beta}
        spec:
          template:
            spec:
              nodeClassRef: {name: legacy}
          disruption: {consolidationPolicy: WhenUnderutilized}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "NodePool", "default")?.nodePool == NodePoolSpec(
            nodeClass: "default",
            requirements: ["karpenter.k8s.aws/instance-category In [c, m, r]",
                           "karpenter.k8s.aws/instance-generation Gt [2]",
                           "karpenter.k8s.aws/instance-gpu-count DoesNotExist"],
            limits: ["cpu": "1000", "memory": "1000Gi"],
            taints: [Taint(key: "dedicated", value: "batch", effect: "NoSchedule")],
            consolidationPolicy: "WhenEmptyOrUnderutilized"))
        #expect(ManifestTestSupport.object(env, "NodePool", "beta")?.nodePool
                == NodePoolSpec(nodeClass: "legacy", consolidationPolicy: "WhenUnderutilized"))
        #expect(ManifestTestSupport.object(env, "EC2NodeClass", "default")?.nodeClass == NodeClassSpec(
            amiFamily: "AL2023", amiSelectors: ["alias al2023@v20250620"], role: "KarpenterNodeRole-leadertools-qas",
            subnetSelectors: ["tag karpenter.sh/discovery=leadertools-qas", "id subnet-0abc"],
            securityGroupSelectors: ["tag karpenter.sh/discovery=leadertools-qas, tag team=b", "name eks-node-sg"]))
        #expect(ManifestTestSupport.object(env, "EC2NodeClass", "legacy")?.nodeClass == NodeClassSpec(
            amiFamily: "Bottlerocket", amiSelectors: ["id ami-0123", "name my-ami-*, owner self", "tag team=platform"],
            role: "NodeRole"))
    }

    @Test func otherKindsAndForeignGroupsStayGeneric() throws {
        let yaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, labels: {team: a}}
        rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: hello, namespace: apps}
        spec: {template: {spec: {containers: [{image: hello}]}}}
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: calico}
        spec: {selector: "app == 'db'", ingress: "not a list"}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.map(\.key) == ["ClusterRole//reader", "Service/apps/hello", "NetworkPolicy//calico"])
        let role = try #require(env.kubernetes.first)
        #expect(role == KubernetesObject(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole",
                                         name: "reader", labels: ["team": "a"],
                                         source: SourceLocation(file: "test.yaml", line: 1, column: 1)))
        #expect(env.kubernetes[1].service == nil && env.kubernetes[2].networkPolicy == nil)
    }
}
