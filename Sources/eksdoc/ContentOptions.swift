import ArgumentParser
import EKSDocIngest
import EKSDocModel
import Foundation

/// The content folder argument shared by commands that read a project.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The content folder (with eksdoc.yml, or any folder of inputs).")
    var directory: String = "content"

    var url: URL { URL(fileURLWithPath: directory) }

    /// Exits with code 2 when the content folder does not exist.
    func requireFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.error("\(directory): error: content folder not found")
            throw ExitCode(2)
        }
    }

    /// Loads the folder, prints diagnostics, and exits with code 2 when there are errors.
    func load() throws -> Inventory {
        try requireFolder()
        let (inventory, diagnostics) = ContentLoader.load(url)
        Console.report(diagnostics, root: directory)
        if diagnostics.hasErrors { throw ExitCode(2) }
        return inventory
    }
}

/// Standard error output for diagnostics and messages.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints sorted diagnostics as `root/path:line:col: severity: message`.
    static func report(_ diagnostics: Diagnostics, root: String?) {
        for line in lines(diagnostics, root: root) { error(line) }
    }

    /// The lines `report` prints.
    static func lines(_ diagnostics: Diagnostics, root: String?) -> [String] {
        diagnostics.sorted.map { diagnostic in
            var d = diagnostic
            // Generated pages (`md/...`) are reported as they are: they live in the output, not the content.
            if let root, !d.location.file.isEmpty, !d.location.file.hasPrefix("/"), !d.location.file.hasPrefix("("),
               !d.location.file.hasPrefix("md/") {
                d.location.file = root == "." ? d.location.file : (root.hasSuffix("/") ? root : root + "/") + d.location.file
            }
            return d.description
        }
    }

    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}
