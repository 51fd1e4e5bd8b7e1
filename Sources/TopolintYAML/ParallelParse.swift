import CYAML
import TopolintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A large file is read in two halves at once, one per core. libyaml's parser is the floor of
// the whole lint, and it is strictly sequential; but a topology is one block mapping whose
// nesting shows in its indentation, so a line near the middle that starts a mapping key,
// with a chain of `key:` lines above it, can start a second parse. That parse is given the
// chain as a short synthetic prefix, which makes the second half a complete document of the
// same shape; the two arenas are then joined along the chain.
//
// Anything unusual sends the file down the ordinary one-pass path: no suitable line, merge
// keys, document markers, a BOM or CR line ends, an error or a warning in either half, an
// alias in the second half to an anchor in the first, a key repeated across the halves, or
// halves whose shape does not match the chain. The result is the document a one-pass read
// gives (the same nodes, locations and values; only node numbering differs).

extension YAMLReader {
    /// Files smaller than this are read in one pass: below it two threads save too little
    /// to matter (a file this size parses in a few milliseconds).
    public static let parallelThreshold = 1 << 19

    /// How far past the middle a line that can start the second half is looked for.
    static let splitSearchBytes = 1 << 20

    /// The file read in two halves at once, or nil when it must be read in one pass.
    /// `at` picks the byte offset to split after (the middle when nil), for tests.
    public static func parseInHalves(_ source: [UInt8], file: String, limits: YAMLLimits = YAMLLimits(),
                                     at: Int? = nil) -> Result? {
        guard let plan = SplitPlan.find(in: source, near: at ?? source.count / 2), plan.prefix.count <= plan.offset else { return nil }
        // One line index, the whole file's, for both halves.
        let shared = Halves(source: source, file: file, limits: limits, plan: plan,
                            lineStarts: lineStarts(of: source, length: source.count))
        var built = Parallel.map(2) { shared.build($0) }
        guard !built[0].failed, !built[1].failed, built[0].diagnostics.isEmpty, built[1].diagnostics.isEmpty else { return nil }
        var document = built[0].document
        let secondHalf = built[1].document
        // The builders let go of their arrays, so that joining grows the first half's in place
        // (into the capacity reserved for the whole file) and frees the second's as it goes.
        built = []
        guard join(&document, secondHalf, plan: plan) else { return nil }
        return Result(document: document, diagnostics: [])
    }

    /// The first half's arena with the second's appended and the chain's mappings joined.
    /// The second half's offsets are the file's already (its builder read the file's bytes
    /// after the prefix where they lie); its node and child numbers move past the first's.
    static func join(_ doc: inout YAMLDocument, _ second: consuming YAMLDocument, plan: SplitPlan) -> Bool {
        // The second half's chain, read before its nodes are renumbered (its keys are the
        // synthetic prefix's, which has no place in the file).
        var chainB = [second.root]
        for key in plan.keys {
            guard let b = chainB.last, second.kind(b) == .mapping, second.count(b) > 0,
                  second.withScalarBytes(second.key(b, 0), { $0.elementsEqual(key) }) else { return false }
            chainB.append(second.value(b, 0))
        }
        let firstRoot = doc.root
        let nodeBase = Int32(doc.nodes.count), childBase = UInt32(doc.children.count), extraBase = UInt32(doc.extra.count)
        // Appended a block at a time, each block moved into the first half's numbering in
        // place and its pages in the second half given back at once: the second half's
        // arena is never resident twice.
        let block = 1 << 16
        for from in stride(from: 0, to: second.nodes.count, by: block) {
            let to = min(from + block, second.nodes.count), at = doc.nodes.count
            doc.nodes.append(contentsOf: second.nodes[from..<to])
            doc.nodes.withUnsafeMutableBufferPointer { nodes in
                for i in at..<nodes.count {
                    if nodes[i].kind != .scalar {
                        // An inline container counts the nodes under it: nothing to move.
                        if !nodes[i].isInline { nodes[i].a += childBase }
                    } else if nodes[i].inExtra {
                        nodes[i].a += extraBase
                    }
                }
            }
            releasePages(of: second.nodes, from..<to)
        }
        for from in stride(from: 0, to: second.children.count, by: block) {
            let to = min(from + block, second.children.count), at = doc.children.count
            doc.children.append(contentsOf: second.children[from..<to])
            doc.children.withUnsafeMutableBufferPointer { children in
                for i in at..<children.count { children[i] += nodeBase }
            }
            releasePages(of: second.children, from..<to)
        }
        doc.extra.append(contentsOf: second.extra)
        doc.hasAnchors = doc.hasAnchors || second.hasAnchors
        doc.secondHalfStart = nodeBase

        // Walk the chain down both halves: the first half's last pair and the second's first
        // pair at each level must be the chain's key, holding a mapping.
        chainB = chainB.map { YAMLNode($0.index + nodeBase) }
        var chainA = [firstRoot]
        for key in plan.keys {
            guard let a = chainA.last, doc.kind(a) == .mapping, doc.count(a) > 0 else { return false }
            let lastA = doc.count(a) - 1
            guard doc.withScalarBytes(doc.key(a, lastA), { $0.elementsEqual(key) }) else { return false }
            chainA.append(doc.value(a, lastA))
        }
        guard let deepestA = chainA.last, let deepestB = chainB.last,
              doc.kind(deepestA) == .mapping, doc.kind(deepestB) == .mapping else { return false }
        // Deepest first: each level's pairs are its own half's followed by the second half's,
        // less the second half's copy of the chain's key (the first half's pair already
        // points at the joined mapping below it).
        for level in stride(from: plan.keys.count, through: 0, by: -1) {
            let a = chainA[level], b = chainB[level]
            let skip = level == plan.keys.count ? 0 : 1
            var pairs: [Int32] = []
            pairs.reserveCapacity(2 * (doc.count(a) + doc.count(b)))
            for i in 0..<doc.count(a) { pairs.append(doc.key(a, i).index); pairs.append(doc.value(a, i).index) }
            for i in skip..<doc.count(b) { pairs.append(doc.key(b, i).index); pairs.append(doc.value(b, i).index) }
            guard !hasRepeatedKey(pairs, in: doc) else { return false }
            let start = UInt32(doc.children.count)
            doc.children.append(contentsOf: pairs)
            doc.nodes[Int(a.index)].setChildren(start: start, count: UInt32(pairs.count / 2))
        }
        return true
    }

    /// A key written in both halves of one mapping: the one-pass read reports it, so the
    /// file goes that way.
    static func hasRepeatedKey(_ pairs: [Int32], in doc: YAMLDocument) -> Bool {
        var seen: [UInt64: [Int32]] = [:]
        seen.reserveCapacity(pairs.count / 2)
        for i in stride(from: 0, to: pairs.count, by: 2) {
            let key = YAMLNode(pairs[i])
            guard doc.kind(key) == .scalar else { return true }
            let hash = doc.scalarHash(key)
            if let earlier = seen[hash] {
                for other in earlier where doc.withScalarBytes(key, { k in doc.withScalarBytes(YAMLNode(other)) { $0.elementsEqual(k) } }) {
                    return true
                }
            }
            seen[hash, default: []].append(pairs[i])
        }
        return false
    }
}

/// What the two threads share: each builds its own half and reads only these.
private struct Halves: @unchecked Sendable {
    let source: [UInt8]
    let file: String
    let limits: YAMLLimits
    let plan: SplitPlan
    let lineStarts: [UInt32]

    func build(_ half: Int) -> TreeBuilder {
        var builder = half == 0
            ? TreeBuilder(file: file, source: source, limits: limits, inputLength: plan.offset, reserve: source.count, lineStarts: lineStarts)
            : TreeBuilder(file: file, source: source, limits: limits,
                          prefixed: PrefixedInput(prefix: plan.prefix, offset: plan.offset), lineStarts: lineStarts)
        builder.run()
        return builder
    }
}

/// Where the second half starts and the chain of mapping keys above that line.
struct SplitPlan {
    /// Byte offset of the line that starts the second half.
    var offset: Int
    /// The keys of the enclosing mappings, outermost first.
    var keys: [[UInt8]]
    /// The chain written as YAML: one `key:` line per level, indented as in the file.
    var prefix: [UInt8]

    /// The first suitable line at or after `near`, within `YAMLReader.splitSearchBytes`.
    static func find(in source: [UInt8], near: Int) -> SplitPlan? {
        guard source.count > 64, !source.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return source.withUnsafeBufferPointer { bytes -> SplitPlan? in
            // Shapes this reader does not split: CR line ends, merge keys, a second document.
            if memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil { return nil }
            if hasMergeKeyOrMarker(bytes) {
                return nil
            }
            guard firstContentLineIsKey(bytes) else { return nil }
            var start = lineStart(after: min(max(near, 0), bytes.count - 1), bytes)
            let limit = min(bytes.count, start + YAMLReader.splitSearchBytes)
            while start < limit {
                if let keys = chain(above: start, bytes) {
                    var prefix: [UInt8] = []
                    for (depth, key) in keys {
                        prefix.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth))
                        prefix.append(contentsOf: key)
                        prefix.append(contentsOf: [UInt8(ascii: ":"), 0x0A])
                    }
                    return SplitPlan(offset: start, keys: keys.map(\.key), prefix: prefix)
                }
                start = lineStart(after: start, bytes)
            }
            return nil
        }
    }

    /// The start of the line after the one holding `offset` (the end when there is none).
    static func lineStart(after offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset < bytes.count, let nl = memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset) else { return bytes.count }
        return bytes.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// A `<<` anywhere (a merge key, or text that looks like one), or a line after the first
    /// that starts with `---` or `...` (a document marker). One pass over the lines for both
    /// markers; `<` is rare enough in a topology to be looked for on its own.
    static func hasMergeKeyOrMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let p = bytes.baseAddress!, count = bytes.count
        var at = 0
        while at + 1 < count, let hit = memchr(p + at, Int32(UInt8(ascii: "<")), count - at - 1) {
            let i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[i + 1] == UInt8(ascii: "<") { return true }
            at = i + 1
        }
        at = 0
        while at < count, let nl = memchr(p + at, 0x0A, count - at) {
            let i = p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            if i + 3 <= count {
                let c = p[i]
                if (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && p[i + 1] == c && p[i + 2] == c { return true }
            }
            at = i
        }
        return false
    }

    /// The document is a block mapping: its first line that is not blank, a comment or a
    /// directive is a `key:` at column 0.
    static func firstContentLineIsKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            let line = Line(bytes, start)
            if !line.isBlankOrComment { return line.indent == 0 && line.key != nil }
            start = lineStart(after: start, bytes)
        }
        return false
    }

    /// When the line at `start` is `key: …` inside a chain of block mappings (each level a
    /// line `key:` and nothing else, less indented than the one below), that chain; nil
    /// otherwise (a sequence, a block scalar, a flow collection or a multi-line scalar on
    /// the way up, or a key this reader does not take for plain).
    static func chain(above start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> [(depth: Int, key: [UInt8])]? {
        let line = Line(bytes, start)
        guard !line.isBlankOrComment, line.key != nil else { return nil }
        var depth = line.indent
        var keys: [(depth: Int, key: [UInt8])] = []
        var cursor = start
        var first = true
        while depth > 0 {
            guard cursor > 0 else { return nil }
            // The previous line's start.
            var begin = cursor - 1
            while begin > 0 && bytes[begin - 1] != 0x0A { begin -= 1 }
            cursor = begin
            let above = Line(bytes, begin)
            if above.isBlankOrComment { continue }
            // The line must have a sibling above it: were it its mapping's first key, the
            // first half would end on `key:` with no value.
            if first && above.indent < depth { return nil }
            first = false
            if above.indent >= depth { continue }
            guard let key = above.key, above.opensBlock else { return nil }
            keys.append((above.indent, key))
            depth = above.indent
        }
        return keys.reversed()
    }
}

/// One line of the file, read just far enough to know its indentation and plain key.
private struct Line {
    var indent = 0
    var isBlankOrComment = true
    /// The key of a `key:` line whose key is plain and simple (letters, digits, `_ . - /`).
    var key: [UInt8]?
    /// Nothing after the colon but spaces or a comment: the value is the block below.
    var opensBlock = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
        var i = start
        while i < bytes.count && bytes[i] == UInt8(ascii: " ") { i += 1 }
        indent = i - start
        guard i < bytes.count, bytes[i] != 0x0A, bytes[i] != UInt8(ascii: "#") else { return }
        if bytes[i] == UInt8(ascii: "\t") { isBlankOrComment = false; return }
        isBlankOrComment = false
        let keyStart = i
        while i < bytes.count, Line.isKeyByte(bytes[i]) { i += 1 }
        guard i > keyStart, i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return }
        // A key starting with '-' is a sequence item, '.' or a digit run are fine.
        guard bytes[keyStart] != UInt8(ascii: "-") else { return }
        let afterColon = i + 1
        guard afterColon >= bytes.count || bytes[afterColon] == UInt8(ascii: " ") || bytes[afterColon] == 0x0A else { return }
        key = Array(UnsafeBufferPointer(rebasing: bytes[keyStart..<i]))
        var j = afterColon
        while j < bytes.count && bytes[j] == UInt8(ascii: " ") { j += 1 }
        opensBlock = j >= bytes.count || bytes[j] == 0x0A || (bytes[j] == UInt8(ascii: "#") && j > afterColon)
    }

    static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/")
    }
}
