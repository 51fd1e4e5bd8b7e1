import ArgumentParser
import TopolintCore

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

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        let run = LintRun.perform(files: files, settings: configOptions.settings)
        guard run.report.diagnostics.isEmpty else {
            FDWriter.standardError.write(run.report.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        try Output.emit(Baseline.render(run.report.findings), to: output)
        FDWriter.standardError.write("recorded \(run.report.findings.count) finding\(run.report.findings.count == 1 ? "" : "s")\(output.map { " in \($0)" } ?? "")\n")
    }
}
