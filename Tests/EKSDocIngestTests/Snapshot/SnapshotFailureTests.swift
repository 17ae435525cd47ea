@testable import EKSDocIngest
import XCTest

final class SnapshotFailureTests: XCTestCase {
    func kind(_ stderr: String, _ service: String = "ec2", _ operation: String = "describe-vpcs") -> SnapshotFailureKind {
        SnapshotFailureKind.classify(stderr: stderr, service: service, operation: operation)
    }

    func testClassifiesTheCLIsErrorMessages() {
        XCTAssertEqual(kind("Unable to locate credentials. You can configure credentials by running \"aws configure\"."),
                       .noCredentials)
        XCTAssertEqual(kind("An error occurred (AuthFailure) when calling the DescribeVpcs operation: AWS was not able to validate the provided access credentials"),
                       .noCredentials)
        XCTAssertEqual(kind("The config profile (prod) could not be found"), .noCredentials)
        XCTAssertEqual(kind("An error occurred (UnauthorizedOperation) when calling the DescribeVpcs operation: You are not authorized to perform this operation."),
                       .accessDenied)
        XCTAssertEqual(kind("An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: arn:aws:iam::1:user/x is not authorized to perform: eks:DescribeCluster",
                            "eks", "describe-cluster"), .accessDenied)
        XCTAssertEqual(kind("An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: x.",
                            "eks", "describe-cluster"), .unknownCluster)
        XCTAssertEqual(kind("An error occurred (ResourceNotFoundException) when calling the DescribeAddon operation: No addon: x",
                            "eks", "describe-addon"), .notFound)
        XCTAssertEqual(kind("An error occurred (InvalidVpcID.NotFound) when calling the DescribeVpcs operation: The vpc ID 'vpc-1' does not exist"),
                       .notFound)
        XCTAssertEqual(kind("An error occurred (Throttling) when calling the DescribeSubnets operation (reached max retries: 4): Rate exceeded"),
                       .throttled)
        XCTAssertEqual(kind("An error occurred (RequestLimitExceeded) when calling the DescribeInstances operation: Request limit exceeded."),
                       .throttled)
        XCTAssertEqual(kind("Could not connect to the endpoint URL: \"https://ec2.eu-west-1.amazonaws.com/\""), .network)
        XCTAssertEqual(kind("An error occurred (404) when calling the ListAddons operation: <html><title>404 Not Found</title></html>",
                            "eks", "list-addons"), .notImplemented)
        XCTAssertEqual(kind("usage: aws [options] <command> <subcommand>\naws: error: argument --bogus: unknown"), .other)
        XCTAssertEqual(SnapshotFailureKind.classify(stderr: "", timedOut: true), .timeout)
    }

    func testOnlyPassingFailuresAreRetried() {
        XCTAssertEqual(SnapshotFailureKind.allCases.filter(\.isRetryable), [.throttled, .network, .timeout])
    }

    func testMessagesLoseHTMLAndStayShort() {
        let failure = SnapshotFailure(call: "eks list-addons", kind: .notImplemented,
                                      message: "<html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n</html>\n")
        XCTAssertEqual(failure.message, "404 Not Found Not Found")
        XCTAssertEqual(SnapshotFailure(call: "x", kind: .other, message: String(repeating: "a", count: 900)).message.count, 401)
        XCTAssertEqual(SnapshotFailure(call: "ec2 describe-vpcs", kind: .throttled, message: "Rate exceeded", attempts: 3).description,
                       "ec2 describe-vpcs: throttled after 3 attempts: Rate exceeded")
    }
}
