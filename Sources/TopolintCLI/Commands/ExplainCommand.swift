import ArgumentParser
import TopolintCore
import TopolintRules

/// `topolint explain RULE`: everything about one rule, from the rule's own definition.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: rationale, trigger, score formula, fix and examples.")

    @Argument(help: "A rule id (TL200) or name (stretched-vlan), in any case.")
    var rule: String

    /// Ids and names are matched in any case (`tl200`, `Stretched-VLAN`): ids are upper
    /// case, names lower case.
    var key: String { rule.lowercased() }

    func validate() throws {
        if RuleRegistry.rule(named: key) == nil && DiagnosticCode.allCases.first(where: { $0.id == key.uppercased() || $0.name == key }) == nil {
            // Also match the start of a name, so `strecthed` finds `stretched-vlan`.
            let suggestion = closestMatch(to: key, among: RuleRegistry.acceptedNames, maxDistance: 3)
                ?? RuleRegistry.acceptedNames.first { editDistance(key, String($0.prefix(key.count)), limit: 2) <= 2 && key.count >= 4 }
            throw ValidationError("unknown rule '\(rule)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; `topolint rules` lists them"))
        }
    }

    func run() throws {
        if let code = DiagnosticCode.allCases.first(where: { $0.id == key.uppercased() || $0.name == key }) {
            try Output.emit("\(code.id) \(code.name): a load error. A file with load errors gets no design findings and exit status 2.\n", to: nil)
            return
        }
        try Output.emit(RuleDocument.markdown(RuleRegistry.rule(named: key)!.descriptor), to: nil)
    }
}

/// A rule's full description as Markdown: what `explain` prints and what rules/*.md holds.
enum RuleDocument {
    static func markdown(_ d: RuleDescriptor) -> String {
        """
        # \(d.id) \(d.name)

        \(d.summary)

        - Subject: \(d.subjectKind.replacingOccurrences("_", " "))
        - Default severity: \(d.defaultSeverity.rawValue)

        ## Why it matters

        \(d.rationale)

        ## When it is reported

        \(d.trigger)

        ## Score

        \(d.scoreFormula)

        Scores run from 0.0 to 10.0: 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical.
        A rule pack's `weight` for the rule multiplies the score.

        ## How to fix it

        \(d.fix).

        ## Example that triggers it

        ```yaml
        \(d.failingExample)
        ```

        ## Example that passes

        ```yaml
        \(d.passingExample)
        ```

        Suppress a finding with `ignore: {\(d.name): "reason"}` on its subject.

        """
    }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String { split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b) }
}
