import EKSDocModel
import Testing
@testable import EKSDocIngest

@Suite struct KubernetesDataTests {
    @Test func configMapKeepsPlainValuesAndWithholdsSecretOnes() throws {
        let yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: app, namespace: shop}
        data:
          LOG_LEVEL: info
          PORT: 8080
          DB_PASSWORD: planted-config-password
          SOME_KEY_ID: AKIAIOSFODNN7EXAMPLE
          settings.yaml: |
            mode: fast
          ca.pem: |
            -----BEGIN CERTIFICATE-----
            MIIBplantedcertificate
            -----END CERTIFICATE-----
        binaryData:
          keystore.jks: cGxhbnRlZC1iaW5hcnk=
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(env.kubernetes.first?.data == [
            DataEntry(key: "LOG_LEVEL", value: "info"),
            DataEntry(key: "PORT", value: "8080"),
            DataEntry(key: "DB_PASSWORD", withheld: true),
            DataEntry(key: "SOME_KEY_ID", withheld: true),
            DataEntry(key: "settings.yaml", value: "mode: fast\n"),
            DataEntry(key: "ca.pem", withheld: true),
            DataEntry(key: "keystore.jks", withheld: true),
        ])
        let json = try ManifestTestSupport.dump(env)
        for planted in ["planted-config-password", "AKIAIOSFODNN7EXAMPLE", "BEGIN CERTIFICATE", "MIIBplanted",
                        "cGxhbnRlZC1iaW5hcnk=", "planted-binary"] {
            #expect(!json.contains(planted), "\(planted) leaked")
        }
    }

    @Test func secretKeepsKeysOnly() throws {
        let yaml = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"v1","data":{"password":"c3VwZXJzZWNyZXQtcGxhbnRlZA=="},"kind":"Secret"}
            owner: team-a
        type: Opaque
        data:
          username: YWRtaW4tcGxhbnRlZA==
          password: c3VwZXJzZWNyZXQtcGxhbnRlZA==
        stringData:
          api-key: plain-text-planted
          password: overridden-planted
          tls.key: |
            -----BEGIN PRIVATE KEY-----
            MIIEplantedkey
            -----END PRIVATE KEY-----
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: empty}
        data:
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: braces}
        data: {}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        let db = try #require(ManifestTestSupport.object(env, "Secret", "db"))
        #expect(db.data == ["username", "password", "api-key", "tls.key"].map { DataEntry(key: $0, withheld: true) })
        #expect(db.annotations == ["owner": "team-a"])
        #expect(ManifestTestSupport.object(env, "Secret", "empty")?.data == [])
        #expect(ManifestTestSupport.object(env, "Secret", "braces")?.data == [])
        let json = try ManifestTestSupport.dump(env)
        for planted in ["YWRtaW4tcGxhbnRlZA==", "admin-planted", "c3VwZXJzZWNyZXQtcGxhbnRlZA==", "supersecret-planted",
                        "plain-text-planted", "overridden-planted", "BEGIN PRIVATE KEY", "MIIEplantedkey",
                        "last-applied"] {
            #expect(!json.contains(planted), "\(planted) leaked")
        }
        #expect(json.contains("\"key\":\"username\"") && json.contains("\"key\":\"tls.key\""))
    }

    @Test func secretLookingAnnotationValuesAreWithheld() {
        let yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
          annotations:
            example.com/api-token: abc123
            example.com/owner: AKIAIOSFODNN7EXAMPLE
            example.com/team: payments
        """
        let (env, _) = ManifestTestSupport.read(yaml: yaml)
        #expect(env.kubernetes.first?.annotations == [
            "example.com/api-token": "(withheld)", "example.com/owner": "(withheld)", "example.com/team": "payments",
        ])
    }

    @Test func serviceAccountRoleBecomesAnIRSABinding() throws {
        let yaml = """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: carts
          namespace: shop
          annotations:
            eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/carts-dynamodb
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: uploader
          annotations:
            eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/uploader
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: plain}
        """
        let (env, diagnostics) = ManifestTestSupport.read(yaml: yaml)
        #expect(diagnostics.items.isEmpty)
        #expect(ManifestTestSupport.object(env, "ServiceAccount", "carts")?.serviceAccount
                == ServiceAccountSpec(roleArn: "arn:aws:iam::111122223333:role/carts-dynamodb"))
        #expect(ManifestTestSupport.object(env, "ServiceAccount", "plain")?.serviceAccount == ServiceAccountSpec())
        #expect(env.identities == [
            IdentityBinding(kind: .irsa, namespace: "shop", serviceAccount: "carts",
                            roleArn: "arn:aws:iam::111122223333:role/carts-dynamodb",
                            source: SourceLocation(file: "test.yaml", line: 1, column: 1)),
            IdentityBinding(kind: .irsa, namespace: "default", serviceAccount: "uploader",
                            roleArn: "arn:aws:iam::111122223333:role/uploader",
                            source: SourceLocation(file: "test.yaml", line: 9, column: 1)),
        ])
    }
}
