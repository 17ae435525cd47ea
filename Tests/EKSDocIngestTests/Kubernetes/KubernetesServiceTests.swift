import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct KubernetesServiceTests {
    @Test func serviceWithNamedTargetPortsAndDefaults() throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata:
          name: ui
          namespace: shop
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
            service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
            prometheus.io/scrape: "true"
        spec:
          type: LoadBalancer
          selector: {app: ui}
          ports:
            - {name: http, port: 80, targetPort: http, protocol: TCP}
            - {port: 443, targetPort: 8443, nodePort: 30443}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: internal}
        spec:
          ports: [{port: 53, protocol: UDP}]
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        let ui = try #require(ManifestTestSupport.object(env, "Service", "ui"))
        #expect(ui.service == ServiceSpec(
            type: "LoadBalancer", selector: ["app": "ui"],
            ports: [ServicePort(name: "http", port: 80, targetPort: "http", protocol: "TCP"),
                    ServicePort(port: 443, targetPort: "8443", nodePort: 30443)],
            annotations: ["service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
                          "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip"]))
        #expect(ui.annotations["prometheus.io/scrape"] == "true")
        let clusterIP = try #require(ManifestTestSupport.object(env, "Service", "internal"))
        #expect(clusterIP.service == ServiceSpec(type: "ClusterIP", ports: [ServicePort(port: 53, protocol: "UDP")]))
    }

    @Test func ingressV1RulesDefaultBackendAndTLS() throws {
        let yaml = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: alb
          defaultBackend:
            service: {name: fallback, port: {number: 8080}}
          tls:
            - hosts: [shop.example.com, api.example.com]
              secretName: shop-tls
            - hosts: [admin.example.com]
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: ui, port: {number: 80}}}
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: api, port: {name: http}}}
                  - path: /static
                    pathType: Prefix
                    backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
            - http:
                paths:
                  - backend: {service: {name: catch-all, port: {number: 80}}}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        let ingress = try #require(env.kubernetes.first?.ingress)
        #expect(ingress.className == "alb")
        #expect(ingress.rules == [
            IngressRule(host: "shop.example.com", path: "/", service: "ui", port: "80"),
            IngressRule(host: "shop.example.com", path: "/api", service: "api", port: "http"),
            IngressRule(service: "catch-all", port: "80"),
            IngressRule(service: "fallback", port: "8080"),
        ])
        #expect(ingress.tlsHosts == ["shop.example.com", "api.example.com", "admin.example.com"])
    }

    @Test func ingressClassFromAnnotationAndOldBackends() throws {
        let yaml = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: legacy
          annotations: {kubernetes.io/ingress.class: nginx}
        spec:
          backend: {serviceName: default-http, servicePort: 80}
          rules:
            - host: old.example.com
              http:
                paths:
                  - {path: /, backend: {serviceName: web, servicePort: http}}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.first?.ingress == IngressSpec(className: "nginx", rules: [
            IngressRule(host: "old.example.com", path: "/", service: "web", port: "http"),
            IngressRule(service: "default-http", port: "80"),
        ]))
    }

    @Test func ingressClassNameWinsOverTheAnnotation() {
        let yaml = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: both, annotations: {kubernetes.io/ingress.class: nginx}}
        spec: {ingressClassName: alb}
        """
        let (env, _) = ManifestTestSupport.read(yaml: yaml)
        #expect(env.kubernetes.first?.ingress == IngressSpec(className: "alb"))
    }
}
