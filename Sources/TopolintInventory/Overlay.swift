import TopolintCore
import TopolintYAML

/// The hand-kept part of an imported design (`--overlay`): a version-1 fragment with what a
/// source of truth does not hold (site links and their RTTs, zones, migration domains, a
/// VLAN's zone or `ignore`). It is read as plain YAML here and merged into the import.
public enum OverlayResult: Sendable {
    case success(DesignValue)
    case failure([Diagnostic])
}

public enum Overlay {
    public static func read(path: String) -> OverlayResult {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: path) } catch { return .failure([SourceFile.diagnostic(for: error, path: path)]) }
        return parse(bytes, file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) -> OverlayResult {
        let result = YAMLReader.parse(bytes, file: file)
        guard let doc = result.document else { return .failure(result.diagnostics) }
        guard doc.kind(doc.root) == .mapping else {
            return .failure([Diagnostic(.schema, "an overlay is a mapping of top-level sections, like a topology file", at: doc.location(doc.root))])
        }
        return .success(value(doc.root, in: doc))
    }

    static func value(_ node: YAMLNode, in doc: YAMLDocument) -> DesignValue {
        switch doc.kind(node) {
        case .mapping:
            return .map((0..<doc.count(node)).map { i in
                DesignEntry(doc.string(doc.key(node, i)), value(doc.value(node, i), in: doc))
            })
        case .sequence:
            return .list(doc.items(node).map { value($0, in: doc) })
        case .scalar:
            let text = doc.string(node)
            if doc.isQuoted(node) { return .text(text) }
            if doc.isNull(node) { return .map([]) }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if text == "all" { return .keyword("all") }
            if let i = Int(text) { return .int(i) }
            if let d = Double(text), text.contains(".") { return .number(d) }
            return .text(text)
        }
    }
}
