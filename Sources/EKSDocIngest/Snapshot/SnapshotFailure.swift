import Foundation

/// Why an `aws` call failed, from its exit and error message.
public enum SnapshotFailureKind: String, Sendable, Equatable, CaseIterable {
    case noCredentials = "no credentials"
    case accessDenied = "access denied"
    case unknownCluster = "unknown cluster"
    case notFound = "not found"
    case notImplemented = "not implemented by the endpoint"
    case throttled = "throttled"
    case network = "network error"
    case timeout = "timed out"
    case badOutput = "unreadable output"
    case other = "error"

    /// True for failures that may pass when the call is repeated (throttling, network, server errors, timeouts).
    public var isRetryable: Bool {
        switch self {
        case .throttled, .network, .timeout: return true
        default: return false
        }
    }

    /// Patterns in the CLI's error output, checked in this order; first match wins.
    static let patterns: [(kind: SnapshotFailureKind, fragments: [String])] = [
        (.noCredentials, ["Unable to locate credentials", "NoCredentialsError", "InvalidClientTokenId",
                          "UnrecognizedClientException", "ExpiredToken", "AuthFailure",
                          "The config profile"]),
        (.accessDenied, ["AccessDenied", "UnauthorizedOperation", "UnauthorizedException", "is not authorized to perform"]),
        (.notFound, ["ResourceNotFoundException", "NotFoundException", "NotFound)", ".NotFound"]),
        (.throttled, ["Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
                      "Rate exceeded", "SlowDown", "RequestThrottled"]),
        (.notImplemented, ["404 Not Found", "not yet implemented", "NotImplemented", "not implemented"]),
        (.network, ["Could not connect to the endpoint URL", "Connection was closed", "Connect timeout",
                    "Read timeout", "EndpointConnectionError", "ConnectionClosedError", "Connection reset",
                    "ServiceUnavailable", "InternalError", "InternalFailure", "500 Internal Server Error",
                    "502 Bad Gateway", "503 Service", "RequestTimeout", "Further retries may succeed"]),
    ]

    /// Classifies a failed call from its error output. `service` is the CLI service (`eks`, `ec2` ...):
    /// a not-found answer from EKS `describe-cluster` or `list-*` means the cluster does not exist.
    public static func classify(stderr: String, timedOut: Bool = false, service: String = "",
                                operation: String = "") -> SnapshotFailureKind {
        if timedOut { return .timeout }
        for (kind, fragments) in patterns where fragments.contains(where: { stderr.contains($0) }) {
            if kind == .notFound, service == "eks",
               operation == "describe-cluster" || operation.hasPrefix("list-") || stderr.contains("No cluster found") {
                return .unknownCluster
            }
            return kind
        }
        return .other
    }
}

/// One failed `aws` call: the command, the classified reason and the CLI's own message.
public struct SnapshotFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call as shown to users (`ec2 describe-subnets`).
    public var call: String
    /// The classified reason.
    public var kind: SnapshotFailureKind
    /// The CLI's error output, trimmed (at most a few lines).
    public var message: String
    /// How many times the call was run.
    public var attempts: Int

    public init(call: String, kind: SnapshotFailureKind, message: String, attempts: Int = 1) {
        self.call = call
        self.kind = kind
        self.message = SnapshotFailure.trimmed(message)
        self.attempts = attempts
    }

    public var description: String {
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        return "\(call): \(kind.rawValue)\(tries): \(message.isEmpty ? "(no message)" : message)"
    }

    /// The error output without HTML tags, its non-empty lines joined, at most 400 characters.
    static func trimmed(_ text: String) -> String {
        var plain = "", inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false; plain += " " }
            else if !inTag { plain.append(character) }
        }
        let lines = plain.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let joined = lines.joined(separator: " ")
        return joined.count > 400 ? String(joined.prefix(400)) + "…" : joined
    }
}
