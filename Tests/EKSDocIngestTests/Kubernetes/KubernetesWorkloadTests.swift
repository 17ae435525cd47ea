import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct KubernetesWorkloadTests {
    let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      labels: {app: web, tier: front}
    spec:
      replicas: 3
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web, version: "2"}
        spec:
          serviceAccountName: web-sa
          nodeSelector: {kubernetes.io/arch: arm64}
          initContainers:
            - name: migrate
              image: example/migrate:1
              env:
                - name: DB_PASSWORD
                  value: hunter2-planted
          containers:
            - name: app
              image: example/web:2.1
              ports:
                - {name: http, containerPort: 8080, protocol: TCP}
                - containerPort: 9090
              env:
                - name: LOG_LEVEL
                  value: debug
                - name: UPSTREAM_TOKEN
                  value: not-a-real-token
                - name: HARMLESS_NAME
                  value: AKIAIOSFODNN7EXAMPLE
                - name: REPLICAS
                  value: 4
                - name: EMPTY
                - name: DB_USER
                  valueFrom: {secretKeyRef: {name: db, key: username}}
                - name: FEATURE
                  valueFrom: {configMapKeyRef: {name: flags, key: feature}}
                - name: NODE
                  valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                - name: CPU_LIMIT
                  valueFrom: {resourceFieldRef: {containerName: app, resource: limits.cpu}}
                - name: MEM
                  valueFrom: {resourceFieldRef: {resource: requests.memory}}
              envFrom:
                - configMapRef: {name: web-config}
                - secretRef: {name: web-secrets}
              volumeMounts:
                - {name: config, mountPath: /etc/web}
                - {name: creds, mountPath: /mnt/secrets, readOnly: true}
          volumes:
            - {name: config, configMap: {name: web-config}}
            - {name: tls, secret: {secretName: web-tls}}
            - {name: data, persistentVolumeClaim: {claimName: web-data}}
            - name: creds
              csi:
                driver: secrets-store.csi.k8s.io
                readOnly: true
                volumeAttributes: {secretProviderClass: web-aws-secrets}
            - {name: plain-csi, csi: {driver: efs.csi.aws.com}}
            - {name: scratch, emptyDir: {}}
            - name: bare-empty
              emptyDir:
            - name: bundle
              projected:
                sources:
                  - serviceAccountToken: {path: token}
                  - configMap: {name: ca-bundle}
                  - secret: {name: extra}
            - {name: host, hostPath: {path: /var/log}}
            - {name: nfs-share, nfs: {server: nfs.local, path: /export}}
    """

    @Test func deploymentIsReadCompletely() throws {
        let (env, diagnostics) = ManifestTestSupport.read(yaml: deployment)
        #expect(diagnostics.items.isEmpty)
        let object = try #require(env.kubernetes.first)
        #expect(env.kubernetes.count == 1)
        #expect(object.apiVersion == "apps/v1" && object.kind == "Deployment")
        #expect(object.namespace == "shop" && object.name == "web")
        #expect(object.key == "Deployment/shop/web")
        #expect(object.labels == ["app": "web", "tier": "front"])
        #expect(object.source == SourceLocation(file: "test.yaml", line: 1, column: 1))
        let workload = try #require(object.workload)
        #expect(workload.replicas == 3)
        #expect(workload.selector == ["app": "web"])
        #expect(workload.podLabels == ["app": "web", "version": "2"])
        #expect(workload.serviceAccount == "web-sa")
        #expect(workload.nodeSelector == ["kubernetes.io/arch": "arm64"])
        #expect(workload.containers.map(\.name) == ["app", "migrate"])

        let app = workload.containers[0]
        #expect(app.image == "example/web:2.1")
        #expect(app.ports == [ContainerPort(name: "http", port: 8080, protocol: "TCP"), ContainerPort(port: 9090)])
        #expect(app.env == [
            EnvVar(name: "LOG_LEVEL", value: "debug"),
            EnvVar(name: "UPSTREAM_TOKEN", withheld: true),
            EnvVar(name: "HARMLESS_NAME", withheld: true),
            EnvVar(name: "REPLICAS", value: "4"),
            EnvVar(name: "EMPTY"),
            EnvVar(name: "DB_USER", from: "secret:db/username"),
            EnvVar(name: "FEATURE", from: "configMap:flags/feature"),
            EnvVar(name: "NODE", from: "field:spec.nodeName"),
            EnvVar(name: "CPU_LIMIT", from: "resource:app/limits.cpu"),
            EnvVar(name: "MEM", from: "resource:requests.memory"),
        ])
        #expect(app.envFrom == ["configMap:web-config", "secret:web-secrets"])
        #expect(app.volumeMounts == ["config:/etc/web", "creds:/mnt/secrets"])

        let migrate = workload.containers[1]
        #expect(migrate.image == "example/migrate:1")
        #expect(migrate.env == [EnvVar(name: "DB_PASSWORD", withheld: true)])

        #expect(workload.volumes == [
            Volume(name: "config", type: "configMap", reference: "web-config"),
            Volume(name: "tls", type: "secret", reference: "web-tls"),
            Volume(name: "data", type: "persistentVolumeClaim", reference: "web-data"),
            Volume(name: "creds", type: "csi", reference: "secrets-store.csi.k8s.io web-aws-secrets"),
            Volume(name: "plain-csi", type: "csi", reference: "efs.csi.aws.com"),
            Volume(name: "scratch", type: "emptyDir"),
            Volume(name: "bare-empty", type: "emptyDir"),
            Volume(name: "bundle", type: "projected", reference: "serviceAccountToken, configMap:ca-bundle, secret:extra"),
            Volume(name: "host", type: "hostPath", reference: "/var/log"),
            Volume(name: "nfs-share", type: "other", reference: "nfs"),
        ])
        let json = try ManifestTestSupport.dump(env)
        for planted in ["hunter2-planted", "not-a-real-token", "AKIAIOSFODNN7EXAMPLE"] {
            #expect(!json.contains(planted))
        }
    }

    @Test func otherControllersUseTheirTemplates() throws {
        let yaml = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 2
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: postgres, image: "postgres:16"}]
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs}
        spec:
          replicas: 1
          template:
            spec:
              containers: [{name: c, image: busybox}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: ops}
        spec:
          template:
            metadata: {labels: {job: once}}
            spec:
              serviceAccountName: runner
              containers: [{name: task, image: "tool:1"}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: ops}
        spec:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {job: nightly}}
                spec:
                  serviceAccountName: backup
                  containers: [{name: backup, image: "backup:3", env: [{name: TARGET, value: s3}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, labels: {run: debug}}
        spec:
          containers: [{name: shell, image: "alpine:3"}]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        let db = try #require(ManifestTestSupport.object(env, "StatefulSet", "db")?.workload)
        #expect(db == WorkloadSpec(replicas: 2, selector: ["app": "db"], podLabels: ["app": "db"],
                                   containers: [Container(name: "postgres", image: "postgres:16")]))
        let rs = try #require(ManifestTestSupport.object(env, "ReplicaSet", "rs")?.workload)
        #expect(rs == WorkloadSpec(replicas: 1, containers: [Container(name: "c", image: "busybox")]))
        let job = try #require(ManifestTestSupport.object(env, "Job", "once")?.workload)
        #expect(job == WorkloadSpec(podLabels: ["job": "once"], serviceAccount: "runner",
                                    containers: [Container(name: "task", image: "tool:1")]))
        let cron = try #require(ManifestTestSupport.object(env, "CronJob", "nightly")?.workload)
        #expect(cron == WorkloadSpec(podLabels: ["job": "nightly"], serviceAccount: "backup",
                                     containers: [Container(name: "backup", image: "backup:3",
                                                            env: [EnvVar(name: "TARGET", value: "s3")])]))
        let pod = try #require(ManifestTestSupport.object(env, "Pod", "debug")?.workload)
        #expect(pod == WorkloadSpec(podLabels: ["run": "debug"], containers: [Container(name: "shell", image: "alpine:3")]))
    }

    @Test func awsNodeDaemonSetBecomesTheCNIConfig() throws {
        let yaml = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: aws-node, namespace: kube-system}
        spec:
          selector: {matchLabels: {k8s-app: aws-node}}
          template:
            metadata: {labels: {k8s-app: aws-node}}
            spec:
              initContainers:
                - name: aws-vpc-cni-init
                  env: [{name: ENABLE_IPv6, value: "false"}]
              containers:
                - name: aws-node
                  image: amazon-k8s-cni:v1.19.6
                  env:
                    - name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG
                      value: "true"
                    - name: ENABLE_PREFIX_DELEGATION
                      value: true
                    - name: WARM_PREFIX_TARGET
                      value: 1
                    - name: ENI_CONFIG_LABEL_DEF
                      value: topology.kubernetes.io/zone
                    - name: MY_NODE_NAME
                      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                - name: aws-eks-nodeagent
                  env: [{name: OTHER, value: x}]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        let cni = try #require(env.cni)
        #expect(cni.settings == [
            "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true", "ENABLE_PREFIX_DELEGATION": "true",
            "WARM_PREFIX_TARGET": "1", "ENI_CONFIG_LABEL_DEF": "topology.kubernetes.io/zone",
        ])
        // The env list starts at its first item.
        #expect(cni.source == SourceLocation(file: "test.yaml", line: 16, column: 13))
        #expect(cni.isEnabled("ENABLE_PREFIX_DELEGATION"))
        let workload = try #require(env.kubernetes.first?.workload)
        #expect(workload.containers.map(\.name) == ["aws-node", "aws-eks-nodeagent", "aws-vpc-cni-init"])
    }

    @Test func awsNodeOutsideKubeSystemIsNotTheCNI() {
        let yaml = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: aws-node, namespace: default}
        spec:
          template:
            spec:
              containers: [{name: aws-node, env: [{name: ENABLE_PREFIX_DELEGATION, value: "true"}]}]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.cni == nil)
        #expect(env.kubernetes.first?.workload?.containers.first?.env.first?.value == "true")
    }

    @Test func leadertoolsAwsNodeManifestGivesTheSeedSettings() throws {
        let url = ManifestTestSupport.packageRoot.appendingPathComponent("content/manifests/leadertools-qas/aws-node-daemonset.yaml")
        guard let yaml = try? ManifestTestSupport.text(url) else { return }
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml, file: "aws-node-daemonset.yaml")
        #expect(!diagnostics.hasErrors)
        let cni = try #require(env.cni)
        #expect(cni.settings["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] == "true")
        #expect(cni.settings["ENI_CONFIG_LABEL_DEF"] == "topology.kubernetes.io/zone")
        #expect(cni.settings["ENABLE_PREFIX_DELEGATION"] == "true")
        #expect(cni.settings["WARM_PREFIX_TARGET"] == "1")
        #expect(cni.settings["MY_NODE_NAME"] == nil)
    }

    @Test func leadertoolsENIConfigsAndKarpenterManifests() throws {
        let folder = ManifestTestSupport.packageRoot.appendingPathComponent("content/manifests/leadertools-qas")
        guard let eni = try? ManifestTestSupport.text(folder.appendingPathComponent("eniconfigs.yaml")),
              let karpenter = try? ManifestTestSupport.text(folder.appendingPathComponent("karpenter.yaml")) else { return }
        let (env, diagnostics) = ManifestTestSupport.read(yaml: eni + "\n---\n" + karpenter, file: "manifests.yaml")
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.map(\.key) == ["ENIConfig//us-west-2a", "ENIConfig//us-west-2b", "NodePool//default",
                                              "EC2NodeClass//default"])
        #expect(env.kubernetes[0].eniConfig?.subnet == "subnet-09d92cbf937adefe5")
        #expect(env.kubernetes[2].nodePool?.nodeClass == "default")
        #expect(env.kubernetes[3].nodeClass?.amiSelectors == ["alias al2023@v20250620"])
    }
}
