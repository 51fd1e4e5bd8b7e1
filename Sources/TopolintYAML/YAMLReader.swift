import CYAML
import TopolintCore

/// Hard limits that keep hostile or broken input from eating the machine.
public struct YAMLLimits: Sendable {
    /// Containers nested deeper than this are an error (the tree walkers recurse).
    public var maxDepth: Int
    /// Nodes the document may hold once aliases are expanded; an alias bomb stops here.
    public var maxExpandedNodes: Int

    public init(maxDepth: Int = 128, maxExpandedNodes: Int? = nil) {
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes ?? 0
    }

    /// The expansion limit once `writtenNodes` nodes have been read: a million nodes of
    /// headroom plus four per written node, far above what a real topology expands to and
    /// far below a bomb. Written nodes, not bytes: comments and padding buy nothing.
    func expansionLimit(writtenNodes: Int) -> Int {
        maxExpandedNodes > 0 ? maxExpandedNodes : 1_000_000 + 4 * writtenNodes
    }
}

/// Reads one YAML document with libyaml's event API into a `YAMLDocument`.
public enum YAMLReader {
    /// The outcome: a document (absent after a syntax error) and the problems found.
    /// Duplicate keys leave the document usable (the first key wins) and add a TL004.
    public struct Result: Sendable {
        public var document: YAMLDocument?
        public var diagnostics: [Diagnostic]
        /// The file holds no document at all (nothing, or only comments and blank space):
        /// callers reading other kinds of file say so in their own words.
        public var isEmpty = false
    }

    /// A file of `parallelThreshold` bytes or more is read in two halves at once (see
    /// `parseInHalves`) unless `inHalves` is false.
    public static func parse(_ source: [UInt8], file: String, limits: YAMLLimits = YAMLLimits(), inHalves: Bool = true) -> Result {
        if let problem = unsupportedEncoding(source) {
            return Result(document: nil, diagnostics: [Diagnostic(.yamlSyntax, problem, at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if inHalves, source.count >= parallelThreshold, Parallel.enabled,
           let halves = parseInHalves(source, file: file, limits: limits) {
            return halves
        }
        var builder = TreeBuilder(file: file, source: source, limits: limits)
        builder.run()
        if builder.failed { return Result(document: nil, diagnostics: builder.diagnostics, isEmpty: builder.empty) }
        return Result(document: builder.document, diagnostics: builder.diagnostics)
    }

    /// libyaml would transcode UTF-16 silently, after which its marks no longer match our
    /// byte offsets; a topology file is UTF-8, so say so plainly.
    static func unsupportedEncoding(_ source: [UInt8]) -> String? {
        // UTF-32 first: its little-endian mark starts with UTF-16's.
        if source.count >= 4, source[0...3].elementsEqual([0xFF, 0xFE, 0, 0]) || source[0...3].elementsEqual([0, 0, 0xFE, 0xFF]) {
            return "the file is UTF-32 encoded; topology files must be UTF-8"
        }
        if source.count >= 2, (source[0] == 0xFF && source[1] == 0xFE) || (source[0] == 0xFE && source[1] == 0xFF) {
            return "the file is UTF-16 encoded; topology files must be UTF-8"
        }
        return nil
    }
}

/// Turns libyaml events into the packed arena, one pass, no recursion.
struct TreeBuilder {
    var document: YAMLDocument
    var diagnostics: [Diagnostic] = []
    var failed = false
    var empty = false
    let limits: YAMLLimits
    var expansionLimit: Int { limits.expansionLimit(writtenNodes: document.nodes.count) }

    private struct Frame {
        var node: Int32
        var isMapping: Bool
        var scratchStart: Int
        var anchor: String?
        /// Nodes under this container once aliases are expanded (itself included).
        var expandedSize: Int
        /// Everything under it lies after it in the order written, each child's nodes after
        /// the one before: no alias, no key dropped as a duplicate, no merge.
        var inOrder = true
    }

    private var stack: [Frame] = []
    /// The open container's `expandedSize`, kept out of the stack while it grows (a write
    /// into the stack's last frame per node cost a uniqueness check each); stored into its
    /// frame when a container opens inside it.
    private var topExpanded = 0
    /// Children of open containers, in order; moved into `document.children` at close.
    private var scratch: [Int32] = []
    private var anchors: [String: (node: Int32, size: Int)] = [:]
    private var expandedTotal = 0
    private var documents = 0
    private var rootSet = false
    /// Byte offset of the character whose index libyaml calls 0 (after a BOM).
    private let base: Int
    /// Walks the source forward turning libyaml's character indexes into byte offsets.
    private var cursorChar = 0
    private var cursorByte = 0
    /// The input is ASCII (the usual topology file): a character index is then a byte
    /// offset, and the walk is skipped.
    private let asciiOnly: Bool
    /// Reused by duplicate-key detection in large mappings: an open-addressing table of the
    /// keys kept so far (0 empty, else the key's node + 1) and their hashes, probed with the
    /// scalar's own hash (a dictionary hashed that hash again, with SipHash, for every key
    /// of every large mapping).
    private var keySlots: [Int32] = []
    private var keyHashes: [UInt64] = []

    /// libyaml reads the first `inputLength` bytes of `source` (all of them when nil), or
    /// with `prefixed`, the prefix and then the source from its offset.
    let inputLength: Int
    /// The input's first characters that are not the source's but `prefixed`'s prefix
    /// (ASCII, one byte a character): 0 for an ordinary read.
    private let prefixLength: Int
    private let prefixed: PrefixedInput?

    /// `lineStarts`, when given, is the source's line index (else it is made here).
    init(file: String, source: [UInt8], limits: YAMLLimits, inputLength: Int? = nil, reserve: Int? = nil,
         prefixed: PrefixedInput? = nil, lineStarts: [UInt32]? = nil) {
        document = YAMLDocument(file: file, source: source)
        self.limits = limits
        self.prefixed = prefixed
        if let prefixed {
            // Character i of the prefix stands at byte `base + i`: just before the offset,
            // so that the source's bytes from the offset on keep their own offsets.
            prefixLength = prefixed.prefix.count
            self.inputLength = prefixLength + source.count - prefixed.offset
            base = prefixed.offset - prefixLength
        } else {
            prefixLength = 0
            self.inputLength = min(inputLength ?? source.count, source.count)
            base = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }
        cursorChar = prefixLength
        cursorByte = base + prefixLength
        let asciiFrom = min(base + prefixLength, source.count), asciiTo = min(base + self.inputLength, source.count)
        asciiOnly = source.withUnsafeBufferPointer { isASCII(UnsafeBufferPointer(rebasing: $0[asciiFrom..<max(asciiFrom, asciiTo)])) }
        // Generously: capacity that is never touched costs address space, not memory (the
        // pages of a large array are only made resident when written), while running out
        // means copying the whole array into one twice its size.
        document.nodes.reserveCapacity((reserve ?? self.inputLength) / 8)
        document.children.reserveCapacity((reserve ?? self.inputLength) / 8)
        if let lineStarts { document.lineStarts = lineStarts } else { document.indexLines(upTo: self.inputLength) }
    }

    mutating func run() {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            fail("libyaml could not start (out of memory)", line: 0, column: 0)
            return
        }
        defer { yaml_parser_delete(parser) }
        let source = document.source
        source.withUnsafeBufferPointer { buffer in
            let input = UnsafeMutablePointer<InputCursor>.allocate(capacity: 1)
            defer { input.deallocate() }
            if let prefixed {
                // The prefix, then the source from the offset, fed through a read handler:
                // no copy of the source's second half is made.
                input.initialize(to: InputCursor(prefix: prefixed.prefix, rest: UnsafeBufferPointer(rebasing: buffer[prefixed.offset...])))
                yaml_parser_set_input(parser, { data, out, size, read in
                    guard let data, let out, let read else { return 0 }
                    read.pointee = data.assumingMemoryBound(to: InputCursor.self).pointee.fill(out, size)
                    return 1
                }, input)
            } else {
                yaml_parser_set_input_string(parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, inputLength)
            }
            while !failed {
                guard yaml_parser_parse(parser, event) == 1 else {
                    reportParserError(parser.pointee, buffer)
                    return
                }
                let done = event.pointee.type == YAML_STREAM_END_EVENT
                handle(event.pointee, buffer)
                yaml_event_delete(event)
                if done { break }
            }
        }
        if !failed && !rootSet {
            empty = true
            fail("the file is empty: a topology file holds one YAML mapping (topology, version, ...)", line: 0, column: 0)
        }
    }

    // MARK: events

    private mutating func handle(_ event: yaml_event_t, _ source: UnsafeBufferPointer<UInt8>) {
        let line = Int(event.start_mark.line), column = Int(event.start_mark.column)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail("more than one YAML document in the file; a topology file holds exactly one", line: line, column: column)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            // `!!str 1` and `! 1` are the text "1", as if quoted: the tag says so, and a typed
            // field must not read a number there.
            let quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE || (scalar.tag != nil && TreeBuilder.isStringTag(scalar.tag!))
            let node = addScalar(value: scalar.value, length: Int(scalar.length), quoted: quoted,
                                 startChar: Int(event.start_mark.index), endChar: Int(event.end_mark.index),
                                 line: line, column: column, source: source)
            if let anchor = scalar.anchor { anchors[String(cString: anchor)] = (node, 1); document.hasAnchors = true }
            attach(node, size: 1)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            if stack.count >= limits.maxDepth {
                fail("nesting deeper than \(limits.maxDepth) levels; a topology never needs that many", line: line, column: column)
                return
            }
            let index = Int32(document.nodes.count)
            let startChar = Int(event.start_mark.index)
            let startByte = byteOffset(ofChar: startChar, source)
            cursorChar = startChar
            cursorByte = startByte
            document.nodes.append(PackedNode(start: startByte, kind: isMapping ? .mapping : .sequence))
            if !stack.isEmpty { stack[stack.count - 1].expandedSize = topExpanded }
            stack.append(Frame(node: index, isMapping: isMapping, scratchStart: scratch.count,
                               anchor: anchorPointer.map { String(cString: $0) }, expandedSize: 1))
            topExpanded = 1
            countWritten(line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close(source)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let target = anchors[name] else {
                fail("alias '*\(name)' names no anchor defined before it", line: line, column: column)
                return
            }
            countExpanded(target.size, line: line, column: column)
            if !stack.isEmpty { stack[stack.count - 1].inOrder = false }
            if !failed { attach(target.node, size: target.size) }
        default:
            break
        }
    }

    /// One node written (not an alias): the default limit grows by four per written node,
    /// so one more node can only cross a fixed limit given in `limits`.
    @inline(__always)
    private mutating func countWritten(line: Int, column: Int) {
        expandedTotal += 1
        if limits.maxExpandedNodes > 0 && expandedTotal > limits.maxExpandedNodes {
            fail("aliases expand the document past \(expansionLimit) nodes (an alias bomb?); refusing to expand further",
                 line: line, column: column)
        }
    }

    private mutating func countExpanded(_ n: Int, line: Int, column: Int) {
        expandedTotal += n
        if expandedTotal > expansionLimit {
            fail("aliases expand the document past \(expansionLimit) nodes (an alias bomb?); refusing to expand further",
                 line: line, column: column)
        }
    }

    private mutating func attach(_ node: Int32, size: Int) {
        if stack.isEmpty {
            document.root = YAMLNode(node)
            rootSet = true
        } else {
            scratch.append(node)
            topExpanded += size
        }
    }

    private mutating func close(_ source: UnsafeBufferPointer<UInt8>) {
        guard var frame = stack.popLast() else { return }
        frame.expandedSize = topExpanded
        if let parent = stack.last { topExpanded = parent.expandedSize }
        let start = UInt32(document.children.count)
        let written = scratch.count - frame.scratchStart
        if !frame.isMapping || isPlainSmallMapping(scratch[frame.scratchStart...]) {
            if frame.inOrder && written <= PackedNode.maxInlineChildren {
                // A few children, each written right after the one before: the arena's
                // order says where they are, and no list of them is kept (most containers
                // of a topology: a host's mapping, its uplinks).
                scratch.shrink(to: frame.scratchStart)
                document.nodes[Int(frame.node)].setInline(count: UInt32(written / (frame.isMapping ? 2 : 1)),
                                                          written: UInt32(document.nodes.count - Int(frame.node) - 1))
                if let anchor = frame.anchor { anchors[anchor] = (frame.node, frame.expandedSize); document.hasAnchors = true }
                attach(frame.node, size: frame.expandedSize)
                return
            }
            // Nothing to drop or merge (sequences, and the small mappings that make up most
            // of a topology): the children go over as they are, with no array per container.
            document.children.append(contentsOf: scratch[frame.scratchStart...])
        } else {
            let pairs = applyMerges(dedupeKeys(Array(scratch[frame.scratchStart...])))
            if !pairs.elementsEqual(scratch[frame.scratchStart...]) { frame.inOrder = false }
            document.children.append(contentsOf: pairs)
        }
        scratch.shrink(to: frame.scratchStart)
        let count = (document.children.count - Int(start)) / (frame.isMapping ? 2 : 1)
        guard count <= PackedNode.maxCount else {
            let (line, column) = document.lineAndColumn(ofByte: Int(document.nodes[Int(frame.node)].start))
            fail("a list or mapping of more than \(PackedNode.maxCount) entries", line: line - 1, column: column - 1)
            return
        }
        document.nodes[Int(frame.node)].setChildren(start: start, count: UInt32(count))
        if !frame.inOrder, !stack.isEmpty { stack[stack.count - 1].inOrder = false }
        if let anchor = frame.anchor { anchors[anchor] = (frame.node, frame.expandedSize); document.hasAnchors = true }
        attach(frame.node, size: frame.expandedSize)
    }

    /// The YAML string tag (`!!str`, resolved by libyaml to its full name) or the
    /// non-specific `!`.
    @inline(never)
    static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>) -> Bool {
        let text = String(cString: tag)
        return text == "tag:yaml.org,2002:str" || text == "!"
    }

    /// A mapping of at most 12 pairs with no merge key and no key written twice.
    private func isPlainSmallMapping(_ pairs: ArraySlice<Int32>) -> Bool {
        let n = pairs.count / 2, base = pairs.startIndex
        guard n <= 12 else { return false }
        for i in 0..<n {
            let key = pairs[base + 2 * i]
            if isMergeKey(YAMLNode(key)) { return false }
            for j in 0..<i where sameScalar(key, pairs[base + 2 * j]) { return false }
        }
        return true
    }

    // MARK: scalars

    /// Stores a scalar as a slice of the source when libyaml's value is the source text as
    /// written (plain, or quoted without escapes), else copies it into `extra`.
    private mutating func addScalar(value: UnsafeMutablePointer<yaml_char_t>?, length: Int, quoted: Bool,
                                    startChar: Int, endChar: Int, line: Int, column: Int,
                                    source: UnsafeBufferPointer<UInt8>) -> Int32 {
        let startByte = byteOffset(ofChar: startChar, source)
        let endByte = byteOffset(ofChar: endChar, from: (startChar, startByte), source)
        cursorChar = endChar
        cursorByte = endByte
        var offset = -1
        if let value {
            let valueBytes = UnsafeBufferPointer(start: value, count: length)
            // Plain scalars are usually the source text itself, quoted ones the text inside
            // the quotes: then the node points into the source and nothing is copied.
            if endByte - startByte == length, length == 0 || memcmp(source.baseAddress! + startByte, value, length) == 0 {
                offset = startByte
            } else if endByte - startByte - 2 == length, length == 0 || memcmp(source.baseAddress! + startByte + 1, value, length) == 0 {
                offset = startByte + 1
            }
            if offset < 0 {
                offset = document.extra.count
                document.extra.append(contentsOf: valueBytes)
                return appendScalar(start: startByte, line: line, column: column, quoted: quoted, extra: true, offset: offset, length: length)
            }
        } else {
            offset = startByte
        }
        return appendScalar(start: startByte, line: line, column: column, quoted: quoted, extra: false, offset: offset, length: length)
    }

    private mutating func appendScalar(start: Int, line: Int, column: Int, quoted: Bool, extra: Bool, offset: Int, length: Int) -> Int32 {
        if length > PackedNode.maxCount {
            fail("a value longer than \(PackedNode.maxCount) bytes", line: line, column: column)
        }
        let index = Int32(document.nodes.count)
        document.nodes.append(PackedNode(start: start, kind: .scalar, quoted: quoted, extra: extra,
                                         a: UInt32(offset), b: UInt32(truncatingIfNeeded: length)))
        countWritten(line: line, column: column)
        return index
    }

    /// libyaml's `mark.index` counts characters; this walks forward from the cursor.
    private mutating func byteOffset(ofChar target: Int, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        if target < cursorChar {
            cursorChar = prefixLength
            cursorByte = base + prefixLength
        }
        return byteOffset(ofChar: target, from: (cursorChar, cursorByte), source)
    }

    private func byteOffset(ofChar target: Int, from start: (char: Int, byte: Int), _ source: UnsafeBufferPointer<UInt8>) -> Int {
        let end = source.count
        // A prefix is ASCII; past it, the walk starts no earlier than the source's offset.
        if target < prefixLength { return base + target }
        if asciiOnly { return min(base + target, end) }
        var char = start.char, byte = start.byte
        if char < prefixLength { (char, byte) = (prefixLength, base + prefixLength) }
        while char < target && byte < end {
            byte += 1
            while byte < end && source[byte] & 0xC0 == 0x80 { byte += 1 }
            char += 1
        }
        return byte
    }

    // MARK: mappings

    /// Drops the second and later occurrences of a key, reporting each (TL004).
    private mutating func dedupeKeys(_ pairs: [Int32]) -> [Int32] {
        let n = pairs.count / 2
        guard n > 1 else { return pairs }
        var duplicate: [Bool]? = nil
        if n <= 12 {
            for i in 1..<n {
                for j in 0..<i where sameScalar(pairs[2 * i], pairs[2 * j]) {
                    if duplicate == nil { duplicate = Array(repeating: false, count: n) }
                    duplicate![i] = true
                    reportDuplicate(pairs[2 * i], first: pairs[2 * j])
                    break
                }
            }
        } else {
            var size = 16
            while size < 2 * n { size <<= 1 }
            let mask = size - 1
            keySlots.removeAll(keepingCapacity: true)
            keySlots.append(contentsOf: repeatElement(0, count: size))
            keyHashes.removeAll(keepingCapacity: true)
            keyHashes.append(contentsOf: repeatElement(0, count: size))
            for i in 0..<n {
                let key = YAMLNode(pairs[2 * i])
                guard document.kind(key) == .scalar else { continue }
                let hash = document.scalarHash(key)
                var slot = Int(truncatingIfNeeded: hash) & mask
                var first: Int32? = nil
                while keySlots[slot] != 0 {
                    let kept = keySlots[slot] - 1
                    if keyHashes[slot] == hash && sameScalar(pairs[2 * i], kept) { first = kept; break }
                    slot = (slot + 1) & mask
                }
                if let first {
                    // Only first occurrences are kept, so `first` is where the key was first written.
                    if duplicate == nil { duplicate = Array(repeating: false, count: n) }
                    duplicate![i] = true
                    reportDuplicate(pairs[2 * i], first: first)
                } else {
                    keySlots[slot] = pairs[2 * i] + 1
                    keyHashes[slot] = hash
                }
            }
        }
        guard let duplicate else { return pairs }
        var kept: [Int32] = []
        kept.reserveCapacity(pairs.count)
        for i in 0..<n where !duplicate[i] { kept.append(pairs[2 * i]); kept.append(pairs[2 * i + 1]) }
        return kept
    }

    private func sameScalar(_ a: Int32, _ b: Int32) -> Bool {
        let x = YAMLNode(a), y = YAMLNode(b)
        guard document.kind(x) == .scalar, document.kind(y) == .scalar else { return false }
        return document.withScalarBytes(x) { xb in
            document.withScalarBytes(y) { yb in bytesEqual(xb, yb) }
        }
    }

    private mutating func reportDuplicate(_ key: Int32, first: Int32) {
        let node = YAMLNode(key), firstLocation = document.location(YAMLNode(first))
        diagnostics.append(Diagnostic(.duplicate,
            "duplicate key '\(document.string(node))' (first defined at line \(firstLocation.line), column \(firstLocation.column))",
            at: document.location(node)))
    }

    /// Folds `<<: *defaults` (or a list of aliases) into the mapping: keys written in the
    /// mapping win, then earlier merge sources over later ones.
    private mutating func applyMerges(_ pairs: [Int32]) -> [Int32] {
        let n = pairs.count / 2
        var mergeValues: [Int32] = []
        for i in 0..<n {
            let key = YAMLNode(pairs[2 * i])
            if isMergeKey(key) { mergeValues.append(pairs[2 * i + 1]) }
        }
        guard !mergeValues.isEmpty else { return pairs }
        var result: [Int32] = []
        for i in 0..<n where !isMergeKey(YAMLNode(pairs[2 * i])) {
            result.append(pairs[2 * i]); result.append(pairs[2 * i + 1])
        }
        var sources: [Int32] = []
        for value in mergeValues {
            let node = YAMLNode(value)
            switch document.kind(node) {
            case .mapping: sources.append(value)
            case .sequence:
                for j in 0..<document.count(node) {
                    let item = document.item(node, j)
                    if document.kind(item) == .mapping { sources.append(item.index) } else { badMerge(item) }
                }
            case .scalar: badMerge(node)
            }
        }
        for source in sources {
            let mapping = YAMLNode(source)
            for j in 0..<document.count(mapping) {
                let key = document.key(mapping, j)
                let present = stride(from: 0, to: result.count, by: 2).contains { sameScalar(result[$0], key.index) }
                if !present { result.append(key.index); result.append(document.value(mapping, j).index) }
            }
        }
        return result
    }

    /// A plain `<<` key, checked on the packed node without making a String.
    private func isMergeKey(_ key: YAMLNode) -> Bool {
        let packed = document.nodes[Int(key.index)]
        guard packed.kind == .scalar, !packed.isQuoted, packed.b == 2 else { return false }
        return document.withScalarBytes(key) { $0[0] == 0x3C && $0[1] == 0x3C }
    }

    private mutating func badMerge(_ node: YAMLNode) {
        diagnostics.append(Diagnostic(.yamlSyntax, "a merge key '<<' takes a mapping or a list of mappings",
                                      at: document.location(node)))
    }

    // MARK: errors

    private mutating func fail(_ message: String, line: Int, column: Int) {
        guard !failed else { return }
        failed = true
        diagnostics.append(Diagnostic(.yamlSyntax, message,
                                      at: SourceLocation(file: document.file, line: line + 1, column: column + 1)))
    }

    private mutating func reportParserError(_ parser: yaml_parser_t, _ source: UnsafeBufferPointer<UInt8>) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark: find the line and column ourselves.
            // (An offset in the input: a prefixed input's byte i is the source's `base + i`.)
            let offset = min(max((prefixed == nil ? 0 : base) + Int(parser.problem_offset), 0), source.count)
            let (line, column) = document.lineAndColumn(ofByte: offset)
            let value = parser.problem_value
            let message: String
            if problem.contains("control characters") {
                message = "control character 0x\(String(value, radix: 16, uppercase: true)) is not allowed in YAML (is this a binary file?)"
            } else if problem.contains("UTF-8") || problem.contains("Unicode") {
                let byte = offset < source.count ? " (byte 0x\(String(source[offset], radix: 16, uppercase: true)))" : ""
                message = "invalid UTF-8: \(problem)\(byte); topology files must be UTF-8 text"
            } else {
                message = problem
            }
            fail(message, line: line - 1, column: column - 1)
        case YAML_MEMORY_ERROR:
            fail("libyaml ran out of memory", line: 0, column: 0)
        default:
            var message = problem
            if let context = parser.context.map({ String(cString: $0) }) {
                let mark = parser.context_mark
                message += " (\(context) at line \(mark.line + 1), column \(mark.column + 1))"
            }
            fail("YAML syntax error: " + message, line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column))
        }
    }
}


/// A builder's input when it is not the source from its start: `prefix`, then the source
/// from byte `offset` to the end (the second half of a file read in two halves).
struct PrefixedInput {
    let prefix: [UInt8]
    let offset: Int
}

/// Where libyaml's read handler is in a prefixed input.
private struct InputCursor {
    let prefix: [UInt8]
    let rest: UnsafeBufferPointer<UInt8>
    var at = 0

    /// Copies the next bytes (at most `size`) to `out`; how many (0 at the end).
    mutating func fill(_ out: UnsafeMutablePointer<UInt8>, _ size: Int) -> Int {
        var written = 0
        if at < prefix.count {
            let n = min(size, prefix.count - at)
            prefix.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + at, count: n) }
            written = n
            at += n
        }
        let restAt = at - prefix.count
        let n = min(size - written, rest.count - restAt)
        if n > 0 {
            (out + written).update(from: rest.baseAddress! + restAt, count: n)
            written += n
            at += n
        }
        return written
    }
}
