import TopolintCore
import TopolintYAML
import TopolintImport

/// The hand-kept part of an imported design (`--overlay`): a version-1 fragment with what a
/// source of truth does not hold (site links and their RTTs, zones, migration domains, a
/// VLAN's zone or `ignore`). It is read before anything is fetched, so a broken overlay
/// fails fast, and merged into the imported document afterwards.
public enum OverlayResult: Sendable {
    case success(Overlay)
    case failure([Diagnostic])
}

public struct Overlay: Sendable {
    let document: YAMLDocument

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
        for i in 0..<doc.count(doc.root) {
            let key = doc.key(doc.root, i)
            guard OverlayMerge.topLevel.contains(doc.string(key)) else {
                return .failure([Diagnostic(.schema, "'\(doc.string(key))' is not a top-level key of a topology file", at: doc.location(key))])
            }
        }
        return .success(Overlay(document: doc))
    }

    /// `design` with the overlay merged in: entities merge field by field (the overlay's
    /// value wins, nested mappings such as `ignore` merge again), the top-level lists
    /// (`site_links`, `links`) are appended, entities the import lacks are added. A value of
    /// the wrong shape is an error at its place in the overlay.
    public func merged(into design: ImportDocument) -> Result<ImportDocument, OverlayProblems> {
        let merge = OverlayMerge(document, design)
        merge.run()
        return merge.problems.isEmpty ? .success(merge.design) : .failure(OverlayProblems(diagnostics: merge.problems))
    }
}

public struct OverlayProblems: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
