import EKSDocIngest
import EKSDocTestSupport
import Foundation

/// A fake `aws` executable in a temporary folder: a bash script that logs its arguments to `calls.log` and
/// answers `SERVICE OPERATION` from `responses/SERVICE-OPERATION[.TOKEN].*`:
/// `.sleep` (seconds to hang), `.failures` (fail that many times more with `.err`, then answer),
/// `.err` alone (always fail with it, exit 255), `.json` (print it, exit 0).
struct FakeAWS {
    let folder: URL

    static let script = """
        #!/bin/bash
        d="$(cd "$(/usr/bin/dirname "$0")" && pwd)"
        printf '%s\\n' "$*" >> "$d/calls.log"
        words=(); token=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --output|--region|--profile|--endpoint-url) shift 2 ;;
            --next-token|--marker) token="$2"; shift 2 ;;
            --*) shift ;;
            *) words+=("$1"); shift ;;
          esac
        done
        r="$d/responses/${words[0]}-${words[1]}"
        [ -n "$token" ] && r="$r.$token"
        if [ -f "$r.sleep" ]; then exec /bin/sleep "$(/bin/cat "$r.sleep")"; fi
        if [ -f "$r.failures" ]; then
          n=$(/bin/cat "$r.failures")
          if [ "$n" -gt 0 ]; then echo $((n-1)) > "$r.failures"; /bin/cat "$r.err" >&2; exit 255; fi
        elif [ -f "$r.err" ]; then /bin/cat "$r.err" >&2; exit 255; fi
        if [ -f "$r.json" ]; then /bin/cat "$r.json"; exit 0; fi
        echo "fake aws: no response for $r" >&2
        exit 255
        """

    /// Empty answers for every call of a snapshot, so a test only writes the ones it cares about.
    static let emptyAnswers: [String: String] = [
        "ec2-describe-vpcs": #"{"Vpcs": []}"#, "ec2-describe-subnets": #"{"Subnets": []}"#,
        "ec2-describe-route-tables": #"{"RouteTables": []}"#,
        "ec2-describe-security-groups": #"{"SecurityGroups": []}"#,
        "ec2-describe-internet-gateways": #"{"InternetGateways": []}"#,
        "ec2-describe-nat-gateways": #"{"NatGateways": []}"#, "ec2-describe-network-acls": #"{"NetworkAcls": []}"#,
        "ec2-describe-vpc-endpoints": #"{"VpcEndpoints": []}"#, "ec2-describe-instances": #"{"Reservations": []}"#,
        "ec2-describe-instance-types": #"{"InstanceTypes": []}"#,
        "elbv2-describe-load-balancers": #"{"LoadBalancers": []}"#,
        "elbv2-describe-target-groups": #"{"TargetGroups": []}"#,
    ]

    init() throws {
        folder = try TestSupport.temporaryDirectory("fake-aws")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("responses"),
                                                withIntermediateDirectories: true)
        let aws = folder.appendingPathComponent("aws")
        try Data(FakeAWS.script.utf8).write(to: aws)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        for (name, json) in FakeAWS.emptyAnswers { try respond(name, json: json) }
    }

    var executable: URL { folder.appendingPathComponent("aws") }

    func set(_ name: String, _ suffix: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent("responses/\(name).\(suffix)"))
    }

    /// The answer of `name` (`ec2-describe-vpcs`, or `ec2-describe-vpcs.TOKEN` for a later page).
    func respond(_ name: String, json: String) throws { try set(name, "json", json) }

    /// `name` fails with `stderr`; `times` failures before it answers, nil for always.
    func fail(_ name: String, stderr: String, times: Int? = nil) throws {
        try set(name, "err", stderr)
        if let times { try set(name, "failures", "\(times)") }
    }

    func hang(_ name: String, seconds: Int) throws { try set(name, "sleep", "\(seconds)") }

    /// Every argument line the fake was called with.
    var calls: [String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("calls.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    func calls(containing fragment: String) -> [String] { calls.filter { $0.contains(fragment) } }

    /// A runner that uses the fake, with quick retries.
    func runner(cluster: String? = nil, vpc: String? = nil, retries: Int = 2, timeout: Double = 10) -> SnapshotRunner {
        let cli = AWSCLI(executable: executable, environment: ["PATH": "/usr/bin:/bin"], region: "eu-west-1",
                         timeout: timeout)
        return SnapshotRunner(cli: cli, options: SnapshotOptions(cluster: cluster, vpc: vpc, retries: retries,
                                                                 retryDelay: 0.01))
    }
}
