import ArgumentParser
import FlyingFox
import Foundation

/// `eksdoc serve [DIR] [--port 8000] [--host 127.0.0.1] [--once]`: builds the site into memory, serves it, and
/// rebuilds it when the content, templates, questions or theme change; open pages reload themselves.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the documentation site locally and rebuild it when its inputs change.",
        discussion: """
        The first line on standard output is `serving http://HOST:PORT/` (with the chosen port when --port is 0). \
        The content folder, its questions/ and theme, and a templates/ folder beside it or in the working \
        directory are polled every 500 ms; a change triggers one rebuild, and when files changed the build \
        version moves on. Pages poll /__eksdoc/version once a second and reload when it moves. A failed \
        rebuild prints its diagnostics and the previous site stays in service. The server listens on \
        127.0.0.1 and answers only requests addressed to a loopback name, unless another --host is given.
        """)

    @OptionGroup var content: ContentOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on (an IPv4 or IPv6 literal, or localhost).")
    var host: String = "127.0.0.1"

    @Flag(help: "Build once and serve without watching for changes.")
    var once = false

    func run() async throws {
        try content.requireFolder()
        let loopback = ServeCommand.isLoopback(host)
        if !loopback {
            Console.error("warning: --host \(host) is not a loopback address: the site is reachable from the network")
        }
        let state = SiteState()
        let rebuilder = Rebuilder(content: content.url.standardizedFileURL, displayRoot: content.directory, state: state)
        let watcher = ContentWatcher(roots: ContentWatcher.roots(forContent: content.url))
        let before = watcher.scan()
        await rebuilder.build(initial: true)

        let server: HTTPServer
        do {
            server = try ServeCommand.makeServer(host: host, port: port, handler: SiteHandler(
                state: state, allowedHosts: loopback ? ["127.0.0.1", "localhost", "::1", host.lowercased()] : nil))
        } catch {
            Console.error("error: cannot listen on \(host): \(error)")
            throw ExitCode(2)
        }
        // Children answer whether they mean "listening": the server task ends (false) only by failing, so a
        // port already in use is reported at once instead of after a listening timeout.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await server.run(); return false }
            group.addTask { try await server.waitUntilListening(timeout: 30); return true }
            do {
                guard try await group.next() == true else { throw ExitCode(2) }
            } catch {
                group.cancelAll()
                Console.error("error: cannot listen on \(host):\(port): \(error)")
                throw ExitCode(2)
            }
            var actualPort = port
            switch await server.listeningAddress {
            case .ip4(_, let bound)?, .ip6(_, let bound)?: actualPort = bound
            default: break
            }
            ServeOutput.line("serving \(ServeCommand.url(host: host, port: actualPort))")
            if let summary = await rebuilder.initialSummary { ServeOutput.line(summary) }
            if !once {
                ServeOutput.line("watching \(watcher.roots.map(\.path).joined(separator: ", ")) (Ctrl-C stops)")
                group.addTask {
                    await rebuilder.watch(watcher, from: before, interval: .milliseconds(500))
                    return false
                }
            }
            while try await group.next() != nil {}
        }
    }

    /// An HTTP server bound to exactly `host` (IPv4 or IPv6 literal, or `localhost`).
    static func makeServer(host: String, port: UInt16, handler: SiteHandler) throws -> HTTPServer {
        if host.contains(":") {
            return HTTPServer(address: try .inet6(ip6: host, port: port), timeout: 30, logger: .disabled, handler: handler)
        }
        let ip4 = host.lowercased() == "localhost" ? "127.0.0.1" : host
        return HTTPServer(address: try .inet(ip4: ip4, port: port), timeout: 30, logger: .disabled, handler: handler)
    }

    /// The URL to print for the address the server really got.
    static func url(host: String, port: UInt16) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }

    /// 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" || lower == "[::1]" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
