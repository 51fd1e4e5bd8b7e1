import ArgumentParser
import TopolintCore
import TopolintReporters

/// `topolint baseline FILE… -o .topolint-baseline.json`: record today's findings, so that
/// `lint --baseline` reports only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings by fingerprint, for lint --baseline."
    )

    @Argument(help: "Topology files ('-' reads standard input).")
    var files: [String]

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: OutputOptions

    var output: String? { outputOptions.output }

    @Option(name: .long, help: "Repository root the recorded file paths are relative to (default: the working directory).")
    var repositoryRoot: String?

    func validate() throws {
        try outputOptions.refuseOverwriting(files + configOptions.inputs)
    }

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        let run = LintRun.perform(files: files, settings: configOptions.settings)
        guard run.report.diagnostics.isEmpty else {
            FDWriter.standardError.write(run.report.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        let paths = ReportOptions(repositoryRoot: ReportOptions.repositoryRoot(repositoryRoot, currentDirectory: Output.currentDirectory),
                                  currentDirectory: Output.currentDirectory)
        try Output.emit(Baseline.render(run.report.findings, relativePath: paths.repositoryPath), to: output)
        FDWriter.standardError.write("recorded \(run.report.findings.count) finding\(run.report.findings.count == 1 ? "" : "s")\(output.map { " in \($0)" } ?? "")\n")
    }
}
