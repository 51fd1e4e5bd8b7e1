import TopolintCore

/// JUnit XML for CI systems that show test results (GitLab, Jenkins, Azure DevOps).
///
/// Each file is a suite. Each finding is a failing test case of its own (named for the rule
/// and the subject), because most renderers show only the first `<failure>` of a case; each
/// active rule that found nothing in the file is one passing case, so a clean file shows as
/// passing checks rather than as nothing. Each load error is an erroring case. So `tests`
/// is the number of cases, `failures` the number of findings and `errors` the number of
/// load errors, and the three add up with `skipped`.
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = "JUnit XML, one suite per file, one test case per finding and per clean rule"

    struct Case {
        var name: String
        var classname: String
        var body: [String] = []  // one <failure>, <error> or <skipped> element, or none
        var failed = false
        var errored = false
        var skipped = false
    }

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        var files = report.files
        var known = Set(files)
        for file in report.diagnostics.map(\.location.file) + report.findings.map(\.location.file)
        where known.insert(file).inserted {
            files.append(file)
        }

        // The active rules, plus any rule that reported without being listed, so no finding
        // goes missing.
        var rules = report.rules.map { (id: $0.id, name: $0.name) }
        var ruleIDs = Set(rules.map(\.id))
        for f in report.findings where ruleIDs.insert(f.ruleID).inserted { rules.append((f.ruleID, f.ruleName)) }

        // Grouped once, so large reports stay linear rather than files x rules x findings.
        let findingsByFile = Dictionary(grouping: report.findings, by: \.location.file)
        let diagnosticsByFile = Dictionary(grouping: report.diagnostics, by: \.location.file)

        // As docs/report.md#3-the-json-of-lint says (under `diagnostics`): while any file has a load error, no design findings are reported at all,
        // so files that loaded were not judged either; their rules are skipped, not passed.
        // (Should a report carry findings anyway, the files that loaded are judged as usual.)
        let judged = report.diagnostics.isEmpty || !report.findings.isEmpty
        let notJudged = "not checked: " + Format.count(Format.filesWithDiagnostics(report.diagnostics).count, "file")
            + " could not be loaded"

        var suites: [(file: String, cases: [Case])] = []
        for file in files {
            let diagnostics = diagnosticsByFile[file] ?? []
            let findingsByRule = Dictionary(grouping: findingsByFile[file] ?? [], by: \.ruleID)
            var cases: [Case] = []
            if diagnostics.isEmpty {
                for rule in rules {
                    let title = Format.ruleTitle(id: rule.id, name: rule.name)
                    let found = findingsByRule[rule.id] ?? []
                    if found.isEmpty {
                        var c = Case(name: title, classname: file)
                        if !judged {
                            c.skipped = true
                            c.body.append("<skipped message=\"\(XML.attribute(notJudged))\"/>")
                        }
                        cases.append(c)
                        continue
                    }
                    // Case names must tell findings apart: the rule and the subject, and a
                    // count when one subject has several (one per VLAN, per target cluster).
                    var seen: [String: Int] = [:]
                    for f in found {
                        var name = "\(title): \(f.subject.kind) \(f.subject.name)"
                        seen[name, default: 0] += 1
                        if let n = seen[name], n > 1 { name += " (\(n))" }
                        var c = Case(name: name, classname: file)
                        c.failed = true
                        c.body.append(element("failure", message: f.message, type: f.severity.rawValue, text: failureText(f)))
                        cases.append(c)
                    }
                }
            } else {
                // A file that does not load cannot be checked: each load error is an erroring
                // case, and the file's rules are skipped, not passed.
                for d in diagnostics {
                    var c = Case(name: "\(Format.ruleTitle(d)): \(d.location.line):\(d.location.column)", classname: file)
                    c.errored = true
                    c.body.append(element("error", message: d.message, type: d.code.id, text: errorText(d)))
                    cases.append(c)
                }
                for rule in rules {
                    var c = Case(name: Format.ruleTitle(id: rule.id, name: rule.name), classname: file)
                    c.skipped = true
                    c.body.append("<skipped message=\"file could not be loaded\"/>")
                    cases.append(c)
                }
            }
            suites.append((file, cases))
        }

        func counts(_ cases: [Case]) -> String {
            "tests=\"\(cases.count)\" failures=\"\(cases.filter(\.failed).count)\" "
                + "errors=\"\(cases.filter(\.errored).count)\" skipped=\"\(cases.filter(\.skipped).count)\""
        }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Project.name)\" \(counts(suites.flatMap(\.cases)))>\n"
        for suite in suites {
            out += "  <testsuite name=\"\(XML.attribute(suite.file))\" \(counts(suite.cases))>\n"
            for c in suite.cases {
                let head = "    <testcase classname=\"\(XML.attribute(c.classname))\" name=\"\(XML.attribute(c.name))\""
                if c.body.isEmpty {
                    out += head + "/>\n"
                } else {
                    out += head + ">\n"
                    for element in c.body { out += "      " + element + "\n" }
                    out += "    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func element(_ name: String, message: String, type: String, text: String) -> String {
        "<\(name) message=\"\(XML.attribute(message))\" type=\"\(XML.attribute(type))\">\(XML.text(text))</\(name)>"
    }

    /// `file:line:col score message` and the fix: enough to act on without the other formats.
    static func failureText(_ f: Finding) -> String {
        var text = "\(f.location.description) \(Format.score(f.score)) \(f.message)"
        if !f.fix.isEmpty { text += "\nfix: \(f.fix)" }
        return text
    }

    static func errorText(_ d: Diagnostic) -> String {
        var text = "\(d.location.description) \(d.message)"
        if let help = d.help, !help.isEmpty { text += "\nhelp: \(help)" }
        return text
    }
}
