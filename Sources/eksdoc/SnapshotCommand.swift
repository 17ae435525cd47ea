import ArgumentParser
import EKSDocIngest
import Foundation

/// `eksdoc snapshot --region R [--cluster NAME] [--profile P] [--endpoint-url URL] [--vpc VPC] --out DIR`:
/// saves the answers of the `aws` calls eksdoc reads into DIR, one JSON file per call.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save the AWS CLI answers eksdoc reads (EC2, ELBv2, EKS) into a folder.",
        discussion: """
        Runs the `aws` CLI once per call (pages merged), writes one JSON file per call with sorted keys and \
        secret values withheld, and replaces the output folder only when every call succeeded. Calls the \
        endpoint does not implement (eks list-addons / describe-addon on moto) are skipped with a warning. \
        With a VPC (--vpc, or the cluster's), load balancers and target groups of other VPCs are left out. \
        Exit codes: 0 written, 2 a call failed (the output folder is unchanged) or the aws CLI is missing, \
        3 the folder could not be written. With CI=true only warnings and errors are printed.
        """)

    @Option(help: "The AWS region.")
    var region: String

    @Option(help: "The EKS cluster to include (settings, node groups, add-ons).")
    var cluster: String?

    @Option(help: "The AWS CLI profile.")
    var profile: String?

    @Option(help: "Send every call to this endpoint (for example a local moto_server).")
    var endpointURL: String?

    @Option(help: "Only this VPC (default: the cluster's VPC with --cluster, else every VPC).")
    var vpc: String?

    @Option(name: .shortAndLong, help: "The snapshot folder (replaced as a whole).")
    var out: String

    @Option(help: "Seconds one aws call may take.")
    var timeout: Double = 60

    @Option(help: "How often a throttled, timed-out or network-failed call is repeated.")
    var retries: Int = 2

    @Option(help: .hidden)
    var retryDelay: Double = 1

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
        guard !region.isEmpty else { throw ValidationError("--region must not be empty") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let quiet = ["true", "1", "yes"].contains((environment["CI"] ?? "").lowercased())
        guard let executable = AWSCLI.locate(environment: environment) else {
            Console.error("error: \(AWSCLI.installHint)")
            throw ExitCode(2)
        }
        let cli = AWSCLI(executable: executable, environment: environment, region: region, profile: profile,
                         endpointURL: endpointURL, timeout: timeout)
        let runner = SnapshotRunner(cli: cli, options: SnapshotOptions(cluster: cluster, vpc: vpc, retries: retries,
                                                                       retryDelay: retryDelay))
        let started = Date()
        let result = runner.run { event in
            if event.kind != .progress || !quiet { Console.error(event.text) }
        }
        for warning in result.warnings { Console.error("warning: \(warning)") }
        guard result.succeeded else {
            Console.error("error: \(result.failures.count) aws call(s) failed; \(out) was not changed:")
            for failure in result.failures { Console.error("  \(failure)") }
            if let hint = hint(for: result.failures) { Console.error("hint: \(hint)") }
            throw ExitCode(2)
        }
        do {
            try SnapshotWriter.write(result.files, to: URL(fileURLWithPath: out))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        if !quiet {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            Console.error("wrote \(result.files.count) files to \(out) in \(seconds) s")
        }
    }

    /// Advice for the most common failures.
    func hint(for failures: [SnapshotFailure]) -> String? {
        let kinds = Set(failures.map(\.kind))
        if kinds.contains(.noCredentials) {
            return "configure credentials (aws configure, AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)"
        }
        if kinds.contains(.unknownCluster) {
            return "check the cluster name and --region (aws eks list-clusters --region \(region))"
        }
        if kinds.contains(.accessDenied) {
            return "the identity needs read access: ec2:Describe*, elasticloadbalancing:Describe*, eks:Describe*, eks:List*"
        }
        return nil
    }
}
