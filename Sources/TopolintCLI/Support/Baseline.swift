import Foundation
import TopolintCore

/// `.topolint-baseline.json`: today's findings by fingerprint, so `lint --baseline` reports
/// only what is new. Fingerprints leave out line numbers, so edits elsewhere keep them.
enum Baseline {
    static func render(_ findings: [Finding]) -> String {
        let entries: [JSONValue] = findings.sorted(by: Finding.reportOrder).map { f in
            .object([("fingerprint", .string(f.fingerprint)), ("rule", .string(f.ruleID)),
                     ("subject", .string("\(f.subject.kind) \(f.subject.name)")), ("file", .string(f.location.file)),
                     ("message", .string(f.message))])
        }
        let json = JSONValue.object([("tool", .string(Project.name)), ("version", .int(1)), ("findings", .array(entries))])
        return json.serialized(pretty: true) + "\n"
    }

    static func load(path: String) -> Result<Set<String>, BaselineError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(BaselineError("cannot read baseline \(path)"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["findings"] as? [[String: Any]] else {
            return .failure(BaselineError("\(path) is not a topolint baseline (expected {\"findings\": [{\"fingerprint\": ...}]})"))
        }
        return .success(Set(entries.compactMap { $0["fingerprint"] as? String }))
    }
}

struct BaselineError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
