import Testing
import TopolintCore
import TopolintYAML
@testable import TopolintModel
@testable import TopolintGenerate

/// The fabric and the clusters loaded on two threads at once must give the model a one-pass
/// load gives, and any problem must be reported exactly as the one-pass load reports it.
@Suite("Core: fabric and hosts loaded on two threads")
struct LoadInTwoTests {
    static func load(_ bytes: [UInt8], halves: Bool) -> LoadResult {
        TopologyLoader.load(bytes: bytes, file: "hosts.yaml",
                            options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: halves ? 2 : Int.max))
    }

    /// Whether the load of `bytes` was split over two threads and joined.
    static func splits(_ bytes: [UInt8]) -> Bool {
        guard let document = YAMLReader.parse(bytes, file: "hosts.yaml").document else { return false }
        var loader = Loader(document: document, options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: 2))
        loader.run()
        return loader.loadedInTwo
    }

    static func generated() -> [UInt8] {
        var text = ""
        TopologyGenerator.generate(GeneratorOptions(profile: .medium, seed: 5, expanded: true, findingsHeavy: true)) { text += $0 }
        return Array(text.utf8)
    }

    @Test("a generated design: the same hosts, clusters and ignores, in the same order")
    func sameModel() throws {
        let bytes = Self.generated()
        let a = try #require(Self.load(bytes, halves: true).topology)
        let b = try #require(Self.load(bytes, halves: false).topology)
        #expect(Self.splits(bytes))
        Self.expectSame(a, b)
    }

    @Test("clusters that give their nodes back once loaded leave the same model, on one thread or two")
    func releasedClusters() throws {
        let bytes = Self.generated()
        let document = try #require(YAMLReader.parse(bytes, file: "hosts.yaml").document)
        let reference = try #require(Self.load(bytes, halves: false).topology)
        for halves in [true, false] {
            // A fresh document each time: what is given back cannot be read again.
            let document = try #require(YAMLReader.parse(bytes, file: "hosts.yaml").document)
            var loader = Loader(document: document, options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: halves ? 2 : Int.max),
                                releasingClusters: true)
            loader.run()
            #expect(loader.releasedClusters && loader.loadedInTwo == halves && !loader.needsFreshDocument)
            #expect(loader.diagnostics.isEmpty)
            Self.expectSame(loader.topology, reference)
        }
        // Through the one load path, from the size on where it is worth it.
        #expect(document.nodeCount < LoadLimits.releasingNodes)
        let loaded = TopologyLoader.load(bytes: bytes, file: "hosts.yaml",
                                         options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: 2, releasingNodes: 0))
        Self.expectSame(try #require(loaded.topology), reference)
    }

    @Test("a problem met after clusters were given back: the file is read again and reported as the one-pass load reports it")
    func problemAfterRelease() throws {
        let bytes = Array(try Self.withUnknownRack().utf8)
        let document = try #require(YAMLReader.parse(bytes, file: "hosts.yaml").document)
        var loader = Loader(document: document, options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: 2), releasingClusters: true)
        loader.run()
        #expect(loader.releasedClusters && loader.needsFreshDocument)
        let released = TopologyLoader.load(bytes: bytes, file: "hosts.yaml",
                                           options: LoadOptions(platforms: [], ruleNames: [], hostsInHalves: 2, releasingNodes: 0))
        let kept = Self.load(bytes, halves: false)
        #expect(released.topology == nil && !released.diagnostics.isEmpty)
        #expect(released.diagnostics.map(\.oneLine) == kept.diagnostics.map(\.oneLine))
        #expect(released.diagnostics.contains { $0.message.contains("no-such-rack-") })
    }

    @Test("a load that must start over, after the file's bytes were given back, reads the file again, or says it changed")
    func startOverReadsTheFileAgain() throws {
        let text = try Self.withUnknownRack()
        let bytes = Array(text.utf8)
        let kept = Self.load(bytes, halves: false)
        // Read again as it was: the one-pass load's diagnostics.
        var options = LoadOptions(platforms: [], ruleNames: [], hostsInHalves: 2, releasingNodes: 0)
        options.rereadSource = { bytes }
        // Each load gets bytes of its own: it gives back their pages (`LoadOptions.rereadSource`).
        let again = TopologyLoader.load(bytes: Array(text.utf8), file: "hosts.yaml", options: options)
        #expect(again.diagnostics.map(\.oneLine) == kept.diagnostics.map(\.oneLine))
        // Gone or changed in size since: one located error, never a model from torn bytes.
        for reread: [UInt8]? in [nil, Array(bytes.dropLast(10))] {
            options.rereadSource = { reread }
            let changed = TopologyLoader.load(bytes: Array(text.utf8), file: "hosts.yaml", options: options)
            #expect(changed.topology == nil)
            #expect(changed.diagnostics.map(\.oneLine) == ["hosts.yaml:1:1: error[TL001] the file changed while it was being read; run again"])
        }
    }

    /// The generated design with an unknown rack in its last host: the second thread meets
    /// it after the first has given clusters back.
    static func withUnknownRack() throws -> String {
        var text = String(decoding: generated(), as: UTF8.self)
        let lastHost = try #require(text.range(of: "{rack: ", options: .backwards))
        text.replaceSubrange(lastHost, with: "{rack: no-such-rack-")
        return text
    }

    static func expectSame(_ a: Topology, _ b: Topology, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.hosts.count == b.hosts.count && a.hosts.count > 100, sourceLocation: sourceLocation)
        for (h, (x, y)) in zip(a.hosts, b.hosts).enumerated() {
            #expect(a.hostName(h) == b.hostName(h) && x.cluster == y.cluster && x.rack == y.rack)
            #expect(Array(x.uplinks) == Array(y.uplinks) && x.vlans == y.vlans && a.location(ofHost: h) == b.location(ofHost: h))
        }
        #expect(a.clusters.map(\.name) == b.clusters.map(\.name))
        #expect(a.clusters.map(\.hosts) == b.clusters.map(\.hosts))
        #expect(a.clusters.map(\.vlans) == b.clusters.map(\.vlans))
        #expect(a.ignores.map(\.subject) == b.ignores.map(\.subject))
        #expect(a.switches.map(\.name) == b.switches.map(\.name) && a.linkNames == b.linkNames)
        #expect(a.vlans.map(\.gateway) == b.vlans.map(\.gateway))
        #expect(a.workloads.map { $0.hosts ?? [] } == b.workloads.map { $0.hosts ?? [] }, sourceLocation: sourceLocation)
        #expect(a.clusters.map(\.location) == b.clusters.map(\.location), sourceLocation: sourceLocation)
    }

    static let design = """
        topology: t
        version: 1
        sites: {s1: {}}
        racks: {r1: {site: s1}}
        switches:
          sw1: {rack: r1, vlans: [v1]}
          sw2: {rack: r1, vlans: [v1], ignore: {TL100: accepted}}
        links: [{between: [sw1, LINK]}]
        vlans: {v1: {id: 10, gateway: sw1}}
        clusters:
          c1:
            vlans: [v1]
            hosts:
              h1: {rack: r1, uplinks: [sw1]}
              h2: {rack: r1, uplinks: [sw1], ignore: {TL200: accepted}}
          c2:
            hosts:
              h3: {rack: r1, uplinks: [sw1]}
              HOST: {rack: r1, uplinks: [sw1]}
          c3:
            hosts:
              h5: {rack: r1, uplinks: [SWITCH]}
              h6: {rack: r1, uplinks: [sw1]}
        workloads:
          w1: {cluster: c3, vlans: [v1], hosts: [h5, h6]}

        """

    @Test("small clusters split in two: the same model and ranges")
    func smallSplit() throws {
        let text = Self.design.replacingOccurrences(of: "HOST", with: "h4").replacingOccurrences(of: "SWITCH", with: "sw1")
            .replacingOccurrences(of: "LINK", with: "sw2")
        #expect(Self.splits(Array(text.utf8)))
        let a = try #require(Self.load(Array(text.utf8), halves: true).topology)
        let b = try #require(Self.load(Array(text.utf8), halves: false).topology)
        #expect(a.hosts.indices.map(a.hostName) == ["h1", "h2", "h3", "h4", "h5", "h6"])
        #expect(a.hosts.map(\.cluster) == [0, 0, 1, 1, 2, 2])
        #expect(a.clusters.map(\.hosts) == [0..<2, 2..<4, 4..<6])
        #expect(a.hosts.map(\.vlans) == b.hosts.map(\.vlans))
        #expect(a.ignores.map(\.subject.name) == ["sw2", "h2"])
        #expect(a.linkNames == ["sw1 -- sw2"] && a.vlans[0].gateway == .single(0))
        #expect(a.workloads[0].hosts == [4, 5])
    }

    @Test("a host name in both halves, or a mistake in either or in the fabric: reported as the one-pass load reports it")
    func problems() {
        for (host, uplink, link) in [("h1", "sw1", "sw2"), ("h4", "nope", "sw2"), ("h1", "nope", "sw2"), ("h4", "sw1", "nope"), ("h4", "nope", "nope")] {
            let text = Self.design.replacingOccurrences(of: "HOST", with: host).replacingOccurrences(of: "SWITCH", with: uplink)
                .replacingOccurrences(of: "LINK", with: link)
            let a = Self.load(Array(text.utf8), halves: true), b = Self.load(Array(text.utf8), halves: false)
            #expect(a.topology == nil)
            #expect(!a.diagnostics.isEmpty)
            #expect(a.diagnostics.map(\.oneLine) == b.diagnostics.map(\.oneLine), "\(host), \(uplink), \(link)")
        }
    }
}
