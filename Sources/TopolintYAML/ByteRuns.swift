// Comparing and hashing the short byte runs that names and keys are. Every reference in a
// topology is looked up by its bytes, so these run a few hundred thousand times on a large
// design: they read eight bytes at a time rather than one (a run of eight bytes or more ends
// with one more word that overlaps the last, so there is no byte-by-byte tail), and they are
// inlinable, so that the loader's calls across the module boundary cost no call.

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
    if n < 8 {
        var word: UInt64 = 0
        for i in 0..<n { word |= UInt64(p[i]) << UInt64(8 * i) }
        return mixBits(h ^ word)
    }
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

/// Whether the run holds byte `x` or byte `y`, eight bytes at a time (a word has a byte equal
/// to `x` when the word xor `x` repeated has a zero byte).
@inlinable @inline(__always)
public func containsEither(_ bytes: UnsafeBufferPointer<UInt8>, _ x: UInt8, _ y: UInt8) -> Bool {
    let n = bytes.count
    guard n > 0, let p = bytes.baseAddress else { return false }
    if n < 8 {
        for i in 0..<n where p[i] == x || p[i] == y { return true }
        return false
    }
    let raw = UnsafeRawPointer(p)
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    let xs = ones &* UInt64(x), ys = ones &* UInt64(y)
    @inline(__always) func hit(_ word: UInt64) -> Bool {
        let a = word ^ xs, b = word ^ ys
        return ((a &- ones) & ~a | (b &- ones) & ~b) & highs != 0
    }
    var i = 0
    while i + 8 < n {
        if hit(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
    }
    return hit(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
}
