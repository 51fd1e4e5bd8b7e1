import ArgumentParser
import TopolintCore
import TopolintRules

/// `topolint rules`: the catalog, one line per rule.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with id, name and default severity.")

    @OptionGroup var formatOptions: FormatOptions<TextOrJSON>

    var format: TextOrJSON { formatOptions.format }

    @Option(name: .customLong("write-docs"), help: "Write one Markdown page per rule (TLxxx-name.md) into this folder.")
    var writeDocs: String?

    /// The page file name of a rule, as SARIF's helpUri and the Markdown report link it.
    static func pageName(_ d: RuleDescriptor) -> String { "\(d.id)-\(d.name).md" }

    func validate() throws {
        // An empty folder name would make every page's path absolute ("/TL200-….md").
        if writeDocs?.isEmpty == true { throw ValidationError("--write-docs needs a folder name") }
    }

    func run() throws {
        if let writeDocs {
            for d in RuleRegistry.descriptors {
                try Output.emit(RuleDocument.markdown(d), to: writeDocs + "/" + Self.pageName(d))
            }
            FDWriter.standardError.write("wrote \(RuleRegistry.descriptors.count) rule pages to \(writeDocs)\n")
            return
        }
        let descriptors = RuleRegistry.descriptors
        if format == .json {
            let json = JSONValue.array(descriptors.map { d in
                .object([("id", .string(d.id)), ("name", .string(d.name)), ("severity", .string(d.defaultSeverity.rawValue)),
                         ("subject", .string(d.subjectKind)), ("summary", .string(d.summary))])
            })
            try Output.emit(json.serialized(pretty: true) + "\n", to: nil)
            return
        }
        let nameWidth = descriptors.map(\.name.count).max() ?? 0
        var out = "ID     " + "NAME".padding(nameWidth) + "  SEVERITY  SUMMARY\n"
        for d in descriptors {
            out += "\(d.id)  \(d.name.padding(nameWidth))  \(d.defaultSeverity.rawValue.padding(8))  \(d.summary)\n"
        }
        out += "\nLoad errors: " + DiagnosticCode.allCases.map { "\($0.id) \($0.name)" }.joined(separator: ", ") + "\n"
        out += "Run `topolint explain ID` for a rule's rationale, trigger, score formula and examples.\n"
        try Output.emit(out, to: nil)
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
