import Foundation

/// Writes a snapshot folder atomically: the files go into a temporary sibling folder, which then replaces
/// the output folder, so an interrupted or failed write leaves the previous snapshot as it was.
public enum SnapshotWriter {
    /// A write that could not finish; the output folder is unchanged.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
    }

    /// Replaces `output` with a folder holding exactly `files` (name -> text). Names must be plain file names.
    public static func write(_ files: [String: String], to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).snapshot-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for fileName in files.keys.sorted() {
                guard !fileName.isEmpty, !fileName.contains("/"), fileName != ".", fileName != ".." else {
                    throw WriteError(description: "refusing to write the file name '\(fileName)'")
                }
                try Data((files[fileName] ?? "").utf8).write(to: staging.appendingPathComponent(fileName))
            }
            if fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: previous)
                try fm.moveItem(at: output, to: previous)
                do {
                    try fm.moveItem(at: staging, to: output)
                } catch {
                    try? fm.moveItem(at: previous, to: output)
                    throw error
                }
                try? fm.removeItem(at: previous)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            try? fm.removeItem(at: staging)
            if let error = error as? WriteError { throw error }
            throw WriteError(description: "cannot write the snapshot to \(output.path): \(error.localizedDescription)")
        }
    }
}
