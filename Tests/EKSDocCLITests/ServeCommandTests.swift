import EKSDocTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Runs the real `eksdoc serve` on a free port (`--port 0`) over a temporary copy of the example content and
/// talks to it over 127.0.0.1.
final class ServeCommandTests: XCTestCase {
    private var server: ServeProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func start() throws -> (ServeProcess, URL) {
        let content = try TestSupport.temporaryDirectory("eksdoc-serve").appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestSupport.content, to: content)
        let process = try ServeProcess(content: content)
        server = process
        return (process, content)
    }

    func testServesPagesWithReloadScriptTypesAndConfinesPaths() async throws {
        let (server, _) = try start()
        let base = try server.waitForURL()
        XCTAssertTrue(base.absoluteString.hasPrefix("http://127.0.0.1:"), base.absoluteString)

        let root = try await get(base)
        XCTAssertEqual(root.status, 200)
        XCTAssertTrue(root.type.hasPrefix("text/html"), root.type)
        XCTAssertTrue(root.text.contains("/__eksdoc/version"), "live-reload script injected")
        XCTAssertTrue(root.text.contains("data-eksdoc-live-reload"))

        let svg = try await get(base, "diagrams/concept-irsa-1.svg")
        XCTAssertEqual(svg.status, 200)
        XCTAssertTrue(svg.type.hasPrefix("image/svg+xml"), svg.type)
        XCTAssertTrue(svg.text.contains("<svg"))
        XCTAssertFalse(svg.text.contains("data-eksdoc-live-reload"), "only HTML gets the script")

        let markdown = try await get(base, "md/leadertools-qas/cluster.md")
        XCTAssertEqual(markdown.status, 200)
        XCTAssertEqual(markdown.type, "text/markdown; charset=utf-8")
        let json = try await get(base, "model.json")
        XCTAssertEqual(json.type, "application/json; charset=utf-8")

        let missing = try await get(base, "no/such/page.html")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.type.hasPrefix("text/html"))
        let folder = try await get(base, "md")
        XCTAssertEqual(folder.status, 200, "folder redirects to folder/ and lists it")
        XCTAssertTrue(folder.text.contains("leadertools-qas/"), folder.text)

        let version = try await get(base, "__eksdoc/version")
        XCTAssertEqual(version.status, 200)
        XCTAssertEqual(version.text.trimmingCharacters(in: .whitespacesAndNewlines), "1")

        let port = try XCTUnwrap(base.port)
        for target in ["/../../etc/passwd", "/md/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                       "/md/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/md/..\\..\\etc\\passwd"] {
            let response = try rawGET(port: UInt16(port), target: target)
            let status = response.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            XCTAssertTrue(["400", "404"].contains(status), "\(target): \(response.prefix(80))")
            XCTAssertFalse(response.contains("root:"), "\(target) leaked a file")
        }
        let misdirected = try rawGET(port: UInt16(port), target: "/", host: "attacker.example")
        XCTAssertTrue(misdirected.hasPrefix("HTTP/1.1 421"), String(misdirected.prefix(80)))
    }

    func testRebuildsOnChangeAndKeepsTheOldSiteOnErrors() async throws {
        let (server, content) = try start()
        let base = try server.waitForURL()
        let page = "md/leadertools-qas/cluster.md"
        let before = try await get(base, page)
        XCTAssertTrue(before.text.contains("`1.5.0`"), "the Karpenter chart version is on the cluster page")
        let html = try await get(base, "leadertools-qas/cluster.html")
        let v1 = try await currentVersion(base)

        let tfvars = content.appendingPathComponent("environments/qas/variables.tfvars")
        let original = try String(contentsOf: tfvars, encoding: .utf8)
        let edited = original.replacingOccurrences(of: #"karpenter_helm_version = "1.5.0""#,
                                                   with: #"karpenter_helm_version = "1.5.7""#)
        XCTAssertNotEqual(edited, original)
        try Data(edited.utf8).write(to: tfvars)

        let v2 = try await poll("version to move after the edit") { () async throws -> Int? in
            let v = try await self.currentVersion(base)
            return v != v1 ? v : nil
        }
        let after = try await get(base, page)
        XCTAssertTrue(after.text.contains("`1.5.7`"), "the page shows the new value")
        XCTAssertFalse(after.text.contains("`1.5.0`"))
        if html.status == 200 {
            let page = try await get(base, "leadertools-qas/cluster.html")
            XCTAssertTrue(page.text.contains("1.5.7") && !page.text.contains("1.5.0"), "the HTML page too")
            XCTAssertTrue(page.text.contains("data-eksdoc-live-reload"))
        }
        XCTAssertTrue(server.stdout.contains("rebuilt in "), server.stdout)
        XCTAssertTrue(server.stdout.range(of: #"rebuilt in [0-9.]+ s: [0-9]+ files? changed"#,
                                          options: .regularExpression) != nil, server.stdout)

        try Data((edited + "\nbroken = \"unterminated\n").utf8).write(to: tfvars)
        let pattern = #"variables\.tfvars:[0-9]+:[0-9]+: error: "#
        try await poll("a compiler-style error on stderr") { () async throws -> Bool? in
            server.stderr.range(of: pattern, options: .regularExpression) != nil ? true : nil
        }
        try await poll("the failure to be reported") { () async throws -> Bool? in
            server.stderr.contains("still serving version") ? true : nil
        }
        let v3 = try await currentVersion(base)
        XCTAssertEqual(v3, v2, "a failed build leaves the version alone")
        let stillServed = try await get(base, page)
        XCTAssertEqual(stillServed.status, 200)
        XCTAssertTrue(stillServed.text.contains("`1.5.7`"), "the previous site is still served")
    }

    // MARK: - Helpers

    struct Response {
        var status: Int
        var type: String
        var text: String
    }

    private func get(_ base: URL, _ path: String = "") async throws -> Response {
        let url = path.isEmpty ? base : base.appendingPathComponent(path)
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        return Response(status: http.statusCode, type: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                        text: String(decoding: data, as: UTF8.self))
    }

    private func currentVersion(_ base: URL) async throws -> Int {
        let text = try await get(base, "__eksdoc/version").text
        return try XCTUnwrap(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @discardableResult
    private func poll<T>(_ what: String, timeout: TimeInterval = 60,
                         _ check: () async throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try await check() { return value }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        throw ServeTestError.timeout(what)
    }

    /// A request written byte for byte (URLSession would normalise `..` away), answered as text.
    private func rawGET(port: UInt16, target: String, host: String = "127.0.0.1") throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeTestError.socket("socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ServeTestError.socket("connect") }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw ServeTestError.socket("send") }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: received, as: UTF8.self)
    }
}

enum ServeTestError: Error {
    case timeout(String)
    case socket(String)
}

/// `eksdoc serve DIR --port 0` as a child process; both pipes are drained continuously into buffers.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var out = Data(), err = Data()

    init(content: URL) throws {
        process.executableURL = TestSupport.eksdocBinary
        process.arguments = ["serve", content.path, "--port", "0"]
        process.currentDirectoryURL = content.deletingLastPathComponent()
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: false) }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: true) }
        try process.run()
    }

    private func append(_ data: Data, error: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if error { err.append(data) } else { out.append(data) }
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

    /// The URL of the first stdout line, `serving http://127.0.0.1:PORT/`.
    func waitForURL(timeout: TimeInterval = 60) throws -> URL {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = stdout
            if let newline = text.firstIndex(of: "\n") {
                let line = text[..<newline]
                guard line.hasPrefix("serving "), let url = URL(string: String(line.dropFirst("serving ".count))) else {
                    throw ServeTestError.timeout("first stdout line is not `serving URL`: \(line)")
                }
                return url
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ServeTestError.timeout("serving line; stdout: \(stdout) stderr: \(stderr)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
        (process.standardError as? Pipe)?.fileHandleForReading.readabilityHandler = nil
    }
}
