import ArgumentParser

/// `eksdoc`: architecture documentation for AWS EKS platforms, generated from infrastructure inputs.
@main
struct EKSDocCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eksdoc",
        abstract: "Always-true architecture documentation for AWS EKS platforms.",
        discussion: """
        Exit codes: 0 ok, 1 check failed or findings at/above the threshold, 2 bad input, 3 internal error.
        """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, ModelCommand.self, ParseCommand.self, LintCommand.self, TraceCommand.self,
                      ServeCommand.self, HandoutCommand.self, DiffCommand.self, SnapshotCommand.self,
                      RenderDotCommand.self]
    )
}
