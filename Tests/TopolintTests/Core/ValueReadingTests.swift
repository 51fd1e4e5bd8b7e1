import Foundation
import Testing
import TopolintCore
import TopolintModel
@testable import TopolintConfig

/// Numbers and booleans are read by one set of readers in topology files, rule packs and
/// `.topolint.yaml` (docs/format.md, “Numbers and booleans”).
@Suite("Core: typed values")
struct ValueReadingTests {
    static func number(_ text: String) -> Double? { PlainScalar.number(Array(text.utf8)) }
    static func integer(_ text: String) -> Int? { PlainScalar.integer(Array(text.utf8)) }

    @Test("YAML 1.1 decimal numbers are numbers; other forms are not")
    func decimalForms() {
        #expect(["8", "-3", "+3", "0", "1_000", "2.5", ".5", "5.", "1.5e3", "1e-2", "2.5E+1", "-0.25"].map(Self.number)
                == [8, -3, 3, 0, 1000, 2.5, 0.5, 5, 1500, 0.01, 25, -0.25])
        for text in ["0x1p3", "0x1F", "017", "08", "0b101", "1:30", ".inf", "-.inf", ".nan", "1e", "e3", ".", "_1",
                     "1.2.3", "1,5", "8 ms", "", "+", "1e400"] {
            #expect(Self.number(text) == nil, "\(text) read as \(Self.number(text) ?? 0)")
        }
        #expect(["8", "-3", "+3", "0", "1_000", "4094"].map(Self.integer) == [8, -3, 3, 0, 1000, 4094])
        for text in ["2.5", "0x1F", "017", "1e3", "99999999999999999999", "-", "_1"] {
            #expect(Self.integer(text) == nil, "\(text)")
        }
        #expect([true, false, nil, nil, nil] == ["True", "FALSE", "yes", "on", "1"].map(PlainScalar.boolean))
    }

    /// The same value written in a topology, a rule pack and a project configuration.
    func readEverywhere(_ value: String) -> (topology: [Diagnostic], pack: [Diagnostic], config: [Diagnostic]) {
        let topology = CoreFixture.diagnostics("""
            topology: t
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: \(value)}]
            """)
        let (_, pack) = PackLoader.parse(Array("""
            pack: p
            rules: {TL200: {weight: \(value)}}
            """.utf8), file: "p.yaml")
        let config = ScratchConfig.load("thresholds: {critical_rtt_ms: \(value)}\n")
        return (topology, pack, config)
    }

    @Test("0x1p3, 017 and .inf are rejected alike in a topology, a pack and a config", arguments: ["0x1p3", "017", ".inf", "'8'"])
    func rejectedEverywhere(value: String) throws {
        let (topology, pack, config) = readEverywhere(value)
        let shown = value.hasPrefix("'") ? value : "'\(value)'"
        let column = "site_links: [{between: [a, b], rtt_ms: ".count + 1
        CoreFixture.expect(topology, .schema, line: 4, column: column, "rtt_ms must be a number, not \(shown)")
        #expect(pack.map(\.message) == ["weight must be a number, not \(shown)"])
        #expect(config.map(\.message) == ["critical_rtt_ms must be a number, not \(shown)"])
        #expect(pack.first?.location.line == 2 && pack.first?.location.column == "rules: {TL200: {weight: ".count + 1)
        let hint = ["0x1p3": "decimal", "017": "octal", ".inf": "finite number"][value]
        for d in [topology, pack, config].compactMap(\.first) {
            if let hint { #expect(d.help?.contains(hint) == true, "\(d.oneLine) \(d.help ?? "no help")") } else { #expect(d.help == nil) }
        }
    }

    @Test("max_endpoints must be more than 0: no endpoints at all as a limit is every domain infinitely over it")
    func maxEndpointsZero() {
        let diagnostics = ScratchConfig.load("thresholds: {max_endpoints: 0, max_switches: 1}\n")
        #expect(diagnostics.map(\.message) == ["max_endpoints must be more than 0"])
        #expect(diagnostics.first?.location.column == "thresholds: {max_endpoints: ".count + 1)
        #expect(ScratchConfig.load("thresholds: {max_endpoints: 0.5}\n").isEmpty)
    }

    @Test("1_000, 1.5e1 and 8 are accepted alike in a topology, a pack and a config", arguments: [("1_000", 1000.0), ("1.5e1", 15), ("8", 8)])
    func acceptedEverywhere(value: String, expected: Double) throws {
        let (topology, pack, config) = readEverywhere(value)
        #expect(topology.isEmpty && pack.isEmpty && config.isEmpty,
                "\((topology + pack + config).map(\.oneLine))")
        let t = try #require(CoreFixture.topology("""
            topology: t
            version: 1
            sites: {a: {}, b: {}}
            site_links: [{between: [a, b], rtt_ms: \(value)}]
            """))
        #expect(t.siteLinks.first?.rttMs == expected)
        let (layer, _) = PackLoader.parse(Array("pack: p\nrules: {TL200: {weight: \(value)}}\n".utf8), file: "p.yaml")
        #expect(layer?.rules["TL200"]?.weight == expected)
    }
}

/// Project configurations read from a scratch file.
enum ScratchConfig {
    static func load(_ text: String) -> [Diagnostic] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("topolint-config-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            Issue.record("cannot write \(url.path): \(error)")
            return []
        }
        return ProjectConfig.load(path: url.path).1
    }
}
