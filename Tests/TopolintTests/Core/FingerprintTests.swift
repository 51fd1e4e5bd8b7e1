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
