import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc model content --json` on the shipped example content.
final class ModelCommandTests: XCTestCase {
    nonisolated(unsafe) static var cached: (text: String, json: [String: Any])?

    func model() throws -> (text: String, json: [String: Any]) {
        if let cached = Self.cached { return cached }
        let result = try TestSupport.eksdoc(["model", "content", "--json"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        Self.cached = (result.stdout, json)
        return (result.stdout, json)
    }

    func environment(_ name: String) throws -> [String: Any] {
        let envs = try XCTUnwrap(model().json["environments"] as? [[String: Any]])
        return try XCTUnwrap(envs.first { $0["name"] as? String == name }, "no environment \(name)")
    }

    func testBothEnvironmentsAreThere() throws {
        let envs = try XCTUnwrap(model().json["environments"] as? [[String: Any]])
        XCTAssertEqual(envs.compactMap { $0["name"] as? String }, ["leadertools-qas", "retail-store"])
    }

    func testLeadertoolsNetwork() throws {
        let env = try environment("leadertools-qas")
        XCTAssertEqual(env["region"] as? String, "us-west-2")
        let vpcs = try XCTUnwrap(env["vpcs"] as? [[String: Any]])
        XCTAssertEqual(vpcs.count, 1)
        XCTAssertEqual(vpcs[0]["id"] as? String, "vpc-078e600d57da47c6c")
        XCTAssertEqual(vpcs[0]["cidrs"] as? [String], ["10.142.32.0/21", "100.96.32.0/21"])
        let subnets = try XCTUnwrap(env["subnets"] as? [[String: Any]])
        XCTAssertEqual(subnets.count, 10)
        let byId = Dictionary(uniqueKeysWithValues: subnets.map { ($0["id"] as! String, $0) })
        XCTAssertEqual(byId["subnet-09d92cbf937adefe5"]?["cidr"] as? String, "100.96.32.0/22")
        XCTAssertEqual(byId["subnet-09d92cbf937adefe5"]?["az"] as? String, "us-west-2a")
        XCTAssertEqual(byId["subnet-0de9b50b551f454d0"]?["cidr"] as? String, "10.142.39.0/25")
        XCTAssertEqual(byId["subnet-090a8b74a06b832c8"]?["vpc"] as? String, "vpc-078e600d57da47c6c")
        for subnet in subnets { XCTAssertNotNil(subnet["name"] as? String, "\(subnet["id"] ?? "")") }
    }

    func testLeadertoolsRouting() throws {
        let tables = try XCTUnwrap(environment("leadertools-qas")["routeTables"] as? [[String: Any]])
        let main = try XCTUnwrap(tables.first { $0["main"] as? Bool == true })
        let routes = try XCTUnwrap(main["routes"] as? [[String: Any]])
        let defaultRoute = try XCTUnwrap(routes.first { $0["destination"] as? String == "0.0.0.0/0" })
        XCTAssertEqual(defaultRoute["target"] as? String, "i-0919b0c12ffebfc98")
        XCTAssertEqual(defaultRoute["state"] as? String, "active")
        XCTAssertTrue(routes.contains { $0["target"] as? String == "i-022003229928b80a1" }, "backup route via the second appliance")
        let publicTables = tables.filter { table in
            (table["routes"] as? [[String: Any]] ?? []).contains { $0["target"] as? String == "igw-0e74bf1068b4cd3dd" }
        }
        XCTAssertFalse(publicTables.isEmpty)
        let publicSubnets = Set(publicTables.flatMap { $0["subnets"] as? [String] ?? [] })
        XCTAssertEqual(publicSubnets, ["subnet-0de9b50b551f454d0", "subnet-03597db27bc94efd6"])
    }

    func testLeadertoolsSecurityGroupsAndLoadBalancers() throws {
        let env = try environment("leadertools-qas")
        let groups = try XCTUnwrap(env["securityGroups"] as? [[String: Any]])
        let ids = Set(groups.compactMap { $0["id"] as? String })
        for id in ["sg-0da734f201fa4ca64", "sg-07019a3af3f18cfa1", "sg-092ea2ae08df86c55", "sg-0370741c2e987fb22",
                   "sg-064225f82ef9578e6", "sg-0b7450c4c9cfa731a"] {
            XCTAssertTrue(ids.contains(id), id)
        }
        let node = try XCTUnwrap(groups.first { $0["id"] as? String == "sg-07019a3af3f18cfa1" })
        let ingress = try XCTUnwrap(node["ingress"] as? [[String: Any]])
        XCTAssertTrue(ingress.contains { $0["fromPort"] as? Int == 10250 && $0["peer"] as? String == "sg-0da734f201fa4ca64" })
        let lbs = try XCTUnwrap(env["loadBalancers"] as? [[String: Any]])
        XCTAssertEqual(lbs.count, 16)
        XCTAssertTrue(lbs.allSatisfy { $0["scheme"] as? String == "internal" })
        XCTAssertTrue(lbs.allSatisfy { ($0["subnets"] as? [String])?.isEmpty == false && ($0["securityGroups"] as? [String])?.isEmpty == false })
    }

    func testLeadertoolsClusterNodeGroupAndCNI() throws {
        let env = try environment("leadertools-qas")
        let cluster = try XCTUnwrap(env["cluster"] as? [String: Any])
        XCTAssertEqual(cluster["name"] as? String, "leadertools-qas")
        XCTAssertEqual(cluster["version"] as? String, "1.33")
        XCTAssertEqual(cluster["serviceCidr"] as? String, "172.20.0.0/16")
        XCTAssertEqual(cluster["endpointPublic"] as? Bool, true)
        XCTAssertEqual(cluster["endpointPrivate"] as? Bool, false)
        XCTAssertEqual(Set(cluster["subnets"] as? [String] ?? []), ["subnet-06582423b4bddaaef", "subnet-090a8b74a06b832c8"])
        let groups = try XCTUnwrap(env["nodeGroups"] as? [[String: Any]])
        let group = try XCTUnwrap(groups.first { $0["name"] as? String == "eks_leadertools" })
        XCTAssertEqual(group["instanceTypes"] as? [String], ["t3a.medium"])
        XCTAssertEqual(group["min"] as? Int, 2)
        XCTAssertEqual(group["max"] as? Int, 3)
        XCTAssertEqual(group["desired"] as? Int, 2)
        let cni = try XCTUnwrap(env["cni"] as? [String: Any])
        XCTAssertEqual(cni["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"] as? String, "true")
        XCTAssertEqual(cni["ENABLE_PREFIX_DELEGATION"] as? String, "true")
        XCTAssertEqual(cni["WARM_PREFIX_TARGET"] as? String, "1")
        let objects = try XCTUnwrap(env["kubernetes"] as? [[String: Any]])
        let eniConfigs = objects.filter { $0["kind"] as? String == "ENIConfig" }.compactMap { $0["name"] as? String }
        XCTAssertEqual(eniConfigs.sorted(), ["us-west-2a", "us-west-2b"])
        XCTAssertTrue(objects.contains { $0["kind"] as? String == "NodePool" })
        let variables = try XCTUnwrap(env["terraform"] as? [[String: Any]])
        XCTAssertTrue(variables.contains { $0["name"] as? String == "node_groups" && $0["type"] != nil && $0["value"] != nil })
    }

    func testRetailStore() throws {
        let env = try environment("retail-store")
        XCTAssertEqual(env["region"] as? String, "us-east-1")
        let vpcs = try XCTUnwrap(env["vpcs"] as? [[String: Any]])
        XCTAssertEqual(vpcs.first?["cidrs"] as? [String], ["10.0.0.0/16"])
        let cidrs = Set((env["subnets"] as? [[String: Any]] ?? []).compactMap { $0["cidr"] as? String })
        XCTAssertEqual(cidrs, ["10.0.1.0/24", "10.0.2.0/24", "10.0.11.0/24", "10.0.12.0/24"])
        let cluster = try XCTUnwrap(env["cluster"] as? [String: Any])
        XCTAssertNotNil(cluster["version"] as? String)
        let objects = try XCTUnwrap(env["kubernetes"] as? [[String: Any]])
        let deployments = Set(objects.filter { $0["kind"] as? String == "Deployment" }.compactMap { $0["name"] as? String })
        for name in ["catalog", "orders", "checkout", "ui"] { XCTAssertTrue(deployments.contains(name), name) }
        XCTAssertTrue(deployments.contains("cart") || deployments.contains("carts"))
        for kind in ["Ingress", "StorageClass", "PersistentVolumeClaim", "SecretProviderClass", "ServiceAccount", "HorizontalPodAutoscaler"] {
            XCTAssertTrue(objects.contains { $0["kind"] as? String == kind }, kind)
        }
        let drift = try XCTUnwrap(env["drift"] as? [[String: Any]])
        XCTAssertTrue(drift.contains { $0["field"] as? String == "desired" && $0["declared"] as? String == "3" && $0["live"] as? String == "2" },
                      "the deliberate eksctl-vs-state drift is reported: \(drift)")
    }

    func testNoSecretValueIsPrinted() throws {
        let text = try model().text
        for planted in ["EXAMPLE-ONLY-not-a-real-password", "example-only-not-a-real-password"] {
            XCTAssertFalse(text.contains(planted), planted)
        }
        // The certificate-authority data of both clusters never appears.
        let qasCluster = try String(contentsOf: TestSupport.content.appendingPathComponent("snapshots/leadertools-qas/eks-describe-cluster.json"), encoding: .utf8)
        let caData = try XCTUnwrap(qasCluster.range(of: #""data": "[^"]+""#, options: .regularExpression).map { String(qasCluster[$0]) })
        let value = caData.split(separator: "\"")[2]
        XCTAssertGreaterThan(value.count, 20)
        XCTAssertFalse(text.contains(value))
    }

    func testOutputIsStableAcrossRuns() throws {
        let first = try model().text
        let second = try TestSupport.eksdoc(["model", "content", "--json"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(first, second.stdout)
    }
}

/// Issue 3 item 8: derived facts in the export.
final class ModelFactsExportTests: XCTestCase {
    func testDerivedFieldsOnLeadertools() throws {
        let result = try TestSupport.eksdoc(["model", "content", "--json"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(result.status, 0)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let env = try XCTUnwrap((json["environments"] as? [[String: Any]])?.first { $0["name"] as? String == "leadertools-qas" })
        let subnets = try XCTUnwrap(env["subnets"] as? [[String: Any]])
        let pods = try XCTUnwrap(subnets.first { $0["id"] as? String == "subnet-09d92cbf937adefe5" })
        XCTAssertEqual(pods["usableAddresses"] as? Int, 1_019)
        XCTAssertEqual(pods["tier"] as? String, "private")
        XCTAssertEqual(pods["routeTable"] as? String, "rtb-0af593cb336560f42")
        XCTAssertEqual(pods["defaultRoute"] as? [String: String], ["target": "i-0919b0c12ffebfc98", "kind": "instance", "state": "active"])
        let publicSubnet = try XCTUnwrap(subnets.first { $0["id"] as? String == "subnet-0de9b50b551f454d0" })
        XCTAssertEqual(publicSubnet["tier"] as? String, "public")
        XCTAssertEqual((publicSubnet["defaultRoute"] as? [String: String])?["target"], "igw-0e74bf1068b4cd3dd")
        let group = try XCTUnwrap((env["nodeGroups"] as? [[String: Any]])?.first)
        XCTAssertEqual(group["maxPods"] as? [String: Int], ["t3a.medium": 110])
        XCTAssertEqual(group["maxPodsByFormula"] as? [String: Int], ["t3a.medium": 162])
        let capacity = try XCTUnwrap(env["podCapacity"] as? [String: Any])
        XCTAssertEqual(capacity["value"] as? Int, 330)
        let findings = try XCTUnwrap(env["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.allSatisfy { $0["id"] != nil && $0["severity"] != nil && $0["entity"] != nil })
        let flows = try XCTUnwrap(env["flows"] as? [[String: Any]])
        XCTAssertTrue(flows.allSatisfy { $0["name"] != nil && ($0["hops"] as? [Any])?.isEmpty == false && $0["blocked"] is Bool })
        // No seed error survives in the export (seeds/README.md).
        XCTAssertFalse(result.stdout.contains("~220"))
        for subnet in subnets where (subnet["cidr"] as? String)?.hasSuffix("/24") == true {
            XCTAssertEqual(subnet["usableAddresses"] as? Int, 251)
        }
    }
}
