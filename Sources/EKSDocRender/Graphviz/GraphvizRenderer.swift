import CGraphviz
import Dispatch
import Foundation

/// A problem rendering a diagram.
public struct GraphvizError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { "graphviz: \(message)" }
}

/// Lays out and renders DOT text in-process with libgvc.
///
/// Graphviz keeps global state and is not thread-safe, so every call runs on one serial queue; each graph
/// and its layout are freed before the call returns.
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer (one libgvc context).
    public static let shared = GraphvizRenderer()

    private let queue = DispatchQueue(label: "eksdoc.graphviz")
    private let context: OpaquePointer

    private init() {
        agseterr(AGMAX)
        guard let gvc = gvContext() else { fatalError("libgvc could not create a context") }
        context = gvc
    }

    /// Renders DOT text to `format` (`svg`, `png`, `dot`...) with the `dot` layout engine.
    public func render(dot: String, format: String = "svg", engine: String = "dot") throws -> Data {
        try queue.sync { try renderLocked(dot: dot, formats: [format], engine: engine)[0] }
    }

    /// Renders DOT text to several formats from one layout (as `dot -Tsvg -Tpng` does), in the order given.
    public func render(dot: String, formats: [String], engine: String = "dot") throws -> [Data] {
        try queue.sync { try renderLocked(dot: dot, formats: formats, engine: engine) }
    }

    private func renderLocked(dot: String, formats: [String], engine: String) throws -> [Data] {
        // Read with ids in DOT-text order: plain agmemread orders clusters by memory address, which changes
        // from run to run and with it the layout.
        guard let graph = GraphvizStableRead.read(dot) else {
            let detail = aglasterr().map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            throw GraphvizError(message: "invalid DOT: \(detail ?? "syntax error")")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, engine) == 0 else {
            throw GraphvizError(message: "layout with \(engine) failed")
        }
        defer { gvFreeLayout(context, graph) }
        return try formats.map { format in
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(context, graph, format, &buffer, &length) == 0, let buffer else {
                throw GraphvizError(message: "rendering \(format) failed (is the Graphviz plugin for it installed?)")
            }
            defer { gvFreeRenderData(buffer) }
            return Data(bytes: buffer, count: Int(length))
        }
    }
}
