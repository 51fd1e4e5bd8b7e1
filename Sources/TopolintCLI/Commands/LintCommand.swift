import ArgumentParser
import TopolintCore
import TopolintYAML
import TopolintRules
import TopolintPicture
import TopolintReporters

/// `topolint lint FILE…`: load, analyse and check topology files; report in any format.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check topology files against the design rules.",
        discussion: """
        Formats: \(Reporters.ordered.map { "\($0.id) (\($0.summary))" }.joined(separator: "; ")).
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when a file \
        cannot be loaded, 3 when the report cannot be written or the baseline or \
        configuration cannot be read.
        """
    )

    @Argument(help: "Topology files to check ('-' reads standard input).")
    var files: [String]

    @OptionGroup var formatOptions: FormatOptions<LintFormat>

    @Option(name: .long, help: "Lowest severity that makes the exit status 1 (default: the config's fail_on, else medium).")
    var failOn: Severity?

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .long, help: "Report only findings not recorded in this baseline file.")
    var baseline: String?

    @OptionGroup var colorOptions: ColorOptions

    @Option(name: .long, help: "Repository root for relative paths in SARIF, GitLab and GitHub reports (default: the working directory).")
    var repositoryRoot: String?

    @Option(name: .long, help: "Order of findings in text output: location (file, line, column) or severity (worst first).")
    var sort: FindingSort = .location

    @Option(name: .long, help: "Absolute URL of the folder holding the rule pages (TLxxx-name.md), for SARIF helpUri and Markdown links (default: the project's rules/ folder).")
    var ruleDocsURL: String?

    var format: LintFormat { formatOptions.format }
    var output: String? { outputOptions.output }
    var color: ColorChoice { colorOptions.color }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one topology file") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read once; name it once") }
        try outputOptions.refuseOverwriting(files + configOptions.inputs + [baseline])
        if let ruleDocsURL, !RuleDocs.isAbsoluteURL(ruleDocsURL) {
            throw ValidationError("--rule-docs-url needs an absolute URL (https://…, file:///…), got '\(ruleDocsURL)'")
        }
    }

    func run() throws {
        try Output.requireReadable(configOptions.config, what: "configuration")
        var settings = configOptions.settings
        settings.releasingSource = true
        let run = LintRun.perform(files: files, settings: settings, pictures: format.rawValue == HTMLReporter.id,
                                  shownLines: format == .text || format.rawValue == HTMLReporter.id)
        var report = run.report
        if let baseline {
            switch Baseline.load(path: baseline) {
            case let .success(known):
                (report.findings, report.baselined) = Baseline.apply(known, to: report.findings)
            case let .failure(problem):
                FDWriter.standardError.write("topolint: \(problem)\n")
                throw problem.isIOError ? Exit.ioError : Exit.loadError
            }
        }
        let options = ReportOptions(color: format == .text && Output.wantsColor(color, fd: output == nil ? 1 : -1),
                                    repositoryRoot: ReportOptions.repositoryRoot(repositoryRoot, currentDirectory: Output.currentDirectory),
                                    currentDirectory: Output.currentDirectory, ruleDocsURL: ruleDocsURL, sort: sort)
        var clock = StageClock()
        // Written as it is made: a report of tens of megabytes is never held whole.
        var written = 0
        try Output.emit(to: output) { sink in
            Reporters.write(report, format: format.rawValue, options: options) { bytes in
                written += bytes.count
                sink(bytes)
            }
        }
        clock.lap("report", detail: "\(report.findings.count) findings, \(written) bytes of \(format.rawValue), written")
        KeptUntilExit.keep(report)
        if !report.diagnostics.isEmpty {
            // Why the status is 2 is said where a person looks, whatever the report is: a
            // JSON or SARIF report (or one written to a file) would otherwise leave the
            // terminal or the CI log silent. Text on standard output already says it.
            if format != .text || (output != nil && output != "-") {
                FDWriter.standardError.write(report.diagnostics.map(\.oneLine).joined(separator: "\n")
                    + "\ntopolint: \(report.diagnostics.count) load error\(report.diagnostics.count == 1 ? "" : "s"); no design findings for a file that cannot be loaded\n")
            }
            throw Exit.loadError
        }
        let threshold = failOn ?? run.failOn ?? .medium
        if report.findings.contains(where: { $0.severity >= threshold }) { throw Exit.findings }
    }
}

extension Severity: ExpressibleByArgument {}
extension FindingSort: ExpressibleByArgument {}

/// The lint of several files into one report.
struct LintRun {
    var report: LintReport
    /// The first configuration's fail_on, if any.
    var failOn: Severity?

    /// `pictures`: also build each file's drawing, for the formats that draw.
    /// The files as named, each once: a file named twice (or by two paths, or a link to
    /// it) is one design, whose findings would otherwise be counted twice in every report.
    static func distinct(_ files: [String]) -> [String] {
        var seen = Set<FileIdentity>(), names = Set<String>()
        return files.filter { path in
            if path != "-", let file = FileIdentity(path: path) { return seen.insert(file).inserted }
            return names.insert(path).inserted
        }
    }

    /// `shownLines`: the report shows source lines under its entries (text, HTML); without,
    /// no lines are kept or read again.
    static func perform(files: [String], settings: PipelineSettings, pictures: Bool = false, shownLines: Bool = true) -> LintRun {
        let files = distinct(files)
        var pipeline = Pipeline(settings: settings)
        var diagnostics: [Diagnostic] = [], findings: [Finding] = [], suppressed: [SuppressedFinding] = []
        var sources: [String: [UInt8]] = [:]
        var failOn: Severity?
        var drawings: [String: Picture] = [:]
        for path in files {
            let file = pipeline.load(path)
            diagnostics += file.diagnostics
            if failOn == nil { failOn = file.failOn }
            var outcome = Pipeline.lint(file)
            // The lines a report may show under its entries (every line, unless the file's
            // bytes were given back after loading: then these are read again).
            var shown = Set<Int>()
            if shownLines, file.releasedLineIndex != nil {
                for d in file.diagnostics where d.location.file == path { shown.insert(d.location.line) }
                for f in outcome.findings where f.location.file == path { shown.insert(f.location.line) }
                for s in outcome.suppressed {
                    if s.finding.location.file == path { shown.insert(s.finding.location.line) }
                    if s.ignoreLocation.file == path { shown.insert(s.ignoreLocation.line) }
                }
            }
            if shownLines { sources[path] = Pipeline.shownText(of: file, lines: shown) }
            if pictures, let analysis = file.analysis {
                drawings[path] = PictureBuilder.build(analysis, findings: outcome.findings + outcome.suppressed.map(\.finding))
            }
            // The first file's findings are taken as they are (appending them to an empty
            // list would hold them twice for a moment, megabytes for a large design).
            if findings.isEmpty { swap(&findings, &outcome.findings) } else { findings += outcome.findings }
            if suppressed.isEmpty { swap(&suppressed, &outcome.suppressed) } else { suppressed += outcome.suppressed }
            // Done with the model: it is freed on the other core while the report is made
            // (kept, it would sit beside the report's bytes at the peak of memory).
            Parallel.release(consume file)
        }
        // A file that cannot be loaded gets no design findings; the report says so by
        // carrying diagnostics and, with them, no findings (docs/report.md#3-the-json-of-lint).
        if !diagnostics.isEmpty { findings = []; suppressed = [] }
        let report = LintReport(files: files, diagnostics: diagnostics, findings: findings, suppressed: suppressed,
                                rules: RuleRegistry.descriptors, sources: sources, pictures: drawings)
        return LintRun(report: report, failOn: failOn)
    }
}
