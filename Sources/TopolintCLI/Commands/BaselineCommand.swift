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

    @Option(name: .long, help: "Configuration file (default: the nearest .topolint.yaml).")
    var config: String?

    @Option(name: .long, help: "Rule pack.")
    var rules: String?

    @Option(name: [.short, .long], help: "The baseline file to write (default: standard output).")
    var output: String?

    func run() throws {
        try Output.requireReadable(config, what: "configuration")
        let run = LintRun.perform(files: files, settings: PipelineSettings(configPath: config, packOverride: rules))
        guard run.report.diagnostics.isEmpty else {
            FileHandle.standardError.write(run.report.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        try Output.emit(Baseline.render(run.report.findings), to: output)
        FileHandle.standardError.write("recorded \(run.report.findings.count) finding\(run.report.findings.count == 1 ? "" : "s")\(output.map { " in \($0)" } ?? "")\n")
    }
}
