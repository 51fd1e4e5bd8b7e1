import TopolintCore

/// What the caller decides about a report that the report itself cannot know.
public struct ReportOptions: Sendable {
    /// ANSI colour in `text` output. The caller decides (a terminal, and no `NO_COLOR`), so
    /// the reporters stay pure functions of their input.
    public var color: Bool
    /// The absolute path of the repository root. SARIF and GitLab need paths relative to it;
    /// paths outside it (or every path, when it is nil) are left as given.
    public var repositoryRoot: String?
    /// The absolute directory the file paths in the report are relative to (the working
    /// directory of the run). With it, `net/dc.yaml` given in `/repo/sub` becomes
    /// `sub/net/dc.yaml` for a root of `/repo`; without it, relative paths are taken to be
    /// relative to the root already.
    public var currentDirectory: String?
    /// The absolute URL of the folder holding the rule pages (`TLxxx-name.md`), for SARIF
    /// `helpUri` and Markdown links; the project's own pages when nil.
    public var ruleDocsURL: String?
    /// How `text` orders findings: by location (editors jump through them in file order) or
    /// by severity (the worst first).
    public var sort: FindingSort

    public init(color: Bool = false, repositoryRoot: String? = nil, currentDirectory: String? = nil,
                ruleDocsURL: String? = nil, sort: FindingSort = .location) {
        self.color = color
        self.repositoryRoot = repositoryRoot
        self.currentDirectory = currentDirectory
        self.ruleDocsURL = ruleDocsURL
        self.sort = sort
    }

    /// The page of a rule, under `ruleDocsURL` when one is set.
    public func helpURI(id: String, name: String) -> String { RuleDocs.uri(id: id, name: name, base: ruleDocsURL) }
}

/// The order of findings in `text` output.
public enum FindingSort: String, Sendable, CaseIterable {
    case location, severity

    /// Severity: highest severity first, then highest score, then report order.
    public func sorted(_ findings: [Finding]) -> [Finding] {
        switch self {
        case .location: return findings
        case .severity: return findings.sorted(by: FindingSort.worstFirst)
        }
    }

    public static func worstFirst(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.score != b.score { return a.score > b.score }
        return Finding.reportOrder(a, b)
    }
}

/// One output format: a pure function from a report to the bytes the CLI writes.
///
/// Reporters never print, read files or look at the environment, so each can be tested by
/// parsing its return value.
public protocol Reporter: Sendable {
    /// The name `--format` takes.
    static var id: String { get }
    /// A line for `--help`.
    static var summary: String { get }
    static func render(_ report: LintReport, options: ReportOptions) -> String
    /// The same report as UTF-8 bytes. Reporters that collect bytes hand them over as they
    /// are, so a large report is never copied into a `String` on its way out.
    static func renderBytes(_ report: LintReport, options: ReportOptions) -> [UInt8]
    /// The same bytes handed to `sink` a piece at a time, for writing out: the reporters of
    /// large reports (text, JSON) never hold the whole report; the others hand it over whole.
    static func write(_ report: LintReport, options: ReportOptions, to sink: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension Reporter {
    public static func renderBytes(_ report: LintReport, options: ReportOptions) -> [UInt8] {
        Array(render(report, options: options).utf8)
    }

    public static func write(_ report: LintReport, options: ReportOptions, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        renderBytes(report, options: options).withUnsafeBufferPointer(sink)
    }
}

/// The registry: the one place that knows every format, so `--format` and its help text
/// cannot drift from what exists.
public enum Reporters {
    /// Every reporter, in the order `--help` lists them.
    public static let ordered: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self,
        GitHubReporter.self, GitLabReporter.self, MarkdownReporter.self, HTMLReporter.self,
    ]

    public static let all: [String: any Reporter.Type] =
        Dictionary(uniqueKeysWithValues: ordered.map { ($0.id, $0) })

    /// The ids in display order, for argument validation and help.
    public static var ids: [String] { ordered.map { $0.id } }

    public static func reporter(for id: String) -> (any Reporter.Type)? { all[id] }

    /// Renders with the reporter named `id` as UTF-8 bytes, or nil when there is none.
    public static func renderBytes(_ report: LintReport, format id: String,
                                   options: ReportOptions = ReportOptions()) -> [UInt8]? {
        reporter(for: id)?.renderBytes(report, options: options)
    }

    /// Hands the report in the format `id` to `sink` a piece at a time (see
    /// `Reporter.write`); false when there is no such format.
    @discardableResult
    public static func write(_ report: LintReport, format id: String, options: ReportOptions = ReportOptions(),
                             to sink: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let reporter = reporter(for: id) else { return false }
        reporter.write(report, options: options, to: sink)
        return true
    }

    /// Renders with the reporter named `id`, or nil when there is none.
    public static func render(_ report: LintReport, format id: String,
                              options: ReportOptions = ReportOptions()) -> String? {
        reporter(for: id)?.render(report, options: options)
    }
}

extension ReportOptions {
    /// A file's path as repository tools want it: relative to the repository root when it
    /// lies under it, otherwise as given (with forward slashes).
    public func repositoryPath(_ file: String) -> String { Paths.display(file, options: self) }

    /// The run's options for repository-relative paths: `root` (the working directory when
    /// nil) made absolute against `currentDirectory`.
    public static func repositoryRoot(_ root: String?, currentDirectory: String?) -> String? {
        guard let root else { return currentDirectory }
        return Paths.absolute(root, base: currentDirectory) ?? root
    }
}
