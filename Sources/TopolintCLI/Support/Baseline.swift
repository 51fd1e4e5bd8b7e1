import Foundation
import TopolintCore

/// `.topolint-baseline.json`: today's findings by fingerprint and severity, so `lint
/// --baseline` reports only what is new or worse.
///
/// Fingerprints leave out line numbers and paths (they use the topology's name), so edits
/// elsewhere, and renaming or moving a file, keep them. A recorded finding comes back as new
/// when its severity rose: high at 12 ms is not the same news as critical at 30 ms.
/// Baselines of earlier releases (fingerprints on the path as given, no severity) still
/// match, by the finding's legacy fingerprint and whatever its severity.
enum Baseline {
    /// One recorded finding: the severity it had, nil for entries that do not say.
    typealias Known = [String: Severity?]

    /// `file` is informative (relative to the repository root, so the file reads the same
    /// from any working directory); matching uses the fingerprint and severity only.
    static func render(_ findings: [Finding], relativePath: (String) -> String) -> String {
        let entries: [JSONValue] = findings.sorted(by: Finding.reportOrder).map { f in
            .object([("fingerprint", .string(f.fingerprint)), ("rule", .string(f.ruleID)),
                     ("severity", .string(f.severity.rawValue)), ("score", .double(f.score)),
                     ("topology", .string(f.topology)),
                     ("subject", .string("\(f.subject.kind) \(f.subject.name)")),
                     ("file", .string(relativePath(f.location.file))),
                     ("message", .string(f.message))])
        }
        let json = JSONValue.object([("tool", .string(Project.name)), ("version", .int(2)), ("findings", .array(entries))])
        return json.serialized(pretty: true) + "\n"
    }

    static func load(path: String) -> Result<Known, BaselineError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(BaselineError("cannot read baseline \(path)"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["findings"] as? [[String: Any]] else {
            return .failure(BaselineError("\(path) is not a topolint baseline (expected {\"findings\": [{\"fingerprint\": ...}]})"))
        }
        var known: Known = [:]
        for entry in entries {
            guard let fingerprint = entry["fingerprint"] as? String else { continue }
            let severity = (entry["severity"] as? String).flatMap(Severity.init(rawValue:))
            // The same fingerprint twice (two files of one design name): keep the higher.
            if let existing = known[fingerprint], let old = existing, let severity, severity < old { continue }
            known[fingerprint] = severity
        }
        return .success(known)
    }

    /// The findings the baseline does not cover, and how many it did.
    static func apply(_ known: Known, to findings: [Finding]) -> (findings: [Finding], baselined: Int) {
        let kept = findings.filter { !covers(known, $0) }
        return (kept, findings.count - kept.count)
    }

    static func covers(_ known: Known, _ f: Finding) -> Bool {
        if let recorded = known[f.fingerprint] {
            guard let recorded else { return true }
            return f.severity <= recorded
        }
        // Written by an earlier release: its key, and no severity to compare.
        return known[f.legacyFingerprint] != nil
    }
}

struct BaselineError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
