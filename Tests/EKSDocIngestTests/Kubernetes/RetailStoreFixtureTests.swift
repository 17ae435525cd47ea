import EKSDocModel
import Foundation
import Testing
@testable import EKSDocIngest

/// The retail-store sample's rendered manifest (shared fixture, read as it is): real quirks, secrets included.
@Suite struct RetailStoreFixtureTests {
    static let file = "retail-store/deploy-excerpt.yaml"

    /// Base64 values of the Secrets' `data` in the fixture.
    static let secretData = ["Y2F0YWxvZw==", "cUxJUEVuZmlUd3lpUjBxbQ==", "b3JkZXJz", "anRzVm1pY0RFUkJrTkxXMw=="]
    /// Their decoded forms. `catalog` and `orders` are also object names, so those two can only be checked
    /// where a value would be stored.
    static let decodedData = ["catalog", "qLIPEnfiTwyiR0qm", "orders", "jtsVmicDERBkNLW3"]
    /// The plain-text MYSQL_ROOT_PASSWORD env value and the AWS key pair of the `carts` ConfigMap.
    static let plainSecrets = ["my-secret-pw", "key", "secret"]

    func load() throws -> (text: String, env: Environment, diagnostics: Diagnostics) {
        let text = try ManifestTestSupport.text(ManifestTestSupport.sharedFixture(Self.file))
        let (env, diagnostics) = ManifestTestSupport.read(yaml: text, file: Self.file)
        return (text, env, diagnostics)
    }

    @Test func loadsWithOnlyTheDuplicateKeyWarning() throws {
        let (_, env, diagnostics) = try load()
        #expect(ManifestTestSupport.lines(diagnostics) == [
            "285:3 warning: duplicate key 'CARTS_DYNAMODB_CREATETABLE' (first at line 284); the last one wins",
        ])
        #expect(env.kubernetes.map(\.key) == [
            "ServiceAccount//catalog", "Secret//catalog-db", "ConfigMap//catalog", "Service//catalog-mysql",
            "Service//catalog", "Deployment//catalog", "StatefulSet//catalog-mysql", "ServiceAccount//ui",
            "ConfigMap//ui", "Service//ui", "ConfigMap//carts", "Secret//orders-db", "Secret//orders-rabbitmq",
            "Service//orders-rabbitmq",
        ])
        #expect(env.identities.isEmpty)
        #expect(env.cni == nil)
    }

    @Test func keyFacts() throws {
        let (_, env, _) = try load()
        func object(_ kind: String, _ name: String) -> KubernetesObject? { ManifestTestSupport.object(env, kind, name) }
        #expect(object("ConfigMap", "carts")?.data == [
            DataEntry(key: "SPRING_PROFILES_ACTIVE", value: "dynamodb"),
            DataEntry(key: "CARTS_DYNAMODB_TABLENAME", value: "Items"),
            DataEntry(key: "CARTS_DYNAMODB_CREATETABLE", value: "true"),
            DataEntry(key: "AWS_ACCESS_KEY_ID", withheld: true),
            DataEntry(key: "AWS_SECRET_ACCESS_KEY", withheld: true),
            DataEntry(key: "CARTS_DYNAMODB_ENDPOINT", value: "http://carts-dynamodb:8000"),
        ])
        #expect(object("ConfigMap", "ui")?.data == [DataEntry(key: "ENDPOINTS_CATALOG", value: "http://catalog")])
        #expect(object("Secret", "catalog-db")?.data == [DataEntry(key: "username", withheld: true),
                                                         DataEntry(key: "password", withheld: true)])
        #expect(object("Secret", "orders-rabbitmq")?.data == [])
        #expect(object("Service", "catalog-mysql")?.service?.ports
                == [ServicePort(name: "mysql", port: 3306, targetPort: "mysql", protocol: "TCP")])
        #expect(object("Service", "ui")?.service?.type == "LoadBalancer")
        #expect(object("Service", "orders-rabbitmq")?.service?.ports.map(\.targetPort) == ["amqp", "http"])

        let catalog = try #require(object("Deployment", "catalog")?.workload)
        #expect(catalog.replicas == 1 && catalog.serviceAccount == "catalog")
        #expect(catalog.containers == [Container(
            name: "catalog", image: "public.ecr.aws/aws-containers/retail-store-sample-catalog:0.7.1",
            ports: [ContainerPort(name: "http", port: 8080, protocol: "TCP")],
            env: [EnvVar(name: "DB_USER", from: "secret:catalog-db/username"),
                  EnvVar(name: "DB_PASSWORD", from: "secret:catalog-db/password")],
            envFrom: ["configMap:catalog"], volumeMounts: ["tmp-volume:/tmp"])])
        #expect(catalog.volumes == [Volume(name: "tmp-volume", type: "emptyDir")])

        let mysql = try #require(object("StatefulSet", "catalog-mysql")?.workload?.containers.first)
        #expect(mysql.env == [
            EnvVar(name: "MYSQL_ROOT_PASSWORD", withheld: true),
            EnvVar(name: "MYSQL_DATABASE", value: "catalog"),
            EnvVar(name: "MYSQL_USER", from: "secret:catalog-db/username"),
            EnvVar(name: "MYSQL_PASSWORD", from: "secret:catalog-db/password"),
        ])
    }

    @Test func noSecretValueReachesTheModel() throws {
        let (text, env, _) = try load()
        // The planted values really are in the input.
        for value in Self.secretData + Self.plainSecrets { #expect(text.contains(value), "\(value) not in fixture") }
        #expect(Self.secretData.map { String(decoding: Data(base64Encoded: $0) ?? Data(), as: UTF8.self) }
                == Self.decodedData)

        let json = try ManifestTestSupport.dump(env)
        let distinctive = Self.secretData + Self.decodedData.filter { $0 != "catalog" && $0 != "orders" }
            + ["my-secret-pw"]
        for value in distinctive { #expect(!json.contains(value), "\(value) leaked") }
        // Short values that are also ordinary words or names: never stored as a value. The decoded username
        // `catalog` is also the fixture's plain DB_NAME / MYSQL_DATABASE, so it is checked on the Secret itself.
        let values = Set(try ManifestTestSupport.stringValues(ofJSON: json))
        for value in Self.secretData + Self.decodedData + Self.plainSecrets where value != "catalog" {
            let stored = json.contains("\"value\":\"\(value)\"")
            #expect(!stored, "\(value) stored as a value")
        }
        let catalogSecret = ManifestTestSupport.object(env, "Secret", "catalog-db")
        #expect(catalogSecret?.data?.allSatisfy { $0.value == nil && $0.withheld == true } == true)
        #expect(!values.contains("key") && !values.contains("secret"))
        // The keys stay visible.
        for key in ["\"key\":\"username\"", "\"key\":\"password\"", "\"key\":\"AWS_ACCESS_KEY_ID\"",
                    "\"key\":\"AWS_SECRET_ACCESS_KEY\"", "\"name\":\"MYSQL_ROOT_PASSWORD\""] {
            #expect(json.contains(key), "\(key) missing")
        }
    }
}
