import Foundation
import Testing
import TopolintCore
@testable import TopolintYAML
@testable import TopolintGenerate

/// Reading a large file in two halves at once must give the document a one-pass read gives:
/// the same tree, the same locations, the same scalar bytes. Anything it cannot join is
/// handed back (nil) for the one-pass read.
@Suite("Core: YAML read in two halves")
struct ParallelParseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func generated(_ profile: GeneratorProfile, heavy: Bool = false) -> [UInt8] {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: profile, seed: 7, expanded: true, findingsHeavy: heavy)) { text += $0 }
        return Array(text.utf8)
    }

    /// Walks both trees side by side; the first difference, or nil.
    static func difference(_ a: YAMLDocument, _ x: YAMLNode, _ b: YAMLDocument, _ y: YAMLNode, path: String = "") -> String? {
        guard a.kind(x) == b.kind(y) else { return "\(path): kind \(a.kind(x)) vs \(b.kind(y))" }
        guard a.location(x) == b.location(y) else { return "\(path): at \(a.location(x)) vs \(b.location(y))" }
        switch a.kind(x) {
        case .scalar:
            guard a.string(x) == b.string(y), a.isQuoted(x) == b.isQuoted(y) else {
                return "\(path): '\(a.string(x))' vs '\(b.string(y))'"
            }
        case .sequence, .mapping:
            guard a.count(x) == b.count(y) else { return "\(path): \(a.count(x)) vs \(b.count(y)) children" }
            for i in 0..<a.count(x) {
                if a.kind(x) == .sequence {
                    if let d = difference(a, a.item(x, i), b, b.item(y, i), path: "\(path)[\(i)]") { return d }
                } else {
                    let name = a.string(a.key(x, i))
                    if let d = difference(a, a.key(x, i), b, b.key(y, i), path: "\(path).key(\(name))") { return d }
                    if let d = difference(a, a.value(x, i), b, b.value(y, i), path: "\(path).\(name)") { return d }
                }
            }
        }
        return nil
    }

    /// Splits `bytes` near each of `points` (fractions of the file); returns how many splits
    /// were taken, after checking each against the one-pass document.
    static func check(_ bytes: [UInt8], points: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let whole = YAMLReader.parse(bytes, file: "t.yaml", inHalves: false)
        let reference = try #require(whole.document, sourceLocation: sourceLocation)
        var taken = 0
        for point in points {
            guard let halves = YAMLReader.parseInHalves(bytes, file: "t.yaml", at: Int(Double(bytes.count) * point)) else { continue }
            #expect(halves.diagnostics.isEmpty, sourceLocation: sourceLocation)
            let document = try #require(halves.document, sourceLocation: sourceLocation)
            let d = difference(reference, reference.root, document, document.root)
            #expect(d == nil, "split near \(point): \(d ?? "")", sourceLocation: sourceLocation)
            // The line index is joined from the halves' own: it must be the whole file's.
            #expect(document.lineStarts == reference.lineStarts, "split near \(point)", sourceLocation: sourceLocation)
            taken += 1
        }
        return taken
    }

    @Test("a generated design, split at many points, reads as in one pass")
    func generatedDesign() throws {
        let bytes = Self.generated(.small, heavy: true)
        let points = stride(from: 0.05, to: 1.0, by: 0.05).map { $0 }
        let taken = try Self.check(bytes, points: points)
        // Most lines of an expanded design can start the second half.
        #expect(taken >= points.count * 3 / 4, "only \(taken) of \(points.count) splits were taken")
    }

    @Test("every shipped example reads the same split or not")
    func examples() throws {
        let dir = Self.root.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        var taken = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(file)))
            taken += try Self.check(bytes, points: [0.2, 0.4, 0.5, 0.6, 0.8])
        }
        #expect(taken > 0, "no example could be split")
    }

    @Test("the chain above the split: nested mappings, comments, blank lines and a deeper sibling")
    func nestedChain() throws {
        let yaml = """
            topology: t   # a comment
            version: 1
            clusters:
              c1:
                platform: generic

                hosts:
                  # hosts of c1
                  h1: {rack: r1, uplinks: [s1]}
                  h2:
                    rack: r1
                    uplinks: [s1]
                  h3: {rack: r1, uplinks: [s1]}
                  h4: {rack: r1, uplinks: [s1]}
              c2:
                hosts:
                  h5: {rack: r1, uplinks: [s1]}
            workloads:
              w1: {cluster: c1, vlans: [v1]}

            """
        let bytes = Array(yaml.utf8)
        let offset = try #require(yaml.range(of: "      h3:")).lowerBound.utf16Offset(in: yaml)
        let plan = try #require(SplitPlan.find(in: bytes, near: offset - 1))
        #expect(plan.keys.map { String(decoding: $0, as: UTF8.self) } == ["clusters", "c1", "hosts"])
        #expect(plan.offset == offset)
        let taken = try Self.check(bytes, points: stride(from: 0.02, to: 1.0, by: 0.02).map { $0 })
        #expect(taken > 10)
    }

    @Test("text with multi-byte characters and escapes on both sides of the split keeps its places and values")
    func multiByteAndEscapes() throws {
        // The second half is read from the file's own bytes after a short ASCII prefix: its
        // characters must map to the file's byte offsets whatever precedes the split.
        let hosts = (1...30).map { i in
            "    h\(i): {rack: \"r\\u00e9\(i)\", description: 'Zürich — 東京 \(i)', note: \"tab\\tquote\\\"\", tags: [é\(i), \"x\"]}"
        }.joined(separator: "\n")
        let yaml = "topology: é\nclusters:\n  c1:\n\(hosts)\n  c2:\n\(hosts.replacingOccurrences(of: "    h", with: "    k"))\n"
        let taken = try Self.check(Array(yaml.utf8), points: stride(from: 0.05, to: 1.0, by: 0.05).map { $0 })
        #expect(taken > 10)
    }

    @Test("a run of entries given back leaves every other node as it was; never with anchors or across the halves")
    func releaseWritten() throws {
        let bytes = Self.generated(.medium)
        let reference = try #require(YAMLReader.parse(bytes, file: "t.yaml", inHalves: false).document)
        for halves in [false, true] {
            let document = try #require(halves ? YAMLReader.parseInHalves(bytes, file: "t.yaml")?.document
                                                 : YAMLReader.parse(bytes, file: "t.yaml", inHalves: false).document)
            let clusters = try #require(document.lookup(document.root, "clusters"))
            let n = document.count(clusters)
            try #require(n > 8)
            if halves {
                let everything = document.releaseWritten(from: document.key(clusters, 0), through: document.value(clusters, n - 1))
                #expect(!everything, "a run across the halves' join")
            }
            // The first half of the clusters, or (when the read was split there) the second.
            let runs = [0..<n / 2, n / 2..<n]
            let run = try #require(runs.first { document.releaseWritten(from: document.key(clusters, $0.lowerBound),
                                                                        through: document.value(clusters, $0.upperBound - 1)) })
            #if os(Linux)
            // Given back for real: a cluster in the middle of a long run reads as zeros (an
            // empty scalar), its page gone.
            if document.nodesWritten(from: document.key(clusters, run.lowerBound), to: document.value(clusters, run.upperBound - 1)) > 4096 {
                let middle = document.value(clusters, (run.lowerBound + run.upperBound) / 2)
                #expect(document.kind(middle) == .scalar && document.string(middle).isEmpty)
            } else {
                Issue.record("the run is too short to span whole pages")
            }
            #endif
            // Every other top-level value, and the clusters after the run, read as before.
            let referenceClusters = try #require(reference.lookup(reference.root, "clusters"))
            for i in 0..<document.count(document.root) where !document.scalarEquals(document.key(document.root, i), "clusters") {
                #expect(Self.difference(reference, reference.value(reference.root, i), document, document.value(document.root, i)) == nil)
            }
            for i in 0..<n where !run.contains(i) {
                #expect(Self.difference(reference, reference.value(referenceClusters, i), document, document.value(clusters, i)) == nil)
            }
        }
        // With an anchor anywhere, nothing is given back: an alias shares the anchored node.
        let anchored = Array(("topology: t\nclusters:\n" + (1...3).map { "  c\($0): &a\($0) {hosts: {h\($0): {rack: r}}}" }.joined(separator: "\n") + "\n").utf8)
        let document = try #require(YAMLReader.parse(anchored, file: "t.yaml").document)
        let clusters = try #require(document.lookup(document.root, "clusters"))
        #expect(!document.releaseWritten(from: document.key(clusters, 0), through: document.value(clusters, 1)))
    }

    @Test("what the halves cannot join goes back to the one-pass read")
    func fallbacks() throws {
        let hosts = (1...40).map { "    h\($0): {rack: r1}" }.joined(separator: "\n")
        // A key written in both halves: the one-pass read reports the duplicate.
        let repeated = "topology: t\nclusters:\n  c1:\n\(hosts.replacingOccurrences(of: "h40:", with: "h1:"))\n"
        #expect(YAMLReader.parseInHalves(Array(repeated.utf8), file: "t.yaml", at: repeated.utf8.count * 3 / 4) == nil)
        // An alias in the second half to an anchor in the first.
        let aliased = "topology: t\ndefaults: &d {rack: r1}\nclusters:\n  c1:\n\(hosts)\n    h99: *d\n"
        #expect(YAMLReader.parseInHalves(Array(aliased.utf8), file: "t.yaml", at: aliased.utf8.count * 3 / 4) == nil)
        // Merge keys, CR line ends and a second document are never split.
        let merged = "topology: t\nclusters:\n  c1:\n    <<: {a: 1}\n\(hosts)\n"
        #expect(YAMLReader.parseInHalves(Array(merged.utf8), file: "t.yaml", at: merged.utf8.count / 2) == nil)
        let crlf = "topology: t\r\nclusters:\r\n  c1:\r\n\(hosts.replacingOccurrences(of: "\n", with: "\r\n"))\r\n"
        #expect(YAMLReader.parseInHalves(Array(crlf.utf8), file: "t.yaml", at: crlf.utf8.count / 2) == nil)
        // A syntax error in the second half: nothing joined, the one-pass read reports it.
        let broken = "topology: t\nclusters:\n  c1:\n\(hosts)\n    h50: {rack: [r1\n"
        #expect(YAMLReader.parseInHalves(Array(broken.utf8), file: "t.yaml", at: broken.utf8.count / 2) == nil)
        // Inside a block scalar no line can start the second half.
        let block = "topology: t\ndescription: |\n  a:\n\(hosts)\n"
        if let halves = YAMLReader.parseInHalves(Array(block.utf8), file: "t.yaml", at: block.utf8.count / 2) {
            Issue.record("a block scalar was split: \(halves)")
        }
    }

    @Test("a large file takes the two-half path and loads the same model")
    func largeFile() throws {
        let bytes = Self.generated(.medium)
        try #require(bytes.count >= YAMLReader.parallelThreshold)
        let halves = try #require(YAMLReader.parseInHalves(bytes, file: "t.yaml"))
        let reference = try #require(YAMLReader.parse(bytes, file: "t.yaml", inHalves: false).document)
        let document = try #require(halves.document)
        #expect(Self.difference(reference, reference.root, document, document.root) == nil)
    }
}
