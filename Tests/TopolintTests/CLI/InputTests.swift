import Foundation
import Testing

/// Bad and unusual input through the command line: one clear TL001 line, exit 2, quickly.
@Suite struct InputTests {
    /// Writes the bytes to a file of their own directory, which the caller removes.
    static func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let url = try CLI.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static let bomb = """
    a: &a ["x","x","x","x","x","x","x","x","x"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    """

    static let cases: [(String, [UInt8], String)] = [
        ("alias-bomb.yaml", Array(bomb.utf8), "alias bomb"),
        ("deep.yaml", Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "nesting deeper"),
        ("utf8.yaml", Array("topology: x\nversion: 1\nsites: {a\u{00}: {}}\n".utf8).map { $0 == 0 ? 0xFF : $0 }, "invalid UTF-8"),
        ("empty.yaml", [], "empty"),
        ("binary.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00], "binary"),
    ]

    @Test(arguments: cases.map(\.0))
    func hostileInputEndsInOneTL001(name: String) throws {
        let (_, bytes, words) = Self.cases.first { $0.0 == name }!
        let file = try Self.write(bytes, named: name)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run(["lint", file.path, "--format", "json"])
        #expect(r.status == 2)
        let json = try #require(r.json as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "TL001")
        #expect((diagnostics.first?["message"] as? String)?.contains(words) == true, "\(diagnostics)")
        let text = try CLI.run(["lint", file.path, "--color", "never"])
        let first = text.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("\(file.path):") && first.contains("error[TL001]"), "\(first)")
    }

    /// A few bytes of range pattern must not expand into millions of names.
    @Test func patternBombStopsAtTheFileBudget() throws {
        let file = try Self.write(Array("topology: x\nversion: 1\nsites:\n  \"s[0000000:9999999]\": {}\n".utf8), named: "pattern-bomb.yaml")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run(["lint", file.path, "--format", "json"])
        #expect(r.status == 2)
        let diagnostics = (r.json as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "TL002")
        #expect((diagnostics.first?["message"] as? String)?.contains("expand to more than") == true)
        #expect((diagnostics.first?["location"] as? [String: Any])?["line"] as? Int == 4)
    }

    @Test func standardInputIsRead() throws {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/two-sites-vsphere.yaml"), encoding: .utf8)
        let r = try CLI.run(["lint", "-", "--format", "json"], stdin: Data(text.utf8))
        #expect(r.status == 1)
        let findings = (r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { ($0["location"] as? [String: Any])?["file"] as? String == "-" })
    }

    @Test func severalFilesMakeOneReport() throws {
        let r = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "examples/zones-and-gaps.yaml", "--format", "json"])
        let findings = (r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let files = Set(findings.compactMap { ($0["location"] as? [String: Any])?["file"] as? String })
        #expect(files == ["examples/two-sites-vsphere.yaml", "examples/zones-and-gaps.yaml"])
        // Sorted by file, line, column, rule.
        let keys = findings.map { f -> String in
            let l = f["location"] as! [String: Any]
            return String(format: "%@|%06d|%06d|%@", l["file"] as! String, l["line"] as! Int, l["column"] as! Int, f["rule"] as! String)
        }
        #expect(keys == keys.sorted())
    }

    @Test func noColorWithNO_COLOROrOffATerminal() throws {
        let plain = try CLI.run(["lint", "examples/two-sites-vsphere.yaml"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}["))
    }
}
