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

    /// The largest bitmap rendered (width x height at 96 dpi): 16 megapixels, and no side over 16,000 pixels. A
    /// PNG of a larger layout comes back empty, and the diagram is published as SVG only.
    public static let maximumBitmapPixels = 16_000_000
    /// The longest bitmap side rendered, in pixels.
    public static let maximumBitmapSide = 16_000

    /// Width x height in pixels at 96 dpi of a laid-out graph, from its `bb` attribute (points).
    private func bitmapPixels(_ graph: UnsafeMutableRawPointer) -> Int {
        let raw = "bb".withCString { name in agget(graph, UnsafeMutablePointer(mutating: name)) }
        guard let raw else { return 0 }
        let numbers = String(cString: raw).split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard numbers.count == 4 else { return 0 }
        let scale = 96.0 / 72.0
        let width = Int((numbers[2] - numbers[0]) * scale), height = Int((numbers[3] - numbers[1]) * scale)
        // Cairo cannot draw a side over 32,767 pixels; a long thin layout counts as over the limit too.
        return max(width, height) > GraphvizRenderer.maximumBitmapSide ? Int.max : width * height
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
            // A bitmap of a huge layout is tens of megabytes, scaled down by cairo anyway, and unreadable. The
            // layout's `bb` attribute is there once a first format has been rendered (SVG comes first).
            if format == "png", bitmapPixels(UnsafeMutableRawPointer(graph)) > GraphvizRenderer.maximumBitmapPixels {
                return Data()
            }
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
