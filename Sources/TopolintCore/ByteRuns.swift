// Comparing, hashing and scanning the short byte runs that names, keys and report strings
// are. Every reference in a topology is looked up by its bytes, so these run a few hundred
// thousand times on a large design: they read eight bytes at a time rather than one (a run of
// eight bytes or more ends with one more word that overlaps the last, so there is no
// byte-by-byte tail), and they are inlinable, so that calls from other modules cost no call.

/// Eight 0x01 bytes, and eight 0x80 bytes: the constants of the word tests below.
@usableFromInline let lowBits: UInt64 = 0x0101_0101_0101_0101
@usableFromInline let highBits: UInt64 = 0x8080_8080_8080_8080

/// Whether a byte of `word` equals `byte`: the word xor `byte` repeated then has a zero byte.
@inlinable @inline(__always)
public func wordHasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (lowBits &* UInt64(byte))
    return (x &- lowBits) & ~x & highBits != 0
}

/// Whether a byte of `word` is below `bound` (at most 0x80): subtracting borrows into its
/// high bit.
@inlinable @inline(__always)
public func wordHasByteBelow(_ word: UInt64, _ bound: UInt8) -> Bool {
    (word &- lowBits &* UInt64(bound)) & ~word & highBits != 0
}

/// The first eight bytes of a run (fewer, zero-padded, when it is shorter) as one word.
@inlinable @inline(__always)
public func headWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let p = bytes.baseAddress else { return 0 }
    if bytes.count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }
    var word: UInt64 = 0
    for i in 0..<bytes.count { word |= UInt64(p[i]) << UInt64(8 * i) }
    return word
}

/// Whether two byte runs are the same bytes (lengths first).
@inlinable @inline(__always)
public func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = a.count
    guard n == b.count else { return false }
    guard n > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    if n < 8 {
        for i in 0..<n where pa[i] != pb[i] { return false }
        return true
    }
    let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
    var i = 0
    while i + 8 < n {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    return ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
}

/// A 64-bit hash of a byte run, for the hash tables of names: eight bytes at a time, then a
/// final mix so that the low bits (the table slot) depend on every byte. Not stable across
/// versions and never written anywhere.
@inlinable @inline(__always)
public func nameHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = bytes.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    guard n > 0, let p = bytes.baseAddress else { return mixBits(h) }
    if n < 8 { return mixBits(h ^ headWord(bytes)) }
    let raw = UnsafeRawPointer(p)
    var i = 0
    while i + 8 < n {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 29
        i += 8
    }
    return mixBits(h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
}

/// The finalizer of MurmurHash3: every input bit reaches every output bit.
@inlinable @inline(__always)
func mixBits(_ x: UInt64) -> UInt64 {
    var h = x
    h ^= h >> 33
    h &*= 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h &*= 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
}

/// Whether the run holds byte `x` or byte `y`.
@inlinable @inline(__always)
public func containsEither(_ bytes: UnsafeBufferPointer<UInt8>, _ x: UInt8, _ y: UInt8) -> Bool {
    let n = bytes.count
    guard n > 0, let p = bytes.baseAddress else { return false }
    if n < 8 {
        for i in 0..<n where p[i] == x || p[i] == y { return true }
        return false
    }
    let raw = UnsafeRawPointer(p)
    @inline(__always) func hit(_ word: UInt64) -> Bool { wordHasByte(word, x) || wordHasByte(word, y) }
    var i = 0
    while i + 8 < n {
        if hit(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
    }
    return hit(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
}

/// Whether a byte of `word` is one a JSON string escapes: below 0x20, `"` or `\`. They are
/// all ASCII, and every byte of a multi-byte UTF-8 sequence is 0x80 or above, so bytes
/// tell what Unicode scalars would.
@inlinable @inline(__always)
public func wordNeedsJSONEscape(_ word: UInt64) -> Bool {
    wordHasByteBelow(word, 0x20) || wordHasByte(word, UInt8(ascii: "\"")) || wordHasByte(word, UInt8(ascii: "\\"))
}

/// Whether JSON writes these bytes other than as they are between quotes.
@inlinable
public func needsJSONEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
        if wordNeedsJSONEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
    }
    while i < bytes.count {
        if bytes[i] < 0x20 || bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "\\") { return true }
        i += 1
    }
    return false
}

/// Whether every byte is below 0x80.
@inlinable
public func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0, seen: UInt64 = 0
    while i + 8 <= bytes.count {
        seen |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < bytes.count {
        seen |= UInt64(bytes[i])
        i += 1
    }
    return seen & highBits == 0
}

/// Whether every byte is printable ASCII, 0x20 through 0x7E: text that a terminal shows
/// one cell per byte, with nothing to escape or replace.
@inlinable
public func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if word & highBits != 0 || wordHasByteBelow(word, 0x20) || wordHasByte(word, 0x7F) { return false }
        i += 8
    }
    while i < bytes.count {
        if bytes[i] < 0x20 || bytes[i] >= 0x7F { return false }
        i += 1
    }
    return true
}

extension Array {
    /// Drops the elements from `count` on, keeping the storage. One at a time: removing a
    /// range (or `removeAll(keepingCapacity:)`) goes through the general replaceSubrange,
    /// which cost more than the few elements of a scratch list that hot loops reuse.
    @inlinable
    public mutating func shrink(to count: Int) {
        while self.count > count { removeLast() }
    }
}
