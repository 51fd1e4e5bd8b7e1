import Foundation
import Testing
@testable import TopolintGenerate

@Suite("Topology generator")
struct GeneratorTests {
    /// The whole output of one run, and the number of chunks it came in.
    static func render(_ options: GeneratorOptions) -> (text: String, chunks: Int) {
        var text = ""
        var chunks = 0
        TopologyGenerator.generate(options) { chunk in
            text += chunk
            chunks += 1
        }
        return (text, chunks)
    }

    /// Whether `line` holds a range pattern (`[START:END]`) or a placeholder (`{N}`).
    static func hasPatternSyntax(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "[") {
                var j = i + 1
                while j < bytes.count, isAlnum(bytes[j]) { j += 1 }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: ":") {
                    var k = j + 1
                    while k < bytes.count, isAlnum(bytes[k]) { k += 1 }
                    if k > j + 1, k < bytes.count, bytes[k] == UInt8(ascii: "]") { return true }
                }
            } else if bytes[i] == UInt8(ascii: "{") {
                var j = i + 1
                while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") { j += 1 }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}") { return true }
            }
            i += 1
        }
        return false
    }

    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
    }

    /// The keys of the entries directly inside each top-level section (or, for hosts, inside
    /// each cluster's `hosts:`), as written.
    static func sectionKeys(_ text: String) -> [String: [String]] {
        var keys: [String: [String]] = [:]
        var section = ""
        var inHosts = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if !line.hasPrefix(" ") {
                section = String(line.prefix { $0 != ":" })
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("- ") { keys[section, default: []].append(String(body)); continue }
            let key = keyOf(body)
            if section == "clusters", indent == 4 { inHosts = key == "hosts" }
            if indent == 2 { keys[section, default: []].append(key) }
            if section == "clusters", indent == 6, inHosts { keys["hosts", default: []].append(key) }
        }
        return keys
    }

    static func keyOf(_ body: Substring) -> String {
        if body.hasPrefix("\"") {
            let rest = body.dropFirst()
            return String(rest.prefix { $0 != "\"" })
        }
        return String(body.prefix { $0 != ":" })
    }

    /// How many names the written keys stand for, expanding range patterns.
    static func expandedCount(_ keys: [String]) -> Int {
        keys.reduce(0) { $0 + NameTemplate($1).names().count }
    }

    @Test func sameSeedGivesIdenticalBytes() {
        for expanded in [false, true] {
            let a = Self.render(GeneratorOptions(profile: .small, seed: 42, expanded: expanded)).text
            let b = Self.render(GeneratorOptions(profile: .small, seed: 42, expanded: expanded)).text
            #expect(a == b)
            #expect(!a.isEmpty)
        }
    }

    @Test func differentSeedsDiffer() {
        let a = Self.render(GeneratorOptions(profile: .small, seed: 1)).text
        let b = Self.render(GeneratorOptions(profile: .small, seed: 2)).text
        #expect(a != b)
    }

    @Test func expandedFormHasNoPatternsOrPlaceholders() {
        let text = Self.render(GeneratorOptions(profile: .small, seed: 3, expanded: true)).text
        let offending = text.split(separator: "\n").filter(Self.hasPatternSyntax)
        #expect(offending.isEmpty, "first: \(offending.first ?? "")")
        // The pattern form does use them.
        let pattern = Self.render(GeneratorOptions(profile: .small, seed: 3)).text
        #expect(pattern.split(separator: "\n").contains(where: Self.hasPatternSyntax))
        #expect(pattern.contains("{1}"))
        #expect(text.utf8.count > 2 * pattern.utf8.count)
    }

    @Test func bothFormsWriteTheExpectedEntities() {
        for seed: UInt64 in [1, 9] {
            let options = GeneratorOptions(profile: .small, seed: seed)
            let counts = TopologyGenerator.expectedCounts(options)
            var expandedOptions = options
            expandedOptions.expanded = true
            let plain = Self.sectionKeys(Self.render(expandedOptions).text)
            let pattern = Self.sectionKeys(Self.render(options).text)
            #expect(plain["sites"]?.count == counts.sites)
            #expect(plain["switches"]?.count == counts.switches)
            #expect(plain["hosts"]?.count == counts.hosts)
            #expect(plain["vlans"]?.count == counts.vlans)
            #expect(plain["workloads"]?.count == counts.workloads)
            #expect(Self.expandedCount(pattern["switches"] ?? []) == counts.switches)
            #expect(Self.expandedCount(pattern["hosts"] ?? []) == counts.hosts)
            #expect(Self.expandedCount(pattern["racks"] ?? []) == plain["racks"]?.count)
            #expect(Self.expandedCount(pattern["pods"] ?? []) == plain["pods"]?.count)
            #expect(Self.expandedCount(pattern["workloads"] ?? []) == counts.workloads)
            #expect(pattern["vlans"] == plain["vlans"])
            // Names are unique within each kind.
            for kind in ["switches", "hosts", "vlans", "workloads", "racks"] {
                let names = plain[kind] ?? []
                #expect(Set(names).count == names.count, "duplicate \(kind)")
            }
        }
    }

    @Test func expectedCountsAreInTheRightBallpark() {
        func entities(_ p: GeneratorProfile) -> Int {
            let c = TopologyGenerator.expectedCounts(GeneratorOptions(profile: p, seed: 1))
            return c.switches + c.hosts + c.vlans + c.workloads
        }
        let hyper = TopologyGenerator.expectedCounts(GeneratorOptions(profile: .hyperscale, seed: 1))
        #expect(hyper.sites == 4)
        #expect((7_000...9_000).contains(hyper.switches))
        #expect((150_000...170_000).contains(hyper.hosts))
        #expect((3_500...4_500).contains(hyper.vlans))
        #expect((17_000...23_000).contains(hyper.workloads))
        let vms = TopologyGenerator.expectedVMCount(GeneratorOptions(profile: .hyperscale, seed: 1))
        #expect((1_700_000...2_300_000).contains(vms))

        let largeRatio = Double(entities(.hyperscale)) / Double(entities(.large))
        #expect((3.6...4.4).contains(largeRatio))
        let mediumRatio = Double(entities(.large)) / Double(entities(.medium))
        #expect((7.0...13.0).contains(mediumRatio))

        let small = TopologyGenerator.expectedCounts(GeneratorOptions(profile: .small, seed: 1))
        #expect((200...900).contains(small.hosts))
        #expect(small.sites >= 3)
        // The counts depend on the seed only a little.
        let other = TopologyGenerator.expectedCounts(GeneratorOptions(profile: .hyperscale, seed: 77))
        #expect(other.hosts == hyper.hosts && other.switches == hyper.switches)
        #expect(abs(other.workloads - hyper.workloads) < hyper.workloads / 10)
    }

    @Test func outputIsStreamedInChunks() {
        let (text, chunks) = Self.render(GeneratorOptions(profile: .medium, seed: 1, expanded: true))
        #expect(chunks > 1)
        #expect(text.hasSuffix("\n"))
    }

    @Test func templatesExpandPerTheFormat() {
        #expect(NameTemplate("r[01:03]").names() == ["r01", "r02", "r03"])
        #expect(NameTemplate("r[8:10]").names() == ["r8", "r9", "r10"])
        #expect(NameTemplate("p[1:2]-l[1:2]").names() == ["p1-l1", "p1-l2", "p2-l1", "p2-l2"])
        #expect(NameTemplate("r{1}-leaf[1:2]").names(captures: ["007"]) == ["r007-leaf1", "r007-leaf2"])
        let instances = NameTemplate("dc1-p[01:02]-r[001:002]").instances()
        #expect(instances.map(\.values) == [["01", "001"], ["01", "002"], ["02", "001"], ["02", "002"]])
    }

    @Test func smallOutputIsLaidOutBySection() throws {
        let text = Self.render(GeneratorOptions(profile: .small, seed: 5)).text
        // Structure, textually: every top-level section in order, two-space indentation.
        let sections = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(sections == ["topology", "version", "description", "sites", "site_links", "pods", "racks",
                             "switches", "links", "vlans", "zones", "clusters", "workloads", "migration_domains"])
        for line in text.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0)
        }
    }

    /// A real YAML 1.1 parser reads both forms: PyYAML, from the checks' virtual
    /// environment (.ci/checks/venv.bash installs it) or the system's python3. Without it
    /// the test is reported as skipped, with the reason.
    @Test(.enabled(if: GeneratorTests.yamlPython != nil, "PyYAML not found: run .ci/test (its checks install it) or pip install pyyaml"))
    func smallOutputParsesWithPyYAML() throws {
        let python = try #require(Self.yamlPython)
        let text = Self.render(GeneratorOptions(profile: .small, seed: 5)).text
        let expandedText = Self.render(GeneratorOptions(profile: .small, seed: 5, expanded: true)).text
        let counts = TopologyGenerator.expectedCounts(GeneratorOptions(profile: .small, seed: 5))
        var parsed: [String] = []
        for (name, body) in [("pattern", text), ("expanded", expandedText)] {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("topolint-gen-\(name)-\(getpid()).yaml").path
            try body.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let script = "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); "
                + "assert d['version'] == 1; print(len(d['switches']), len(d['vlans']), len(d['workloads']))"
            let (status, output) = try Self.run(python, ["-c", script, path])
            #expect(status == 0, "\(name): \(output)")
            parsed.append(output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // The expanded form writes every entity by name: PyYAML counts what the plan holds.
        #expect(parsed.last == "\(counts.switches) \(counts.vlans) \(counts.workloads)", "\(parsed)")
    }

    /// A Python that can `import yaml`, if there is one.
    static let yamlPython: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [root.appendingPathComponent(".build/check-venv/bin/python").path, "/usr/bin/python3", "/usr/local/bin/python3"]
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path),
                  let (status, _) = try? run(path, ["-c", "import yaml"]) else { return false }
            return status == 0
        }
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
