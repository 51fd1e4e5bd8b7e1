import TopolintCore

/// The three kinds of YAML node. Aliases are resolved while reading (they share the anchored
/// node), and merge keys are folded into the mapping that holds them.
public enum YAMLNodeKind: UInt8, Sendable {
    case scalar = 0, mapping = 1, sequence = 2
}

/// A handle on one node of a `YAMLDocument`. Plain index: cheap to copy and store.
public struct YAMLNode: Hashable, Sendable {
    @usableFromInline let index: Int32
    @usableFromInline init(_ index: Int32) { self.index = index }
}

/// A node packed into 12 bytes. There is no per-node allocation: scalars point into the
/// source bytes (or, when libyaml had to unescape or fold them, into `extra`), containers
/// point at a run of `children`, or (a few children, each written after the one before:
/// most containers of a topology) keep no list at all, the arena's order saying where each
/// child is. A node's line and column are not stored: they follow from its byte offset and
/// the document's table of line starts, when a message needs them.
@usableFromInline
struct PackedNode: Sendable {
    /// Byte offset in the source of the node's first character.
    @usableFromInline var start: UInt32
    /// Scalar: byte offset of its value. Container: index of its first child in `children`,
    /// or when inline, how many nodes are written under it.
    @usableFromInline var a: UInt32
    /// Low 28 bits: `b`. Bits 28–29: kind. Bit 30: quoted or block scalar (not plain).
    /// Bit 31: a scalar's bytes live in `extra`; a container is inline (its children are
    /// the nodes after it, in order, and `children` holds none of them).
    @usableFromInline var bits: UInt32

    @usableFromInline static let countMask: UInt32 = 0x0FFF_FFFF
    /// The largest scalar length or container size a node holds.
    static let maxCount = Int(countMask)
    @usableFromInline static let quotedBit: UInt32 = 1 << 30
    @usableFromInline static let extraBit: UInt32 = 1 << 31

    init(start: Int, kind: YAMLNodeKind, quoted: Bool = false, extra: Bool = false, a: UInt32 = 0, b: UInt32 = 0) {
        self.start = UInt32(truncatingIfNeeded: min(max(start, 0), Int(UInt32.max)))
        var bits = (b & PackedNode.countMask) | (UInt32(kind.rawValue) << 28)
        if quoted { bits |= PackedNode.quotedBit }
        if extra { bits |= PackedNode.extraBit }
        self.bits = bits
        self.a = a
    }

    /// Scalar: byte length. Sequence: item count. Mapping: pair count (keys and values
    /// alternate in `children`).
    @inlinable var b: UInt32 {
        get { bits & PackedNode.countMask }
        set { bits = (bits & ~PackedNode.countMask) | (newValue & PackedNode.countMask) }
    }

    @inlinable var kind: YAMLNodeKind { YAMLNodeKind(rawValue: UInt8((bits >> 28) & 3))! }
    @inlinable var isQuoted: Bool { bits & PackedNode.quotedBit != 0 }
    @inlinable var inExtra: Bool { bits & PackedNode.extraBit != 0 }
    /// A container whose children are found by the arena's order (see `bits`).
    @inlinable var isInline: Bool { bits & PackedNode.extraBit != 0 && kind != .scalar }

    /// Children kept inline at most: finding child i walks past the i before it.
    static let maxInlineChildren = 8

    /// A container's children listed in `children` from `start`.
    mutating func setChildren(start: UInt32, count: UInt32) {
        bits &= ~PackedNode.extraBit
        a = start
        b = count
    }

    /// A container's children, the nodes after it: `count` items or pairs, `written` nodes
    /// in all.
    mutating func setInline(count: UInt32, written: UInt32) {
        bits |= PackedNode.extraBit
        a = written
        b = count
    }
}

/// A parsed YAML document: the source bytes plus a flat arena of located nodes.
public struct YAMLDocument: Sendable {
    public let file: String
    public let source: [UInt8]
    @usableFromInline var extra: [UInt8]
    @usableFromInline var nodes: [PackedNode]
    @usableFromInline var children: [Int32]
    public internal(set) var root: YAMLNode
    /// Byte offset of each line's first character (the first line's after a byte order
    /// mark), with line breaks counted as libyaml counts them.
    var lineStarts: [UInt32] = []
    /// An anchor is written somewhere: a node may then be reached from two places.
    var hasAnchors = false
    /// Read in two halves: the first node of the second half (the chain's mappings were
    /// joined across this point).
    var secondHalfStart: Int32?

    init(file: String, source: [UInt8]) {
        self.file = file
        self.source = source
        self.extra = []
        self.nodes = []
        self.children = []
        self.root = YAMLNode(0)
    }

    /// Indexes the lines of the first `length` bytes of the source.
    mutating func indexLines(upTo length: Int? = nil) {
        lineStarts = TopolintCore.lineStarts(of: source, length: length ?? source.count)
    }

    /// 1-based line and column of a byte offset (columns count characters).
    func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(ofByte: offset)
        return (line + 1, column(ofByte: offset, onLine: line))
    }

    /// The 0-based line holding a byte offset, found by halving the table of line starts.
    private func lineIndex(ofByte offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(lo - 1, 0)
    }

    /// The 1-based column of a byte offset on 0-based line `line` (characters, not bytes).
    private func column(ofByte offset: Int, onLine line: Int) -> Int {
        let from = lineStarts.isEmpty ? 0 : Int(lineStarts[line]), to = min(offset, source.count)
        var column = 0
        if from < to {
            for i in from..<to where source[i] & 0xC0 != 0x80 { column += 1 }
        }
        return column + 1
    }

    /// How many nodes the arena holds (aliases share theirs, so this is what memory costs).
    public var nodeCount: Int { nodes.count }

    @inlinable public func kind(_ node: YAMLNode) -> YAMLNodeKind { nodes[Int(node.index)].kind }

    /// The same, for nodes met in file order: `hint` is the 0-based line of the node met
    /// before, and the search walks forward from it (a host a line, so a step or two) rather
    /// than halving the whole table. It is updated to this node's line.
    public func lineAndColumn(_ node: YAMLNode, hint: inout Int) -> (line: Int, column: Int) {
        let offset = Int(nodes[Int(node.index)].start)
        var line = min(max(hint, 0), max(lineStarts.count - 1, 0))
        if lineStarts.isEmpty || Int(lineStarts[line]) > offset {
            line = lineIndex(ofByte: offset)
        } else {
            var steps = 0
            while line + 1 < lineStarts.count && Int(lineStarts[line + 1]) <= offset {
                line += 1
                steps += 1
                // Far ahead: halve the table instead.
                if steps == 8 { line = lineIndex(ofByte: offset); break }
            }
        }
        hint = line
        return (line + 1, column(ofByte: offset, onLine: line))
    }

    /// The node's line and column alone, 1-based (no file name: nothing retained, for hot loops).
    public func lineAndColumn(_ node: YAMLNode) -> (line: Int, column: Int) {
        lineAndColumn(ofByte: Int(nodes[Int(node.index)].start))
    }

    /// Where the node starts, 1-based.
    public func location(_ node: YAMLNode) -> SourceLocation {
        let (line, column) = lineAndColumn(node)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// About how many nodes are written under `node`, itself included: the arena holds nodes
    /// in the order written, so a subtree runs from its node to its last descendant. For
    /// weighing work only (an alias can end a subtree early; the walk is bounded).
    public func writtenSpan(_ node: YAMLNode) -> Int {
        var last = node
        for _ in 0..<256 {
            let n = count(last)
            guard n > 0 else { break }
            let child = kind(last) == .mapping ? value(last, n - 1) : item(last, n - 1)
            guard child.index > last.index else { break }
            last = child
        }
        return Int(last.index) - Int(node.index) + 1
    }

    /// Gives back the memory (see `releasePages`) of the nodes written from `first` up to
    /// the last one under `last`, for a reader that is done with them all: the clusters of
    /// a large design, hosts and all, are most of its nodes, and the rest of the load does
    /// not read them again. They must be consecutive entries of one mapping or list (from
    /// a key to a later value, say), so that everything written between them goes too.
    /// Afterwards none of them may be read (they read as empty scalars). Returns false,
    /// giving nothing back, where the nodes might be read from elsewhere: a document with
    /// anchors (an alias shares the anchored node), or a run the two halves of a read were
    /// joined across (its nodes and their child lists are not together).
    /// How many nodes are written from `first` to `last` (itself excluded): the arena holds
    /// nodes in the order written, so this is what a run of entries weighs.
    public func nodesWritten(from first: YAMLNode, to last: YAMLNode) -> Int {
        Int(last.index) - Int(first.index)
    }

    /// With `source`, the bytes they were read from go too (from the first one's to the
    /// next node's): the document's scalars and the lines shown under messages are then
    /// no longer in `source` (see `lineIndex` for finding them in the file).
    @discardableResult
    public func releaseWritten(from first: YAMLNode, through last: YAMLNode, source releasingSource: Bool = false) -> Bool {
        let from = Int(first.index), end = Int(last.index) + writtenSpan(last)
        guard !hasAnchors, from < end, from > Int(root.index) else { return false }
        if let joined = secondHalfStart, from <= Int(joined), Int(joined) < end { return false }
        // The child lists of those containers were written as each closed, one after another.
        var low = Int.max, high = 0
        nodes.withUnsafeBufferPointer { nodes in
            for i in from..<end where nodes[i].kind != .scalar && !nodes[i].isInline {
                low = min(low, Int(nodes[i].a))
                high = max(high, Int(nodes[i].a) + Int(nodes[i].b) * (nodes[i].kind == .mapping ? 2 : 1))
            }
        }
        releasePages(of: nodes, from..<end)
        if low < high { releasePages(of: children, low..<high) }
        if releasingSource {
            // Up to where the next node starts (the second half's first node starts before
            // the split, never after a node of the first half's).
            let fromByte = Int(nodes[from].start), toByte = end < nodes.count ? Int(nodes[end].start) : source.count
            if fromByte < toByte { releasePages(of: source, fromByte..<toByte) }
        }
        return true
    }

    /// Where each line of the source starts (a byte offset; the first line's after a byte
    /// order mark), as libyaml counts lines.
    public var lineIndex: [UInt32] { lineStarts }

    /// Number of items (sequence), pairs (mapping), or 0 (scalar).
    @inlinable public func count(_ node: YAMLNode) -> Int {
        let packed = nodes[Int(node.index)]
        return packed.kind == .scalar ? 0 : Int(packed.b)
    }

    @inlinable public func item(_ node: YAMLNode, _ i: Int) -> YAMLNode { child(node, i) }

    @inlinable public func key(_ node: YAMLNode, _ i: Int) -> YAMLNode { child(node, 2 * i) }

    @inlinable public func value(_ node: YAMLNode, _ i: Int) -> YAMLNode { child(node, 2 * i + 1) }

    /// A container's child `k` (items in order; a mapping's keys and values alternate).
    @inlinable func child(_ node: YAMLNode, _ k: Int) -> YAMLNode {
        let packed = nodes[Int(node.index)]
        guard packed.isInline else { return YAMLNode(children[Int(packed.a) + k]) }
        var c = Int(node.index) + 1
        for _ in 0..<k { c = end(of: c) }
        return YAMLNode(Int32(c))
    }

    /// The child after `child`, which is child `k` of `container`: one step, where
    /// `item`, `key` and `value` find child k of an inline container by walking past the k
    /// before it. For loops over every child of a container.
    @inlinable public func nextChild(of container: YAMLNode, after child: YAMLNode, at k: Int) -> YAMLNode {
        let packed = nodes[Int(container.index)]
        if packed.isInline { return YAMLNode(Int32(end(of: Int(child.index)))) }
        return YAMLNode(children[Int(packed.a) + k + 1])
    }

    /// The index after node `c` and everything written under it, for a node whose subtree
    /// lies in the order written (every child of an inline container).
    @inlinable func end(of c: Int) -> Int {
        var c = c
        while true {
            let packed = nodes[c]
            if packed.kind == .scalar { return c + 1 }
            if packed.isInline { return c + 1 + Int(packed.a) }
            let width = Int(packed.b) * (packed.kind == .mapping ? 2 : 1)
            guard width > 0 else { return c + 1 }
            let last = Int(children[Int(packed.a) + width - 1])
            guard last > c else { return c + 1 }
            c = last
        }
    }

    /// The items of a sequence.
    public func items(_ node: YAMLNode) -> [YAMLNode] {
        (0..<count(node)).map { item(node, $0) }
    }

    /// The value under a scalar key of a mapping, if present.
    public func lookup(_ mapping: YAMLNode, _ key: String) -> YAMLNode? {
        guard kind(mapping) == .mapping else { return nil }
        for i in 0..<count(mapping) where scalarEquals(self.key(mapping, i), key) {
            return value(mapping, i)
        }
        return nil
    }

    /// True for a scalar written in quotes or as a block scalar (`|`, `>`).
    @inlinable public func isQuoted(_ node: YAMLNode) -> Bool { nodes[Int(node.index)].isQuoted }

    /// Calls `body` with the scalar's bytes (empty for containers). No copy is made.
    @inlinable public func withScalarBytes<R>(_ node: YAMLNode, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let packed = nodes[Int(node.index)]
        guard packed.kind == .scalar else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = Int(packed.a), length = Int(packed.b)
        if packed.inExtra {
            return try extra.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
        }
        return try source.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// The scalar's text (a String is made here: call it for names, not in hot comparisons).
    public func string(_ node: YAMLNode) -> String {
        withScalarBytes(node) { String(decoding: $0, as: UTF8.self) }
    }

    /// Compares a scalar with a string without making a String.
    public func scalarEquals(_ node: YAMLNode, _ text: String) -> Bool {
        guard kind(node) == .scalar else { return false }
        var text = text
        return text.withUTF8 { want in
            withScalarBytes(node) { have in
                bytesEqual(have, want)
            }
        }
    }

    /// How a value is named in messages: `a mapping`, `a list`, `nothing` or `'text'`.
    public func describe(_ node: YAMLNode) -> String {
        switch kind(node) {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull(node) ? "nothing" : "'\(string(node))'"
        }
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar: YAML's null.
    public func isNull(_ node: YAMLNode) -> Bool {
        guard kind(node) == .scalar, !isQuoted(node) else { return false }
        return withScalarBytes(node) { bytes in
            switch bytes.count {
            case 0: return true
            case 1: return bytes[0] == UInt8(ascii: "~")
            case 4: return ["null", "Null", "NULL"].contains(String(decoding: bytes, as: UTF8.self))
            default: return false
            }
        }
    }

    /// The `nameHash` of a scalar's bytes, for hash tables keyed by names.
    public func scalarHash(_ node: YAMLNode) -> UInt64 {
        withScalarBytes(node) { nameHash($0) }
    }

    /// The text of the 1-based line `line`, for snippets under a message.
    public func lineText(_ line: Int) -> String? { sourceLine(source, line) }
}

/// The text of a 1-based line of `source` (without its line break), or nil past the end.
public func sourceLine(_ source: [UInt8], _ line: Int) -> String? {
    guard line >= 1 else { return nil }
    var current = 1, start = 0, i = 0
    while current < line {
        guard let nl = source[i...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        i = nl + 1
        current += 1
        start = i
    }
    guard start <= source.count else { return nil }
    var end = source[start...].firstIndex(of: UInt8(ascii: "\n")) ?? source.count
    if end > start, source[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: source[start..<end], as: UTF8.self)
}
