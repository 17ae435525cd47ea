@preconcurrency import CGraphviz
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads DOT text into a libcgraph graph whose object ids follow the order of the text, so layout and output do
/// not depend on the process's heap.
///
/// With the default id discipline (what `agmemread` uses) a named object's id is the address of its interned
/// name, and subgraphs are kept in id order. Sibling clusters therefore come out in heap-address order: the
/// same DOT text gives differently ordered SVG groups, and sometimes a different layout, from one build to the
/// next. This reader swaps in an id discipline that numbers names in the order they are first met (even ids,
/// like the default's pointers; anonymous objects keep odd ids), restarting for every graph.
///
/// Not thread-safe: call it only where every libgvc call is serialised (`GraphvizRenderer`'s queue), and close
/// the graph with `agclose` before reading the next one.
public enum GraphvizStableRead {
    /// The graph, or nil with the parse error in `aglasterr()`.
    public static func read(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        var bytes = Array(dot.utf8)
        if bytes.isEmpty { bytes = [UInt8(ascii: "\n")] }
        return bytes.withUnsafeMutableBytes { buffer -> UnsafeMutablePointer<Agraph_t>? in
            guard let file = fmemopen(buffer.baseAddress, buffer.count, "r") else { return nil }
            defer { fclose(file) }
            return agread(UnsafeMutableRawPointer(file), Discipline.shared)
        }
    }

    /// The discipline: libcgraph's memory and I/O methods, this file's id methods. Allocated once, never freed,
    /// since graphs keep pointers to it.
    private enum Discipline {
        nonisolated(unsafe) static let shared: UnsafeMutablePointer<Agdisc_t> = {
            let ids = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
            ids.initialize(to: Agiddisc_t(open: idOpen, map: idMap, alloc: idAlloc, free: idFree,
                                          print: idPrint, close: idClose, idregister: idRegister))
            let memory = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
            memory.initialize(to: AgMemDisc)
            let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
            io.initialize(to: AgIoDisc)
            let disc = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
            disc.initialize(to: Agdisc_t(mem: memory, id: ids, io: io))
            return disc
        }()
    }

    /// Name -> id and id -> interned name of the graph being read and rendered.
    private struct Table {
        var ids: [[CChar]: IDTYPE] = [:]
        var names: [IDTYPE: UnsafeMutablePointer<CChar>] = [:]
        var nextNamed: IDTYPE = 2
        var nextAnonymous: IDTYPE = 1
    }

    nonisolated(unsafe) private static var table = Table()

    private static let idOpen: @convention(c) (UnsafeMutablePointer<Agraph_t>?, UnsafeMutablePointer<Agdisc_t>?) -> UnsafeMutableRawPointer? = { graph, _ in
        table = Table()
        return UnsafeMutableRawPointer(graph)
    }

    private static let idMap: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutablePointer<CChar>?,
                                            UnsafeMutablePointer<IDTYPE>?, Int32) -> Int = { state, _, name, id, create in
        guard let id else { return 0 }
        guard let name else {
            id.pointee = table.nextAnonymous
            table.nextAnonymous += 2
            return 1
        }
        let graph = state?.assumingMemoryBound(to: Agraph_t.self)
        let key = Array(UnsafeBufferPointer(start: name, count: strlen(name)))
        if let known = table.ids[key] {
            // Each object holds a reference to its name, as with the default discipline.
            if create != 0, let interned = agstrdup(graph, name) { table.names[known] = interned }
            id.pointee = known
            return 1
        }
        guard create != 0, let interned = agstrdup(graph, name) else {
            id.pointee = 0
            return 1
        }
        let new = table.nextNamed
        table.nextNamed += 2
        table.ids[key] = new
        table.names[new] = interned
        id.pointee = new
        return 1
    }

    private static let idAlloc: @convention(c) (UnsafeMutableRawPointer?, Int32, IDTYPE) -> Int = { _, _, _ in 1 }

    private static let idFree: @convention(c) (UnsafeMutableRawPointer?, Int32, IDTYPE) -> Void = { state, _, id in
        guard id % 2 == 0, let interned = table.names[id] else { return }
        agstrfree(state?.assumingMemoryBound(to: Agraph_t.self), interned)
    }

    private static let idPrint: @convention(c) (UnsafeMutableRawPointer?, Int32, IDTYPE) -> UnsafeMutablePointer<CChar>? = { _, _, id in
        id % 2 == 0 ? table.names[id] : nil
    }

    /// libcgraph calls this for every new object; nothing to do.
    private static let idRegister: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeMutableRawPointer?) -> Void = { _, _, _ in }

    private static let idClose: @convention(c) (UnsafeMutableRawPointer?) -> Void = { _ in
        table = Table()
    }
}
