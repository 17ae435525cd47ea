import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// Random topologies built in `moto_server` with the real `aws` CLI (scripts/moto-snapshot --seed N), read back
/// with the loader, and checked against `expected.json` (what the script created) and against a longest-prefix
/// computation written here with plain integer masks. One moto server serves the three seeds, built in parallel.
final class RoutingMotoTests: XCTestCase {
    static let seeds = [11, 12, 13]

    func testRandomTopologiesAgainstAnIndependentComputation() throws {
        let out = try TestSupport.temporaryDirectory("routing-moto")
        defer { try? FileManager.default.removeItem(at: out) }
        let scripts = TestSupport.packageRoot.appendingPathComponent("scripts")
        let jobs = Self.seeds.map { "scripts/moto-snapshot - '\(out.path)/s\($0)' --seed \($0) & pids=\"$pids $!\"" }
        let script = jobs.joined(separator: "; ") + "; rc=0; for p in $pids; do wait $p || rc=1; done; exit $rc"
        let result = try TestSupport.run(scripts.appendingPathComponent("with-moto"), ["bash", "-c", script],
                                         currentDirectory: TestSupport.packageRoot, timeout: 600)
        XCTAssertEqual(result.status, 0, "moto snapshots failed (run `make deps`?):\n\(result.stderr.suffix(3000))")
        guard result.status == 0 else { return }

        var tiersSeen = Set<Tier>(), checked = 0, specific = 0
        for seed in Self.seeds {
            let folder = out.appendingPathComponent("s\(seed)")
            let expected = try Expected(folder.appendingPathComponent("expected.json"))
            let (inventory, diagnostics) = ContentLoader.load(folder)
            XCTAssertFalse(diagnostics.hasErrors, diagnostics.sorted.map(\.description).joined(separator: "\n"))
            let env = try XCTUnwrap(inventory.environments.first)
            XCTAssertEqual(Set(env.subnets.map(\.id)), Set(expected.subnets.keys), "seed \(seed)")
            let facts = Dictionary(uniqueKeysWithValues: Routing.classify(env).map { ($0.subnet, $0) })
            var random = SplitMix64(seed: UInt64(seed))
            for (id, subnet) in expected.subnets.sorted(by: { $0.key < $1.key }) {
                let context = "seed \(seed) \(id)"
                let effective = try XCTUnwrap(Routing.effectiveRouteTable(forSubnet: id, in: env), context)
                XCTAssertEqual(effective.table.id, subnet.effective, context)
                XCTAssertEqual(effective.explicit, subnet.explicit != nil, context)
                let routes = try XCTUnwrap(expected.routes[subnet.effective], context)
                let fact = try XCTUnwrap(facts[id], context)
                XCTAssertEqual(fact.tier, Self.expectedTier(routes), context)
                XCTAssertEqual(fact.defaultRoute?.target, routes["0.0.0.0/0"], context)
                tiersSeen.insert(fact.tier)
                for _ in 0..<40 {
                    let address = Self.draw(&random, near: Array(routes.keys).sorted())
                    let oracle = Self.longestPrefix(Self.format(address), routes)
                    let answer = Routing.longestPrefixMatch(Self.format(address), in: effective.table)
                    XCTAssertEqual(answer?.destination, oracle?.destination, "\(context) -> \(Self.format(address))")
                    XCTAssertEqual(answer?.target, oracle?.target, "\(context) -> \(Self.format(address))")
                    if let oracle, oracle.destination != "0.0.0.0/0" { specific += 1 }
                    if let oracle, random.next() % 4 == 0 {
                        let traced = try Trace.run(env, from: id, to: Self.format(address), port: nil, protocol: "tcp")
                        XCTAssertEqual(traced.matched, oracle.destination, context)
                        XCTAssertEqual(traced.target, oracle.target, context)
                    }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(tiersSeen, Set(Tier.allCases), "the seeds cover every tier")
        XCTAssertGreaterThan(checked, 600)
        XCTAssertGreaterThan(specific, 200, "many draws land on routes more specific than the default")
    }

    // MARK: - The independent computation (no Routing code below this line)

    /// Public iff a route targets an `igw-`; else private iff there is a default route; else isolated.
    static func expectedTier(_ routes: [String: String]) -> Tier {
        if routes.values.contains(where: { $0.hasPrefix("igw-") }) { return .public }
        return routes["0.0.0.0/0"] != nil || routes["::/0"] != nil ? .private : .isolated
    }

    /// The most specific IPv4 route containing `address`, by integer masks over expected.json's routes.
    static func longestPrefix(_ address: String, _ routes: [String: String]) -> (destination: String, target: String)? {
        guard let (ip, _) = parse(address) else { return nil }
        var best: (destination: String, target: String, length: Int)?
        for (destination, target) in routes {
            guard let (network, length) = parse(destination) else { continue }
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
            guard ip & mask == network & mask, length > (best?.length ?? -1) else { continue }
            best = (destination, target, length)
        }
        return best.map { ($0.destination, $0.target) }
    }

    /// `a.b.c.d[/n]` as an integer and a prefix length.
    static func parse(_ text: String) -> (UInt32, Int)? {
        let parts = text.split(separator: "/")
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4 else { return nil }
        let value = octets.reduce(UInt32(0)) { $0 << 8 | $1 }
        return (value, parts.count == 2 ? Int(parts[1]) ?? 32 : 32)
    }

    static func format(_ ip: UInt32) -> String {
        "\(ip >> 24).\(ip >> 16 & 255).\(ip >> 8 & 255).\(ip & 255)"
    }

    /// Half the time a random address inside one of the routes (so specific routes get hit), else any address.
    static func draw(_ random: inout SplitMix64, near destinations: [String]) -> UInt32 {
        let raw = UInt32(truncatingIfNeeded: random.next())
        guard random.next() % 2 == 0, !destinations.isEmpty else { return raw }
        let pick = destinations[Int(random.next() % UInt64(destinations.count))]
        guard let (network, length) = parse(pick) else { return raw }
        let hostMask: UInt32 = length == 0 ? ~0 : (length == 32 ? 0 : ~(~UInt32(0) << UInt32(32 - length)))
        return network | (raw & hostMask)
    }

    /// What moto-snapshot wrote in expected.json, as far as routing goes.
    struct Expected {
        struct SubnetEntry { var explicit: String?; var effective: String }
        var subnets: [String: SubnetEntry] = [:]
        var routes: [String: [String: String]] = [:]

        init(_ url: URL) throws {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            for (id, value) in try XCTUnwrap(json["subnets"] as? [String: [String: Any]]) {
                subnets[id] = SubnetEntry(explicit: value["routeTableId"] as? String,
                                          effective: try XCTUnwrap(value["effectiveRouteTableId"] as? String))
            }
            for (id, value) in try XCTUnwrap(json["routeTables"] as? [String: [String: Any]]) {
                routes[id] = try XCTUnwrap(value["routes"] as? [String: String])
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so the drawn addresses are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
