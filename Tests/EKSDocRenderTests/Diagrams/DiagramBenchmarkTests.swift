@testable import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// A measurement for the notes, not a timed test: renders every Graphviz diagram of both examples to SVG and
/// PNG in-process with libgvc, then the same DOT files with the `dot` command (one process per file and
/// format), and prints both times. Runs only with `EKSDOC_BENCH=1`.
final class DiagramBenchmarkTests: XCTestCase {
    func testInProcessRenderingAgainstTheDotCommand() throws {
        guard ProcessInfo.processInfo.environment["EKSDOC_BENCH"] == "1" else {
            throw XCTSkip("set EKSDOC_BENCH=1 to compare libgvc in-process with the dot command")
        }
        let dotCommand = "/usr/bin/dot"
        guard FileManager.default.isExecutableFile(atPath: dotCommand) else { throw XCTSkip("no \(dotCommand)") }
        let dots = DiagramDeterminismTests.environments.flatMap(DiagramSupport.diagrams).compactMap { diagram -> String? in
            if case .dot(let text) = diagram.content { return text }
            return nil
        }
        XCTAssertGreaterThan(dots.count, 10, "both examples have many Graphviz diagrams")
        let folder = try TestSupport.temporaryDirectory("eksdoc-bench")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for (index, dot) in dots.enumerated() {
            let file = folder.appendingPathComponent("\(index).dot")
            try dot.write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        // Warm up both paths (plugin loading, fonts) before timing.
        _ = try GraphvizRenderer.shared.render(dot: dots[0], format: "png")
        try run(dotCommand, ["-Tpng", files[0].path, "-o", folder.appendingPathComponent("warm.png").path])

        let start = DispatchTime.now()
        for dot in dots {
            _ = try GraphvizRenderer.shared.render(dot: dot, format: "svg")
            _ = try GraphvizRenderer.shared.render(dot: dot, format: "png")
        }
        let inProcess = seconds(since: start)
        let commandStart = DispatchTime.now()
        for file in files {
            for format in ["svg", "png"] {
                try run(dotCommand, ["-T" + format, file.path, "-o", file.path + "." + format])
            }
        }
        let command = seconds(since: commandStart)
        print(String(format: "eksdoc-bench: %d diagrams, SVG+PNG: in-process libgvc %.3f s, dot command %.3f s (%.1fx)",
                     dots.count, inProcess, command, command / max(inProcess, 0.000_001)))
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    private func run(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "))
    }
}
