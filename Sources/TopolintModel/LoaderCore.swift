import TopolintCore
import TopolintYAML

/// What the loader needs to know from outside the file: the rule pack's platform names and
/// the rule ids and names an `ignore` may use.
public struct LoadOptions: Sendable {
    public var platforms: [String]
    public var ruleNames: [String]
    /// From this many hosts on, the fabric and the clusters load on two threads at once
    /// (`Int.max`: never).
    public var hostsInHalves: Int
    /// From this many YAML nodes on, clusters give their nodes back once loaded (see
    /// `YAMLDocument.releaseWritten`; `Int.max`: never).
    public var releasingNodes: Int
    /// Reads the file's bytes again. When given, clusters given back take their bytes with
    /// them (`LoadResult.sourceReleased`), and a load that must start over reads the file
    /// again with this; without it the bytes are kept. The pages of the bytes handed to
    /// `TopologyLoader.load` are given back then (they read as zeros): hand it bytes that
    /// nothing else reads.
    public var rereadSource: (@Sendable () -> [UInt8]?)?

    public init(platforms: [String], ruleNames: [String], hostsInHalves: Int = LoadLimits.hostsInHalves,
                releasingNodes: Int = LoadLimits.releasingNodes) {
        self.platforms = platforms
        self.ruleNames = ruleNames
        self.hostsInHalves = hostsInHalves
        self.releasingNodes = releasingNodes
    }
}

public struct LoadResult: Sendable {
    /// Present only when there are no diagnostics.
    public var topology: Topology?
    public var diagnostics: [Diagnostic]
    /// The file's bytes, for snippets under messages.
    public var source: [UInt8]
    /// Some of `source` was given back after loading (see `LoadOptions.rereadSource`): the
    /// lines shown under messages are read from the file again, at `lineIndex`.
    public var sourceReleased = false
    /// Where each line starts in the file, when `sourceReleased`.
    public var lineIndex: [UInt32] = []
}

/// Told when a stage of loading ends, with a detail such as the node count; the CLI passes
/// one that prints timings for TOPOLINT_TIMINGS. Stages: `yaml`, `model`.
public typealias LoadStageHook = (_ stage: String, _ detail: String?) -> Void

public enum TopologyLoader {
    /// The one way bytes become a topology: the CLI, the tests and anything that produces a
    /// YAML document for the format (an importer) come through here. `file` names the
    /// bytes in every diagnostic. Diagnostics of the reader and the loader are tidied
    /// together: repeats dropped, at most three per position, sorted by position.
    public static func load(bytes: [UInt8], file: String, options: LoadOptions, limits: YAMLLimits = YAMLLimits(),
                            stage: LoadStageHook? = nil) -> LoadResult {
        let parsed = YAMLReader.parse(bytes, file: file, limits: limits)
        stage?("yaml", parsed.document.map { "\($0.nodeCount) nodes" })
        guard let document = parsed.document else {
            return LoadResult(topology: nil, diagnostics: Loader.tidy(parsed.diagnostics), source: bytes)
        }
        let releasing = document.nodeCount >= options.releasingNodes
        var loader = Loader(document: document, options: options, releasingClusters: releasing,
                            releasingSource: releasing && options.rereadSource != nil)
        loader.run()
        var source = bytes
        if loader.needsFreshDocument {
            // The two-thread load met a problem after giving back clusters it had loaded (see
            // `releasingClusters`): the one-pass load, which words every problem, reads the
            // file again (from the file when its bytes went too).
            if loader.releasingSource {
                guard let reread = options.rereadSource?(), reread.count == bytes.count else {
                    return LoadResult(topology: nil, diagnostics: [Diagnostic(.yamlSyntax, "the file changed while it was being read; run again",
                                                                               at: SourceLocation(file: file, line: 1, column: 1))], source: [])
                }
                source = reread
            }
            guard let again = YAMLReader.parse(source, file: file, limits: limits).document else {
                return LoadResult(topology: nil, diagnostics: Loader.tidy(parsed.diagnostics), source: source)
            }
            loader = Loader(document: again, options: options)
            loader.run()
        }
        stage?("model", nil)
        let diagnostics = Loader.tidy(parsed.diagnostics + loader.diagnostics, unstored: loader.unstored)
        var result = LoadResult(topology: diagnostics.isEmpty ? loader.topology : nil, diagnostics: diagnostics, source: source)
        if loader.releasingSource && loader.releasedClusters {
            result.sourceReleased = true
            result.lineIndex = document.lineIndex
        }
        return result
    }
}

/// The loader's state: one pass to declare every name, one to resolve fields.
struct Loader: YAMLValueReading {
    let doc: YAMLDocument
    let options: LoadOptions
    var topology: Topology
    var diagnostics: [Diagnostic] = []

    /// Names to indexes, per kind: a short list searched in order, since a kind's name is
    /// a small string that compares in one step where a dictionary would hash it.
    var names: [(kind: String, table: NameTable)] = []
    // VLAN ids to VLAN indexes, for integers in VLAN lists.
    var vlansByID: [Int: [Int]] = [:]
    /// Distinct unresolved names that get a "did you mean": the first few hundred
    /// diagnostics are read, the rest only counted.
    var suggestionsLeft = LoadLimits.suggestions
    /// Per kind, the names to suggest from, built on the first unresolved reference.
    var suggestionIndexes: [String: SuggestionIndex] = [:]
    /// Diagnostics past `LoadLimits.storedDiagnostics` are counted, never built; past that
    /// point checking stops (every lookup fails at once), so this is a lower bound.
    var unstored = 0
    /// Names all patterns of the file may expand to (see `LoadLimits`).
    lazy var expansionBudget = LoadLimits.names(nodes: doc.nodeCount)
    var expanded = 0
    var budgetReported = false
    /// References resolved and names looked up, for every instance of every pattern.
    lazy var workBudget = LoadLimits.work(nodes: doc.nodeCount)
    var work = 0
    var workReported = false
    /// The line of the host loaded last: hosts are met in file order, so the next one's line
    /// is found by a step forward.
    var hostLine = 0
    /// The fabric and the clusters were loaded on two threads and joined (for tests).
    var loadedInTwo = false
    /// Each cluster's hosts give their nodes back once loaded (`YAMLDocument.releaseDescendants`):
    /// they are most of a large design's nodes, and nothing loaded after them reads them.
    /// Only where the document is large enough for it to matter.
    let releasingClusters: Bool
    /// The clusters given back take the file's bytes they were read from with them.
    let releasingSource: Bool
    /// Some cluster's hosts were given back.
    var releasedClusters = false
    /// Runs of entries given back so far.
    var releases = 0
    /// The two threads of `loadInTwo` gave back entries the one-pass load would read again.
    var releasedInTwo = false
    /// The load stopped because it would have to read hosts given back: the two-thread
    /// load met a problem the one-pass load must report. The caller loads a fresh document.
    var needsFreshDocument = false
    /// Pattern references already resolved, by kind and text.
    var resolvedPatterns: [String: [Int]] = [:]
    /// Hosts' VLAN lists met so far, each stored once: the hosts of a rack or a cluster
    /// mostly carry the same VLANs, and one array per host was a tenth of a large design's
    /// memory.
    var vlanLists: [[Int]: [Int]] = [:]
    /// Gateways' anycast switch lists met so far, each stored once.
    var switchLists: [[Int]: [Int]] = [:]
    /// The VLANs of the host loaded last from its cluster's and its own: the next host of the
    /// rack usually adds the same ones, and then takes this list without a merge or a lookup.
    var lastHostVLANs: (cluster: Int, own: [Int], vlans: [Int])?
    /// A plain host's own VLANs while it is read (see `loadPlainHost`).
    var hostVLANScratch: [Int] = []
    /// Mistakes already reported, by what and where (see `reportedOnce`).
    var reportedMistakes = Set<String>()

    init(document: YAMLDocument, options: LoadOptions, releasingClusters: Bool = false, releasingSource: Bool = false) {
        self.doc = document
        self.options = options
        self.releasingClusters = releasingClusters
        self.releasingSource = releasingClusters && releasingSource
        self.topology = Topology(name: "", file: document.file)
    }

    /// Drops repeats (a pattern entry repeats its mistakes per instance), keeps at most
    /// three messages per position, sorts by position, and keeps the first
    /// `LoadLimits.diagnosticsPerFile` of each file, the rest summed up in one last
    /// diagnostic at the first one left out. `unstored` counts diagnostics never built.
    public static func tidy(_ diagnostics: [Diagnostic], unstored: Int = 0) -> [Diagnostic] {
        var seen = Set<Diagnostic>(), perPlace: [SourceLocation: Int] = [:], result: [Diagnostic] = []
        for d in diagnostics where seen.insert(d).inserted {
            perPlace[d.location, default: 0] += 1
            if perPlace[d.location]! <= 3 { result.append(d) }
        }
        let sorted = result.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
        var kept: [Diagnostic] = [], perFile: [String: Int] = [:], left: [String: (first: Diagnostic, count: Int)] = [:]
        var files: [String] = []
        for d in sorted {
            if perFile[d.location.file] == nil { files.append(d.location.file) }
            perFile[d.location.file, default: 0] += 1
            if perFile[d.location.file]! <= LoadLimits.diagnosticsPerFile {
                kept.append(d)
            } else {
                left[d.location.file, default: (d, 0)].count += 1
            }
        }
        if unstored > 0, let last = kept.last {
            left[last.location.file, default: (last, 0)].count += unstored
        }
        for file in files {
            guard let (first, count) = left[file] else { continue }
            kept.append(Diagnostic(first.code, "and \(count) more problem\(count == 1 ? "" : "s") in this file, not shown (the first \(LoadLimits.diagnosticsPerFile) are, and checking stops after \(LoadLimits.storedDiagnostics)); fix these and run again",
                                   at: first.location))
        }
        return kept
    }

    // MARK: reporting

    /// Records a diagnostic; past `LoadLimits.storedDiagnostics` it is only counted (the
    /// costly ones check `storing` first and skip building their message).
    mutating func error(_ code: DiagnosticCode, _ message: String, at node: YAMLNode, help: String? = nil) {
        guard storing else { unstored += 1; return }
        diagnostics.append(Diagnostic(code, message, at: doc.location(node), help: help))
    }

    var storing: Bool { diagnostics.count < LoadLimits.storedDiagnostics }

    /// Charges `amount` to the file's work budget; false (after one located error) once it
    /// is spent, and from then on every lookup stops at once.
    mutating func spend(_ amount: Int, at node: YAMLNode) -> Bool {
        // Past the stored diagnostics the file is known to fail: checking stops here.
        guard storing else { unstored += 1; return false }
        guard !workReported else { return false }
        work += amount
        guard work > workBudget else { return true }
        if !workReported {
            workReported = true
            error(.schema, "this file asks for more than \(workBudget) reference lookups and VLAN memberships (patterns times their lists); is a range or a list too long?", at: node)
        }
        return false
    }

    // MARK: fields

    /// Checks a mapping against the kind's keys: unknown keys (with a suggestion), missing
    /// required keys. Returns the values by field position.
    mutating func fields(of value: YAMLNode?, spec: EntitySpec, what: @autoclosure () -> String, at key: YAMLNode) -> [YAMLNode?] {
        var result = [YAMLNode?](repeating: nil, count: spec.fields.count)
        // A misspelt required key is reported once, as the typo, not again as missing.
        var suggested = Set<String>()
        if let value, !doc.isNull(value) {
            guard doc.kind(value) == .mapping else {
                error(.schema, "\(what()) must be a mapping of its fields, not \(describe(value))", at: value)
                return result
            }
            let n = doc.count(value)
            var k = n > 0 ? doc.key(value, 0) : value
            for i in 0..<n {
                // Each key and value found from the one before (see `nextChild`).
                if i > 0 { k = doc.nextChild(of: value, after: doc.nextChild(of: value, after: k, at: 2 * i - 2), at: 2 * i - 1) }
                guard doc.kind(k) == .scalar else {
                    error(.schema, "keys in \(what()) must be plain names", at: k)
                    continue
                }
                if let position = doc.withScalarBytes(k, { spec.position(ofBytes: $0) }) {
                    result[position] = doc.nextChild(of: value, after: k, at: 2 * i)
                } else {
                    let name = doc.string(k)
                    let suggestion = closestMatch(to: name, among: spec.keyNames)
                    if let suggestion { suggested.insert(suggestion) }
                    error(.schema, "unknown key '\(name)' in \(what())", at: k,
                          help: suggestion.map { "did you mean '\($0)'?" } ?? "known keys: \(spec.keyNames.joined(separator: ", "))")
                }
            }
        }
        for (position, field) in spec.fields.enumerated() where field.required && result[position] == nil && !suggested.contains(field.name) {
            error(.schema, "\(what()) is missing the required key '\(field.name)'", at: key)
        }
        return result
    }

    /// The value of field `name` (always a literal) among an entry's `fields`.
    func field(_ fields: ArraySlice<YAMLNode?>, _ spec: EntitySpec, _ name: StaticString) -> YAMLNode? {
        guard let i = spec.position(ofBytes: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) else { return nil }
        return fields[fields.startIndex + i]
    }

    func field(_ fields: [YAMLNode?], _ spec: EntitySpec, _ name: StaticString) -> YAMLNode? {
        field(fields[...], spec, name)
    }

    // MARK: scalars

    /// A scalar's text with placeholders filled in; nil (after an error) otherwise.
    mutating func text(_ node: YAMLNode, _ values: [String], what: @autoclosure () -> String) -> String? {
        guard doc.kind(node) == .scalar, !doc.isNull(node) else {
            if reportedOnce(at: node, "not a name") { error(.schema, "\(what()) must be a name, not \(describe(node))", at: node) }
            return nil
        }
        let raw = doc.string(node)
        do {
            return try Placeholders.substitute(raw, values)
        } catch {
            if case let .noSuchRange(index, available) = error, reportedOnce(at: node, "placeholder \(index)") {
                self.error(.schema, "placeholder {\(index)} in \(what()) has no matching range: the entry's key has \(available) range\(available == 1 ? "" : "s")", at: node)
            }
            return nil
        }
    }

    // MARK: references

    /// Expands a pattern within the file's budget; past it, one TL002 and no names.
    mutating func expand(_ pattern: RangePattern, at node: YAMLNode) -> [(name: String, values: [String])]? {
        guard storing else { unstored += 1; return nil }
        expanded += pattern.expansionCount
        guard expanded <= expansionBudget else {
            if !budgetReported {
                budgetReported = true
                error(.schema, "range patterns in this file expand to more than \(expansionBudget) names (this one to \(pattern.expansionCount)); is a range too wide?", at: node)
            }
            return nil
        }
        return pattern.expand()
    }

    /// `list`, or an equal list met before (sharing its storage).
    mutating func internedVLANs(_ list: [Int]) -> [Int] {
        if let known = vlanLists[list] { return known }
        vlanLists[list] = list
        return list
    }

    /// A list of switches (a gateway's anycast switches), stored once however many name it.
    mutating func internedSwitches(_ list: [Int]) -> [Int] {
        if let known = switchLists[list] { return known }
        switchLists[list] = list
        return list
    }

    /// The index of a reference written as a declared name (no pattern, no placeholder),
    /// looked up from the scalar's bytes; nil sends the reference down the general path.
    mutating func declaredName(_ node: YAMLNode, kind: String) -> Int? {
        declaredName(node, in: nameTable(kind))
    }

    /// The same, with the kind's table looked up once by the caller (for a list of names).
    /// Mutating only so that a call from the loader's mutating methods does not copy the
    /// loader: each copy retains the document's buffers, which both threads of a two-half
    /// load share, and those retains were a tenth of the lint's time.
    mutating func declaredName(_ node: YAMLNode, in table: NameTable) -> Int? {
        guard doc.kind(node) == .scalar else { return nil }
        return doc.withScalarBytes(node) { bytes -> Int? in
            guard !bytes.isEmpty, !containsEither(bytes, UInt8(ascii: "{"), UInt8(ascii: "[")) else { return nil }
            return table.index(ofBytes: bytes)
        }
    }

    /// The names of `kind` (an empty table before any is declared).
    mutating func nameTable(_ kind: String) -> NameTable {
        for entry in names where entry.kind.sameName(kind) { return entry.table }
        let table = NameTable()
        names.append((kind, table))
        return table
    }

    /// Resolves one reference (a name or a pattern) to entity indexes of `kind`.
    mutating func resolve(_ node: YAMLNode, kind: String, values: [String], what: @autoclosure () -> String) -> [Int]? {
        // Past the stored diagnostics every lookup fails at once (as `spend` would), before
        // placeholders are filled in: a large pattern of broken references is only counted.
        guard storing else { unstored += 1; return nil }
        if let index = declaredName(node, kind: kind) { return spend(1, at: node) ? [index] : nil }
        guard let reference = text(node, values, what: what()) else { return nil }
        return resolve(reference, at: node, kind: kind, what: what())
    }

    mutating func resolve(_ reference: String, at node: YAMLNode, kind: String, what: @autoclosure () -> String) -> [Int]? {
        guard spend(1, at: node) else { return nil }
        let table = nameTable(kind)
        // Most references are plain names: look them up without parsing a pattern.
        if !reference.containsByte(UInt8(ascii: "[")) {
            if let index = table.index(of: reference) { return [index] }
            unresolved(reference, kind: kind, table: table, at: node, what: what())
            return nil
        }
        let pattern: RangePattern
        do {
            pattern = try RangePattern(reference)
        } catch {
            self.error(.schema, "\(what()): \(error.message)", at: node)
            return nil
        }
        if !pattern.isPattern {
            if let index = table.index(of: reference) { return [index] }
            unresolved(reference, kind: kind, table: table, at: node, what: what())
            return nil
        }
        // The same pattern reference (an anycast list on every VLAN, say) resolves once.
        let cacheKey = kind + "\u{1F}" + reference
        if let known = resolvedPatterns[cacheKey] { return spend(known.count, at: node) ? known : nil }
        guard let expansion = expand(pattern, at: node) else { return nil }
        var result: [Int] = []
        result.reserveCapacity(expansion.count)
        var ok = true
        for (name, _) in expansion {
            guard spend(1, at: node) else { return nil }
            if let index = table.index(of: name) {
                result.append(index)
            } else {
                unresolved(name, kind: kind, table: table, at: node, what: what(), pattern: reference)
                ok = false
            }
        }
        if ok { resolvedPatterns[cacheKey] = result }
        return ok ? result : nil
    }

    /// Whether `mistake` at `node` is new. An entry whose key is a pattern reads its values
    /// once per instance; one mistake written once is reported once.
    mutating func reportedOnce(at node: YAMLNode, _ mistake: String) -> Bool {
        let at = doc.location(node)
        return reportedMistakes.insert("\(mistake)\u{1F}\(at.line):\(at.column)").inserted
    }

    mutating func unresolved(_ name: String, kind: String, table: NameTable, at node: YAMLNode, what: @autoclosure () -> String, pattern: String? = nil) {
        guard reportedOnce(at: node, "\(kind)\u{1F}\(name)") else { return }
        guard storing else { unstored += 1; return }
        let from = pattern.map { " (from the pattern '\($0)')" } ?? ""
        error(.unresolvedReference, "\(what()) names \(kind.replacingUnderscores) '\(name)'\(from), which does not exist", at: node,
              help: suggestion(for: name, kind: kind, table: table).map { "did you mean '\($0)'?" })
    }

    /// "Did you mean" from the kind's index, once per distinct name, for the first
    /// `LoadLimits.suggestions` names.
    mutating func suggestion(for name: String, kind: String, table: NameTable) -> String? {
        if suggestionIndexes[kind]?.count != table.count {
            guard suggestionsLeft > 0 else { return nil }
            suggestionIndexes[kind] = SuggestionIndex(table.names.all)
        }
        let before = suggestionIndexes[kind]!.answered
        let answer = suggestionIndexes[kind]!.suggestion(for: name, searchAllowed: suggestionsLeft > 0)
        if suggestionIndexes[kind]!.answered > before { suggestionsLeft -= 1 }
        return answer
    }

    /// A list of references (or one), flattened, each index once, in written order.
    mutating func resolveList(_ node: YAMLNode, kind: String, values: [String], what: @autoclosure () -> String) -> [Int]? {
        // Past the stored diagnostics every lookup fails at once (see `resolve`); a list is
        // not counted (its first item would have stopped it uncounted as well).
        guard storing else { return nil }
        var result: [Int] = []
        // Most lists name declared entities outright: resolved here without a list of
        // nodes or an array per reference.
        if doc.kind(node) == .sequence {
            let count = doc.count(node)
            result.reserveCapacity(count)
            let table = nameTable(kind)
            for i in 0..<count {
                guard let index = declaredName(doc.item(node, i), in: table) else { break }
                result.append(index)
            }
            if result.count == count {
                return spend(count, at: node) ? distinctInOrder(result) : nil
            }
            result.removeAll(keepingCapacity: true)
        }
        var ok = true
        for item in listItems(node) {
            guard storing, !workReported else { return nil }
            if let found = resolve(item, kind: kind, values: values, what: what()) {
                result.append(contentsOf: found)
            } else {
                ok = false
            }
        }
        guard ok else { return nil }
        return distinctInOrder(result)
    }

    /// A VLAN list: names (or patterns) and YAML integers naming a VLAN by its id. Sorted, distinct.
    mutating func vlanList(_ node: YAMLNode, values: [String], what: @autoclosure () -> String) -> [Int]? {
        var result: [Int] = []
        // A list of declared VLAN names (a name wins over an id, as below): no detour.
        if doc.kind(node) == .sequence {
            let count = doc.count(node)
            result.reserveCapacity(count)
            let table = nameTable("vlan")
            for i in 0..<count {
                guard let index = declaredName(doc.item(node, i), in: table) else { break }
                result.append(index)
            }
            if result.count == count {
                return spend(count, at: node) ? sortedDistinct(result) : nil
            }
            result.removeAll(keepingCapacity: true)
        }
        var ok = true
        for item in listItems(node) {
            guard spend(1, at: item) else { return nil }
            // Scalars are read as written: a VLAN named `0101` is that VLAN, not id 101.
            if let id = plainInteger(item), doc.withScalarBytes(item, { nameTable("vlan").index(ofBytes: $0) }) == nil {
                let matches = vlansByID[id] ?? []
                if matches.count == 1 {
                    result.append(matches[0])
                } else if matches.isEmpty {
                    error(.unresolvedReference, "\(what()) names VLAN id \(id), which no VLAN has", at: item)
                    ok = false
                } else {
                    let shared = matches.map { topology.vlans[$0].name }.sorted().joined(separator: ", ")
                    error(.unresolvedReference, "\(what()) names VLAN id \(id), which several VLANs share (\(shared)); name the VLAN instead", at: item)
                    ok = false
                }
            } else if let found = resolve(item, kind: "vlan", values: values, what: what()) {
                result.append(contentsOf: found)
            } else {
                ok = false
            }
        }
        guard ok else { return nil }
        return sortedDistinct(result)
    }

    mutating func vlanSelection(_ node: YAMLNode, values: [String], what: @autoclosure () -> String) -> VLANSelection? {
        if doc.kind(node) == .scalar, !doc.isQuoted(node), doc.scalarEquals(node, "all") { return .all }
        return vlanList(node, values: values, what: what()).map { .some($0) }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}

/// Each value once, in first-seen order; linear for the short lists references make.
func distinctInOrder(_ values: [Int]) -> [Int] {
    if values.count < 2 { return values }
    // A host's two uplinks, the usual case: distinct, returned as they are.
    if values.count == 2 && values[0] != values[1] { return values }
    if values.count <= 16 {
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for v in values where !out.contains(v) { out.append(v) }
        return out
    }
    // A long list (an anycast gateway on every leaf) is nearly always distinct already: a
    // sorted copy shows it for less than hashing every value into a set.
    let sorted = values.sorted()
    if !zip(sorted, sorted.dropFirst()).contains(where: { $0 == $1 }) { return values }
    var seen = Set<Int>(minimumCapacity: values.count)
    return values.filter { seen.insert($0).inserted }
}

/// The union of two sorted, distinct lists: sorted, each value once.
func sortedUnion(_ x: [Int], _ y: [Int]) -> [Int] {
    if x.isEmpty { return y }
    if y.isEmpty { return x }
    var out: [Int] = []
    out.reserveCapacity(x.count + y.count)
    var i = 0, j = 0
    while i < x.count || j < y.count {
        if j == y.count || (i < x.count && x[i] < y[j]) {
            out.append(x[i]); i += 1
        } else if i == x.count || y[j] < x[i] {
            out.append(y[j]); j += 1
        } else {
            out.append(x[i]); i += 1; j += 1
        }
    }
    return out
}

/// Sorted, each value once.
/// `values` sorted with repeats dropped, in place (no array made).
public func sortDistinctInPlace(_ values: inout [Int]) {
    guard values.count > 1 else { return }
    values.sort()
    var kept = 1
    for i in 1..<values.count where values[i] != values[kept - 1] {
        values[kept] = values[i]
        kept += 1
    }
    values.removeLast(values.count - kept)
}

public func sortedDistinct(_ values: [Int]) -> [Int] {
    if values.count < 2 { return values }
    let sorted = values.sorted()
    var out: [Int] = [sorted[0]]
    for v in sorted.dropFirst() where v != out[out.count - 1] { out.append(v) }
    return out
}
