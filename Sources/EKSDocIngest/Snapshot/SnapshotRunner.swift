import EKSDocModel
import Foundation

/// What a snapshot collects beyond the CLI's own settings.
public struct SnapshotOptions: Sendable {
    /// The EKS cluster whose settings, node groups and add-ons are collected; nil collects the network only.
    public var cluster: String?
    /// The VPC the EC2 calls are filtered to; nil means the cluster's VPC, or every VPC without a cluster.
    public var vpc: String?
    /// How many times a call that failed for a passing reason (throttling, network, timeout) is repeated.
    public var retries: Int
    /// Seconds before the first repeat; doubled for each further one.
    public var retryDelay: Double

    public init(cluster: String? = nil, vpc: String? = nil, retries: Int = 2, retryDelay: Double = 1) {
        self.cluster = cluster
        self.vpc = vpc
        self.retries = retries
        self.retryDelay = retryDelay
    }
}

/// A progress line, a warning, or a failed call, reported while the snapshot runs.
public struct SnapshotEvent: Sendable, Equatable {
    /// A progress line (hidden with CI=true), a skipped call, or a failed call.
    public enum Kind: Sendable, Equatable { case progress, warning, failure }
    /// What the event reports.
    public var kind: Kind
    /// `[3/14] ec2 describe-subnets ... 12 items, 0.4 s`.
    public var text: String
}

/// The outcome of a snapshot: the files to write (name -> JSON text), and what went wrong.
public struct SnapshotResult: Sendable {
    /// File name -> canonical JSON text, one per call that has a file.
    public var files: [String: String] = [:]
    /// The calls that failed (optional calls the endpoint lacks are warnings instead).
    public var failures: [SnapshotFailure] = []
    /// Calls skipped because the endpoint does not implement them.
    public var warnings: [String] = []
    /// True when every required call succeeded, so the files may replace the output folder.
    public var succeeded: Bool { failures.isEmpty }
}

/// Runs the `aws` calls of a snapshot one after another and turns the answers into snapshot files.
public struct SnapshotRunner: Sendable {
    /// How the `aws` CLI is run.
    public var cli: AWSCLI
    /// What is collected.
    public var options: SnapshotOptions

    public init(cli: AWSCLI, options: SnapshotOptions) {
        self.cli = cli
        self.options = options
    }

    /// Progress of one run: how many calls are done and known.
    struct Tally {
        var done = 0
        var total = 0
    }

    /// Runs every call. Stops early when the CLI has no credentials or the cluster does not exist, since
    /// nothing else can succeed then.
    public func run(report: (SnapshotEvent) -> Void) -> SnapshotResult {
        var result = SnapshotResult()
        var tally = Tally()
        let network = SnapshotCalls.network(vpc: nil)
        tally.total = network.count + 1 + SnapshotCalls.loadBalancing.count + (options.cluster == nil ? 0 : 3)
        var vpc = options.vpc
        var instanceTypes: [String] = []
        func perform(_ call: SnapshotCall, keepingVPCs vpcs: Set<String>? = nil) -> SnapshotAnswer? {
            self.perform(call, keepingVPCs: vpcs, tally: &tally, result: &result, report: report)
        }
        func mustStop() -> Bool {
            result.failures.contains { $0.kind == .noCredentials || $0.kind == .unknownCluster }
        }

        if let cluster = options.cluster {
            let described = perform(SnapshotCalls.describeCluster(cluster))
            if mustStop() { return result }
            if vpc == nil, let described {
                vpc = described.clusterVPC ?? resolveVPC(of: described.clusterSubnets, tally: &tally,
                                                         result: &result, report: report)
            }
            let groups = perform(SnapshotCalls.listNodeGroups(cluster))?.names("nodegroups") ?? []
            if mustStop() { return result }
            tally.total += groups.count
            for name in groups {
                let answer = perform(SnapshotCalls.describeNodeGroup(cluster, name))
                instanceTypes += (answer?.node[["nodegroup", "instanceTypes"]]?.items ?? []).compactMap(\.text)
            }
            let addons = perform(SnapshotCalls.listAddons(cluster))?.names("addons") ?? []
            tally.total += addons.count
            for name in addons { _ = perform(SnapshotCalls.describeAddon(cluster, name)) }
        }
        for call in SnapshotCalls.network(vpc: vpc) {
            let answer = perform(call)
            if mustStop() { return result }
            if call.operation == "describe-instances" { instanceTypes += answer?.instanceTypesOfInstances ?? [] }
        }
        if instanceTypes.isEmpty {
            tally.done += 1
            report(SnapshotEvent(kind: .progress, text: "[\(tally.done)/\(tally.total)] ec2 describe-instance-types"
                                 + " ... skipped: no instances or node groups"))
        } else {
            _ = perform(SnapshotCalls.instanceTypes(instanceTypes))
        }
        let vpcs = vpc.map { Set($0.split(separator: ",").map(String.init)) }
        for call in SnapshotCalls.loadBalancing { _ = perform(call, keepingVPCs: vpcs) }
        return result
    }

    /// Runs one call with its pages and retries, records its file or its failure, and reports progress.
    func perform(_ call: SnapshotCall, keepingVPCs vpcs: Set<String>? = nil, tally: inout Tally,
                 result: inout SnapshotResult, report: (SnapshotEvent) -> Void) -> SnapshotAnswer? {
        tally.done += 1
        let prefix = "[\(tally.done)/\(tally.total)] \(call.title)"
        let started = Date()
        switch fetch(call) {
        case .success(var answer):
            if let vpcs { answer.keepItems(call.answerKey, inVPCs: vpcs) }
            let count = answer.itemCount(call.answerKey)
            var detail = count == 1 ? "1 item" : "\(count) items"
            if let file = call.fileName {
                var node = answer.node
                if let sortKey = call.sortKey {
                    node = SnapshotJSON.sortedTopLevel(node, listKey: call.answerKey, idKey: sortKey)
                }
                let (redacted, withheld) = SnapshotJSON.redacted(node)
                if withheld > 0 { detail += ", \(withheld) withheld" }
                result.files[file] = SnapshotJSON.render(redacted)
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            report(SnapshotEvent(kind: .progress, text: "\(prefix) ... \(detail), \(seconds) s"))
            return answer
        case .failure(let failure) where call.optional && failure.kind == .notImplemented:
            let warning = "\(call.title) is not implemented by the endpoint; skipped (\(failure.message))"
            result.warnings.append(warning)
            report(SnapshotEvent(kind: .warning, text: "\(prefix) ... skipped: not implemented by the endpoint"))
            return nil
        case .failure(let failure):
            result.failures.append(failure)
            report(SnapshotEvent(kind: .failure, text: "\(prefix) ... failed: \(failure.kind.rawValue)"))
            return nil
        }
    }

    /// The VPC of the cluster's first subnet, for endpoints whose `describe-cluster` omits `vpcId` (moto).
    func resolveVPC(of subnets: [String], tally: inout Tally, result: inout SnapshotResult,
                    report: (SnapshotEvent) -> Void) -> String? {
        guard !subnets.isEmpty else { return nil }
        tally.total += 1
        let call = SnapshotCall("ec2", "describe-subnets", ["--subnet-ids"] + subnets, answerKey: "Subnets",
                                purpose: "the cluster's subnets, for its VPC")
        let vpcs = perform(call, tally: &tally, result: &result, report: report)?.vpcIDs("Subnets") ?? []
        return vpcs.isEmpty ? nil : vpcs.joined(separator: ",")
    }

    /// Every page of a call, merged. Fails when a page fails after its retries or is not the expected answer.
    func fetch(_ call: SnapshotCall) -> Result<SnapshotAnswer, SnapshotFailure> {
        var answer: SnapshotAnswer?
        var extra: [String] = []
        var seenTokens: Set<String> = []
        while true {
            let page: Node
            switch attempt(call, extra: extra) {
            case .success(let node): page = node
            case .failure(let failure): return .failure(failure)
            }
            guard page.isMap, page[call.answerKey] != nil else {
                let keys = page.keys.joined(separator: ", ")
                return .failure(SnapshotFailure(call: call.title, kind: .badOutput,
                                                message: "the answer has no '\(call.answerKey)' (keys: \(keys))"))
            }
            if answer == nil { answer = SnapshotAnswer(node: page) } else { answer?.merge(page) }
            guard let next = SnapshotAnswer.nextPage(of: page), seenTokens.insert(next.token).inserted,
                  seenTokens.count < 1000 else { break }
            extra = [next.option, next.token]
        }
        answer?.dropTokens()
        return answer.map { .success($0) } ?? .failure(SnapshotFailure(call: call.title, kind: .badOutput, message: ""))
    }

    /// One page of a call, repeated up to `retries` times while it fails for a passing reason.
    func attempt(_ call: SnapshotCall, extra: [String]) -> Result<Node, SnapshotFailure> {
        var attempts = 0
        while true {
            attempts += 1
            let failure: SnapshotFailure
            do {
                let run = try cli.run(call.commandLine + extra)
                if run.status == 0, !run.timedOut {
                    let text = String(decoding: run.stdout, as: UTF8.self)
                    let (node, diagnostics) = JSONParser.parse(text.isEmpty ? "{}" : text, file: call.title)
                    if let node { return .success(node) }
                    let message = diagnostics.sorted.first?.message ?? "not JSON"
                    return .failure(SnapshotFailure(call: call.title, kind: .badOutput, message: message,
                                                    attempts: attempts))
                }
                let kind = SnapshotFailureKind.classify(stderr: run.stderr, timedOut: run.timedOut,
                                                        service: call.service, operation: call.operation)
                let limit = String(format: "%g", cli.timeout)
                let message = run.timedOut ? "no answer within \(limit) s" : run.stderr
                failure = SnapshotFailure(call: call.title, kind: kind, message: message, attempts: attempts)
            } catch {
                return .failure(SnapshotFailure(call: call.title, kind: .other,
                                                message: "cannot run \(cli.executable.path): \(error)"))
            }
            guard failure.kind.isRetryable, attempts <= options.retries else { return .failure(failure) }
            Thread.sleep(forTimeInterval: options.retryDelay * Double(1 << (attempts - 1)))
        }
    }
}
