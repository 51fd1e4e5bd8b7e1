import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintAnalysis
import TopolintRules

/// Reads rule packs (rules/*.yaml): thresholds, rule settings and the platform table, each
/// figure with its source. A pack may `extend` another and override parts of it.
public enum PackLoader {
    public static let thresholdKeys = ["max_endpoints", "max_switches", "max_scope", "critical_rtt_ms", "assumed_rtt_ms", "trombone_scope"]
    static let packKeys = ["pack", "version", "description", "extends", "thresholds", "rules", "platforms"]
    static let platformKeys = ["family", "max_hosts", "max_migration_rtt_ms", "max_stretched_rtt_ms", "source", "description"]
    static let ruleKeys = ["enabled", "weight"]

    /// A partial pack: what one file sets. `apply` lays it over a base.
    public struct Layer: Sendable {
        public var name: String?
        public var extends: String?
        /// Where `extends` is written, so a pack it names that cannot be found is reported there.
        public var extendsLocation: SourceLocation?
        public var thresholds: [String: ThresholdValue] = [:]
        public var rules: [String: (enabled: Bool?, weight: Double?)] = [:]
        public var platforms: [String: Platform] = [:]
    }

    public enum ThresholdValue: Sendable, Equatable {
        case number(Double)
        case word(String)
    }

    /// The pack named `name`: one shipped with topolint (default, strict, legacy-vsphere) or a
    /// YAML file path; resolving `extends` down to the embedded default.
    /// `namedAt` is where the name is written (a config's `pack:`), for a pack not found.
    public static func pack(named name: String, relativeTo directory: String? = nil, namedAt: SourceLocation? = nil) -> (RulePack?, [Diagnostic]) {
        var chain: [Layer] = []
        var namedAt = namedAt
        var diagnostics: [Diagnostic] = []
        var next: String? = name
        var base = directory
        var visited = Set<String>()
        while let current = next {
            guard visited.insert(current).inserted, chain.count < 16 else {
                diagnostics.append(Diagnostic(.schema, "rule pack '\(current)' extends itself in a cycle", at: namedAt ?? SourceLocation(file: current, line: 1, column: 1)))
                return (nil, diagnostics)
            }
            let (bytes, file) = source(of: current, relativeTo: base)
            guard let bytes else {
                let known = EmbeddedPacks.all.keys.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(.schema, "no rule pack '\(current)': not a shipped pack (\(known)) nor a readable file (\(file))",
                                              at: namedAt ?? SourceLocation(file: file, line: 1, column: 1),
                                              help: closestMatch(to: current, among: EmbeddedPacks.all.keys).map { "did you mean '\($0)'?" }))
                return (nil, diagnostics)
            }
            let (layer, problems) = parse(bytes, file: file, isDefault: current == "default" && EmbeddedPacks.all[current] != nil)
            diagnostics += problems
            guard let layer, problems.isEmpty else { return (nil, diagnostics) }
            chain.append(layer)
            next = layer.extends
            namedAt = layer.extendsLocation
            if EmbeddedPacks.all[current] == nil, let slash = file.lastIndex(of: "/") { base = String(file[..<slash]) }
            if next == nil && current != "default" && EmbeddedPacks.all[current] == nil {
                next = "default"   // a user pack without extends builds on the default
            }
        }
        var pack = emptyPack()
        for layer in chain.reversed() {
            let problems = apply(layer, to: &pack)
            diagnostics += problems
        }
        pack.name = chain.first?.name ?? name
        return diagnostics.isEmpty ? (pack, []) : (nil, diagnostics)
    }

    /// The default pack as embedded in the binary; a failure here is a build defect.
    public static var defaultPack: RulePack {
        let (pack, diagnostics) = pack(named: "default")
        precondition(diagnostics.isEmpty, "the embedded default rule pack is invalid: \(diagnostics.map(\.oneLine))")
        return pack!
    }

    static func source(of name: String, relativeTo directory: String?) -> ([UInt8]?, String) {
        if let embedded = EmbeddedPacks.all[name] { return (Array(embedded.utf8), "rules/\(name).yaml") }
        var path = name
        if !path.hasPrefix("/"), let directory { path = directory + "/" + path }
        return ((try? SourceFile.read(path: path)), path)
    }

    static func emptyPack() -> RulePack {
        RulePack(name: "", maxEndpoints: .infinity, maxSwitches: .max, maxScope: .multiSite, criticalRTTms: 10,
                 assumedRTTms: 10, tromboneScope: .site, rules: [:], platforms: [:])
    }

    /// Parses one pack file into a layer, with located diagnostics.
    public static func parse(_ bytes: [UInt8], file: String, isDefault: Bool = false) -> (Layer?, [Diagnostic]) {
        let parsed = YAMLReader.parse(bytes, file: file)
        if parsed.isEmpty || parsed.document.map({ $0.isNull($0.root) }) == true {
            return (nil, [Diagnostic(.schema, "the rule pack is empty: a rule pack is a mapping (pack, extends, thresholds, rules, platforms)",
                                     at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let doc = parsed.document else { return (nil, parsed.diagnostics) }
        var f = YAMLFields(doc)
        f.diagnostics = parsed.diagnostics
        var layer = Layer()
        guard let top = f.mapping(doc.root, allowed: packKeys, what: "a rule pack") else { return (nil, f.diagnostics) }
        for (key, _, value) in top {
            switch key {
            case "pack": layer.name = f.plainString(value, what: "pack")
            case "version":
                if f.integer(value, range: 0...Int.max, what: "version") != 1 { f.error(.schema, "rule pack version must be 1", at: value) }
            case "description": _ = f.plainString(value, what: "description")
            case "extends":
                layer.extends = f.plainString(value, what: "extends")
                layer.extendsLocation = f.doc.location(value)
            case "thresholds": layer.thresholds = thresholds(value, &f, requireSource: true)
            case "rules": layer.rules = rules(value, &f)
            case "platforms": layer.platforms = platforms(value, &f)
            default: break
            }
        }
        return (layer, f.diagnostics)
    }

    /// Thresholds as `{value: X, source: "..."}` (packs must cite) or a bare value (config).
    static func thresholds(_ node: YAMLNode, _ f: inout YAMLFields, requireSource: Bool) -> [String: ThresholdValue] {
        var result: [String: ThresholdValue] = [:]
        guard let entries = f.mapping(node, allowed: thresholdKeys, what: "thresholds") else { return result }
        for (key, keyNode, value) in entries {
            var valueNode = value
            if f.doc.kind(value) == .mapping {
                guard let parts = f.mapping(value, allowed: ["value", "source"], what: "threshold \(key)") else { continue }
                guard let v = parts.first(where: { $0.key == "value" }) else {
                    f.error(.schema, "threshold \(key) is missing its value", at: keyNode)
                    continue
                }
                if requireSource && !parts.contains(where: { $0.key == "source" }) {
                    f.error(.schema, "threshold \(key) has no source: every figure in a pack names where it comes from", at: keyNode)
                }
                valueNode = v.value
            } else if requireSource {
                f.error(.schema, "threshold \(key) must be written as {value: ..., source: \"...\"}", at: value)
                continue
            }
            switch key {
            case "max_scope":
                if let word = f.oneOf(valueNode, Scope.allCases.map(\.rawValue), what: key) { result[key] = .word(word) }
            case "trombone_scope":
                if let word = f.oneOf(valueNode, RulePack.TromboneScope.allCases.map(\.rawValue), what: key) { result[key] = .word(word) }
            case "max_switches":
                if let n = f.integer(valueNode, range: 1...Int.max, what: key) { result[key] = .number(Double(n)) }
            case "max_endpoints":
                // A limit of no endpoints at all would put every domain with one endpoint
                // infinitely over it (and one with none at 0/0).
                guard let n = f.number(valueNode, minimum: 0, what: key) else { break }
                if n > 0 { result[key] = .number(n) } else { f.error(.schema, "max_endpoints must be more than 0", at: valueNode) }
            default:
                if let n = f.number(valueNode, minimum: 0, what: key) { result[key] = .number(n) }
            }
        }
        return result
    }

    static func rules(_ node: YAMLNode, _ f: inout YAMLFields) -> [String: (enabled: Bool?, weight: Double?)] {
        var result: [String: (enabled: Bool?, weight: Double?)] = [:]
        guard let entries = f.mapping(node, allowed: nil, what: "rules") else { return result }
        for (key, keyNode, value) in entries {
            guard let id = RuleRegistry.id(for: key) else {
                f.error(.schema, "unknown rule '\(key)'", at: keyNode,
                        help: closestMatch(to: key, among: RuleRegistry.acceptedNames).map { "did you mean '\($0)'?" })
                continue
            }
            var setting: (enabled: Bool?, weight: Double?) = (nil, nil)
            if f.doc.kind(value) == .scalar, !f.doc.isNull(value) {
                setting.enabled = f.boolean(value, what: "rule \(key)")
            } else if let parts = f.mapping(value, allowed: ruleKeys, what: "rule \(key)") {
                for (k, _, v) in parts {
                    if k == "enabled" { setting.enabled = f.boolean(v, what: "enabled") }
                    if k == "weight" { setting.weight = f.number(v, minimum: 0, what: "weight") }
                }
            }
            result[id] = setting
        }
        return result
    }

    static func platforms(_ node: YAMLNode, _ f: inout YAMLFields) -> [String: Platform] {
        var result: [String: Platform] = [:]
        guard let entries = f.mapping(node, allowed: nil, what: "platforms") else { return result }
        for (name, keyNode, value) in entries {
            guard let parts = f.mapping(value, allowed: platformKeys, what: "platform \(name)") else { continue }
            var platform = Platform(name: name, family: nil, maxHosts: nil, maxMigrationRTTms: nil, source: "")
            for (k, _, v) in parts {
                switch k {
                case "family": platform.family = f.plainString(v, what: "family")
                case "max_hosts": platform.maxHosts = f.integer(v, range: 1...Int.max, what: "max_hosts")
                case "max_migration_rtt_ms": platform.maxMigrationRTTms = f.number(v, minimum: 0, what: "max_migration_rtt_ms")
                case "max_stretched_rtt_ms": platform.maxStretchedRTTms = f.number(v, minimum: 0, what: "max_stretched_rtt_ms")
                case "source": platform.source = f.plainString(v, what: "source") ?? ""
                default: break
                }
            }
            if platform.source.isEmpty {
                f.error(.schema, "platform \(name) has no source: every figure in a pack names where it comes from", at: keyNode)
            }
            result[name] = platform
        }
        return result
    }

    /// Lays a layer over a pack.
    static func apply(_ layer: Layer, to pack: inout RulePack) -> [Diagnostic] {
        for (key, value) in layer.thresholds { setThreshold(key, value, on: &pack) }
        for (id, setting) in layer.rules {
            var current = pack.setting(id)
            if let enabled = setting.enabled { current.enabled = enabled }
            if let weight = setting.weight { current.weight = weight }
            pack.rules[id] = current
        }
        for (name, platform) in layer.platforms { pack.platforms[name] = platform }
        return []
    }

    static func setThreshold(_ key: String, _ value: ThresholdValue, on pack: inout RulePack) {
        switch (key, value) {
        case let ("max_endpoints", .number(n)): pack.maxEndpoints = n
        case let ("max_switches", .number(n)): pack.maxSwitches = Int(n)
        case let ("critical_rtt_ms", .number(n)): pack.criticalRTTms = n
        case let ("assumed_rtt_ms", .number(n)): pack.assumedRTTms = n
        case let ("max_scope", .word(w)): pack.maxScope = Scope(rawValue: w) ?? pack.maxScope
        case let ("trombone_scope", .word(w)): pack.tromboneScope = RulePack.TromboneScope(rawValue: w) ?? pack.tromboneScope
        default: break
        }
    }
}
