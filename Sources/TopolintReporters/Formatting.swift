import TopolintCore

/// Small wording shared by several formats, so a finding reads the same everywhere.
enum Format {
    /// Scores always show one decimal ("8.0", never "8"): the score is the headline figure
    /// and a bare integer would look like a count.
    static func score(_ value: Double) -> String {
        let tenths = Int((Score.round(value) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// "TL200 stretched-vlan": people remember names, tools match ids, so show both.
    static func ruleTitle(id: String, name: String) -> String { "\(id) \(name)" }

    static func ruleTitle(_ finding: Finding) -> String { ruleTitle(id: finding.ruleID, name: finding.ruleName) }

    static func ruleTitle(_ diagnostic: Diagnostic) -> String {
        ruleTitle(id: diagnostic.code.id, name: diagnostic.code.name)
    }

    /// "message. Fix: fix" for formats with a single text field (GitHub annotations, GitLab).
    static func messageWithFix(_ finding: Finding) -> String {
        guard !finding.fix.isEmpty else { return finding.message }
        let message = finding.message
        let separator = message.hasSuffix(".") || message.isEmpty ? " " : ". "
        return message + separator + "Fix: " + finding.fix
    }

    /// "message (help)" for diagnostics in single-field formats.
    static func messageWithHelp(_ diagnostic: Diagnostic) -> String {
        guard let help = diagnostic.help, !help.isEmpty else { return diagnostic.message }
        return "\(diagnostic.message) (\(help))"
    }

    /// "1 finding", "3 findings".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// Distinct files with a load error, in first-seen order.
    static func filesWithDiagnostics(_ diagnostics: [Diagnostic]) -> [String] {
        var seen = Set<String>()
        return diagnostics.map(\.location.file).filter { seen.insert($0).inserted }
    }
}
