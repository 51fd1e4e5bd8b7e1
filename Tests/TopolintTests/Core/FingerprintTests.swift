import Testing
@testable import TopolintCore

/// Fingerprints are what baselines and code-scanning alerts match on, so their bytes may
/// never drift: each must be the hash of the joined text described in docs/report.md.
@Suite("Core: fingerprints")
struct FingerprintTests {
    static func finding(topology: String, context: [(String, JSONValue)], identity: [String]) -> Finding {
        Finding(ruleID: "TL601", ruleName: "host-vlan-unreachable", score: 6.9, message: "m", fix: "f",
                subject: Subject(kind: "cluster", name: "dc1-cl01"),
                location: SourceLocation(file: "net/dc.yaml", line: 3, column: 5),
                context: context, identity: identity, topology: topology)
    }

    static let values: [JSONValue] = [
        .string("dc1-web"), .string(""), .string("quote \" here"), .string("back\\slash"), .string("tab\there"),
        .string("ü名"), .int(12), .double(2.5), .strings(["a", "b"]), .null, .bool(true),
    ]

    @Test func theHashOfTheJoinedText() {
        for value in FingerprintTests.values {
            for topology in ["", "shop-metro"] {
                let f = FingerprintTests.finding(topology: topology, context: [("vlan", value), ("n", .int(1))],
                                                 identity: ["vlan", "missing"])
                let owner = topology.isEmpty ? "file:net/dc.yaml" : "topology:shop-metro"
                let tail = "\u{1F}vlan=" + value.serialized() + "\u{1F}missing=null"
                #expect(f.fingerprint == Fingerprint.hex("TL601\u{1F}" + owner + "\u{1F}cluster\u{1F}dc1-cl01" + tail))
                #expect(f.legacyFingerprint == Fingerprint.hex("TL601\u{1F}net/dc.yaml\u{1F}cluster\u{1F}dc1-cl01" + tail))
            }
        }
    }
}

/// Findings put in report order in place come out as the ordering that makes a new array
/// gives them, ties kept in the order given, for any arrangement.
@Suite("Core: report order in place")
struct ReportOrderTests {
    static func finding(_ line: Int, _ rule: String, _ message: String, _ name: String) -> Finding {
        Finding(ruleID: rule, ruleName: rule, score: 5, message: message, fix: "f", subject: Subject(kind: "vlan", name: name),
                location: SourceLocation(file: line % 3 == 0 ? "b.yaml" : "a.yaml", line: line, column: 1 + line % 2), context: [])
    }

    @Test("in place, the same order as a sorted copy, for shuffled findings with ties")
    func sameAsCopy() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                // Few distinct lines and rules, so ties (equal positions, rules and messages) are common.
                var findings = (0..<size).map { i in Self.finding(Int.random(in: 1...6, using: &generator), ["TL100", "TL600"].randomElement(using: &generator)!, "m\(i % 4)", "s\(i)") }
                findings.shuffle(using: &generator)
                let expected = findings.inReportOrder()
                var inPlace = findings
                inPlace.sortInReportOrder()
                #expect(inPlace.map(\.location) == expected.map(\.location))
                #expect(inPlace.map(\.ruleID) == expected.map(\.ruleID) && inPlace.map(\.message) == expected.map(\.message))
                #expect(inPlace.map(\.subject) == expected.map(\.subject), "ties keep the order given")
            }
        }
    }
}
