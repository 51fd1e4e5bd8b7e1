import TopolintCore

/// GitLab Code Quality (a subset of the Code Climate issue format), shown in merge
/// requests. GitLab requires `description`, `check_name`, `fingerprint`, `severity`,
/// `location.path` (relative to the repository root) and `location.lines.begin`, and drops
/// entries whose fingerprint repeats, so fingerprints here are unique.
public struct GitLabReporter: Reporter {
    public static let id = "gitlab"
    public static let summary = "GitLab Code Quality JSON, for merge request widgets"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        var fingerprints = Set<String>()
        var issues: [JSONValue] = []

        func unique(_ fingerprint: String) -> String {
            var candidate = fingerprint
            var n = 1
            while !fingerprints.insert(candidate).inserted {
                n += 1
                candidate = Fingerprint.hex("\(fingerprint)#\(n)")
            }
            return candidate
        }

        for d in report.diagnostics {
            let identity = "\(d.code.id)\u{1F}\(d.location.file)\u{1F}\(d.location.line)\u{1F}\(d.location.column)\u{1F}\(d.message)"
            issues.append(issue(description: Format.messageWithHelp(d), check: Format.ruleTitle(d),
                                fingerprint: unique(Fingerprint.hex(identity)), severity: "blocker",
                                location: d.location, options: options))
        }
        for f in report.findings {
            issues.append(issue(description: Format.messageWithFix(f), check: Format.ruleTitle(f),
                                fingerprint: unique(f.fingerprint), severity: severity(f.severity),
                                location: f.location, options: options))
        }
        return JSONBytes.text(.array(issues), pretty: true, capacity: 512 * issues.count + 64)
    }

    /// GitLab's scale is info, minor, major, critical, blocker. Ours has four bands, so each
    /// moves up one and `info` stays unused: a low finding is still a design flaw, and a
    /// load error (nothing could be checked) is the only other `blocker`-class outcome
    /// besides critical findings.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .low: "minor"
        case .medium: "major"
        case .high: "critical"
        case .critical: "blocker"
        }
    }

    static func issue(description: String, check: String, fingerprint: String, severity: String,
                      location: SourceLocation, options: ReportOptions) -> JSONValue {
        .object([
            ("type", .string("issue")),
            ("description", .string(description)),
            ("check_name", .string(check)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity)),
            ("categories", .strings(["Bug Risk"])),
            ("location", .object([
                ("path", .string(Paths.display(location.file, options: options))),
                ("lines", .object([("begin", .int(max(1, location.line)))])),
            ])),
        ])
    }
}
