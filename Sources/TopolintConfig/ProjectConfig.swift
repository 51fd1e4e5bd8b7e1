#if canImport(Glibc)
import Glibc
#endif
import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintRules

/// A project's `.topolint.yaml`: which pack, which rules, which thresholds, when to fail.
///
/// ```yaml
/// pack: strict                 # a shipped pack or a path to one
/// fail_on: high                # low | medium | high | critical
/// disable: [TL303, gateway-trombone]
/// enable: [TL900]
/// thresholds: {max_endpoints: 2000}
/// rules: {TL200: {weight: 1.2}}
/// ```
public struct ProjectConfig: Sendable {
    public static let fileName = ".topolint.yaml"
    static let keys = ["pack", "fail_on", "disable", "enable", "thresholds", "rules", "description"]

    public var file: String?
    public var pack: String?
    /// Where `pack` is written, so a pack that cannot be found is reported at that line.
    public var packLocation: SourceLocation?
    public var failOn: Severity?
    public var layer = PackLoader.Layer()

    public init() {}

    /// The nearest `.topolint.yaml` from `directory` upward, if any.
    public static func find(from directory: String) -> String? {
        var dir = directory.isEmpty ? "." : directory
        for _ in 0..<64 {
            let candidate = dir + "/" + fileName
            // Anything there by that name is the project's configuration, readable or not:
            // one that cannot be read (no permission, a link that loops or leads nowhere) is
            // reported, never passed over for one further up or for the defaults.
            var info = stat()
            if lstat(candidate, &info) == 0 { return candidate }
            let parent = parentDirectory(of: dir)
            if parent == dir { return nil }
            dir = parent
        }
        return nil
    }

    static func parentDirectory(of dir: String) -> String {
        var resolved = dir
        if !resolved.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: 4096)
            if getcwd(&buffer, buffer.count) != nil {
                let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                resolved = resolved == "." ? cwd : cwd + "/" + resolved
            }
        }
        while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
        guard let slash = resolved.lastIndex(of: "/") else { return resolved }
        let parent = String(resolved[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// Reads a config file; diagnostics carry file:line:col like the topology's.
    public static func load(path: String) -> (ProjectConfig?, [Diagnostic]) {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: path) } catch {
            return (nil, [SourceFile.diagnostic(for: error, path: path)])
        }
        let parsed = YAMLReader.parse(bytes, file: path)
        // Nothing, or only `~` / `null`: one message for both.
        if parsed.isEmpty || parsed.document.map({ $0.isNull($0.root) }) == true {
            return (nil, [Diagnostic(.schema, "the configuration file is empty: a topolint configuration is a mapping of settings (pack, fail_on, disable, enable, thresholds, rules)",
                                     at: SourceLocation(file: path, line: 1, column: 1),
                                     help: "write a setting such as `fail_on: high`, or delete the file to use the defaults")])
        }
        guard let doc = parsed.document else { return (nil, parsed.diagnostics) }
        var f = YAMLFields(doc)
        f.diagnostics = parsed.diagnostics
        var config = ProjectConfig()
        config.file = path
        guard let top = f.mapping(doc.root, allowed: keys, what: "the topolint configuration") else { return (nil, f.diagnostics) }
        for (key, _, value) in top {
            switch key {
            case "pack":
                config.pack = f.plainString(value, what: "pack")
                config.packLocation = doc.location(value)
            case "fail_on":
                config.failOn = f.oneOf(value, Severity.allCases.map(\.rawValue), what: "fail_on").flatMap(Severity.init(rawValue:))
            case "disable", "enable":
                for (name, node) in f.stringList(value, what: key) ?? [] {
                    guard let id = RuleRegistry.id(for: name) else {
                        f.error(.schema, "unknown rule '\(name)' in \(key)", at: node,
                                help: closestMatch(to: name, among: RuleRegistry.acceptedNames).map { "did you mean '\($0)'?" })
                        continue
                    }
                    config.layer.rules[id, default: (nil, nil)].enabled = key == "enable"
                }
            case "thresholds":
                for (k, v) in PackLoader.thresholds(value, &f, requireSource: false) { config.layer.thresholds[k] = v }
            case "rules":
                for (id, setting) in PackLoader.rules(value, &f) { config.layer.rules[id] = setting }
            default: break
            }
        }
        return f.diagnostics.isEmpty ? (config, []) : (nil, f.diagnostics)
    }

    /// The pack this configuration asks for (or `override`, from --rules), with its overrides.
    public func resolvePack(override: String? = nil) -> (RulePack?, [Diagnostic]) {
        let name = override ?? pack ?? "default"
        var directory: String?
        if override == nil, let file, let slash = file.lastIndex(of: "/") { directory = String(file[..<slash]) }
        let (base, diagnostics) = PackLoader.pack(named: name, relativeTo: directory, namedAt: override == nil ? packLocation : nil)
        guard var result = base else { return (nil, diagnostics) }
        _ = PackLoader.apply(layer, to: &result)
        return (result, [])
    }
}
