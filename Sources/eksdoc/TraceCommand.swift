import ArgumentParser
import EKSDocAnalysis
import EKSDocModel
import EKSDocRender
import Foundation

/// `eksdoc trace [DIR] [--env E] --from SUBNET|IP --to IP[:PORT] [--protocol tcp|udp] [--json]`: which route
/// table, route and target a packet takes, and for a port which security-group rules let it through.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Trace a packet from a subnet or address to an address through route tables and security groups.",
        discussion: """
        --to takes IPv4 as 10.1.2.3 or 10.1.2.3:443, IPv6 as 2600:1f14::1 or [2600:1f14::1]:443. \
        Errors (unknown subnet, address in no subnet, no route) print `error: ...` and exit 2.
        """)

    @OptionGroup var content: ContentOptions

    @Option(help: "The environment (may be left out when the folder holds one).")
    var env: String?

    @Option(help: "The source: a subnet id or an IP address inside a subnet.")
    var from: String

    @Option(help: "The destination: IP or IP:PORT ([IPv6]:PORT).")
    var to: String

    @Option(help: "tcp or udp (used with a port).")
    var `protocol`: String = "tcp"

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let proto = `protocol`.lowercased()
        guard proto == "tcp" || proto == "udp" else { fail("--protocol must be tcp or udp, not '\(`protocol`)'") }
        guard let (address, port) = TraceCommand.splitDestination(to) else {
            fail("--to must be IP or IP:PORT with a port from 0 to 65535, not '\(to)'")
        }
        let inventory = try content.load()
        let environment = try selectEnvironment(inventory)
        let result: TraceResult
        do {
            result = try Trace.run(environment, from: from, to: address, port: port, protocol: proto)
        } catch let error as TraceError {
            fail(error.message)
        }
        if json {
            Console.write(try ModelJSON.encode(result))
        } else {
            Console.write(Data(TraceCommand.text(result, env: environment).utf8))
        }
    }

    private func fail(_ message: String) -> Never {
        Console.error("error: \(message)")
        TraceCommand.exit(withError: ExitCode(2))
    }

    private func selectEnvironment(_ inventory: Inventory) throws -> Environment {
        let names = inventory.environments.map(\.name)
        if let env {
            guard let environment = inventory.environment(named: env) else {
                fail("no environment '\(env)' in \(content.directory) (environments: \(names.joined(separator: ", ")))")
            }
            return environment
        }
        guard inventory.environments.count == 1 else {
            if names.isEmpty { fail("no environment in \(content.directory)") }
            fail("\(content.directory) holds \(names.count) environments; choose one with --env: \(names.joined(separator: ", "))")
        }
        return inventory.environments[0]
    }

    /// Splits `IP[:PORT]` (`[IPv6]:PORT` for IPv6 with a port); nil when the port is malformed.
    static func splitDestination(_ text: String) -> (address: String, port: Int?)? {
        func port(_ digits: Substring) -> Int? {
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(digits), (0...65_535).contains(n) else { return nil }
            return n
        }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let address = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (address, nil) }
            guard rest.hasPrefix(":"), let n = port(rest.dropFirst()) else { return nil }
            return (address, n)
        }
        let colons = text.filter { $0 == ":" }.count
        guard colons == 1, let colon = text.firstIndex(of: ":") else { return (text, nil) }
        guard let n = port(text[text.index(after: colon)...]) else { return nil }
        return (String(text[..<colon]), n)
    }

    /// One line per step: source, table, route, explanation, rule checks, verdict.
    static func text(_ r: TraceResult, env: Environment) -> String {
        var lines: [String] = []
        let subnet = env.subnet(r.fromSubnet)
        let where_ = [subnet?.name, subnet?.cidr].compactMap { $0 }.joined(separator: ", ")
        let origin = r.from == r.fromSubnet ? r.fromSubnet : "\(r.from) in \(r.fromSubnet)"
        lines.append("from \(origin)" + (where_.isEmpty ? "" : " (\(where_))"))
        lines.append("to \(r.to)" + (r.port.map { " \(r.protocol)/\($0)" } ?? ""))
        let table = env.routeTable(r.routeTable)
        let association = r.explicitAssociation
            ? "explicitly associated with \(r.fromSubnet)"
            : "main table of \(table?.vpc ?? "the VPC")"
        lines.append("route table \(r.routeTable) (\(association))")
        let target = Routing.describeTarget(r.target, kind: r.kind, in: env)
        let state = r.state.lowercased() == "blackhole" ? " [blackhole: traffic is dropped]" : ""
        lines.append("matched \(r.matched) -> \(r.target) (\(target))\(state)")
        lines.append("why: \(r.explanation)")
        for check in r.rules {
            lines.append("\(check.side) \(check.securityGroup): \(check.verdict) — \(check.explanation)")
        }
        if r.port != nil {
            switch r.allowed {
            case true?: lines.append("result: allowed")
            case false?: lines.append("result: blocked")
            case nil: lines.append("result: not determined (security groups unknown on one side)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
