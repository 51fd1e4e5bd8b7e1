#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TopolintCore
import TopolintYAML

/// The names of one kind of entity, each with its index (names are numbered in the order
/// they are declared). A reference is looked up straight from the YAML scalar's bytes, so
/// resolving the hundreds of thousands of references of a large design makes no String
/// and hashes with `nameHash` rather than Swift's seeded SipHash: this table was the largest
/// single cost of loading. A class, so that the loader grows it in place (no copy on
/// write while it sits in the loader's dictionary of kinds). Its storage is exempt from
/// run-time exclusivity checks, which cost a measurable share of loading (one on every
/// probe of every lookup): a table is written by one loader on one thread only (the two
/// copies of a load on two threads each write a host table of their own and only read the
/// others).
final class NameTable {
    /// Every name, by index.
    @exclusivity(unchecked) private(set) var names = NamePool()
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Open addressing: 0 is an empty slot, otherwise the name's index + 1. Kept at most
    /// three quarters full: a probe still ends within a few slots, and the table of a large
    /// design's hosts (whose pages all become memory as names land at random) is half the
    /// size a half-full table would be.
    @exclusivity(unchecked) private var slots: ZeroedSlots
    @exclusivity(unchecked) private var mask: Int

    /// Room for `capacity` names of `bytes` bytes in all (16 a name when not known).
    init(capacity: Int = 8, bytes: Int? = nil) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = ZeroedSlots(count: size)
        mask = size - 1
        names.reserve(names: capacity, bytes: bytes ?? 16 * capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { names.count }

    /// Makes room for `more` names of `bytes` bytes in all beyond those declared, so the
    /// table is not rebuilt, nor its names copied, as it grows.
    func reserve(_ more: Int, bytes: Int) {
        let total = names.count + more
        names.reserve(names: total, bytes: names.byteCount + bytes)
        hashes.reserveCapacity(total)
        while total * 4 > slots.count * 3 { grow() }
    }

    /// The index of `name`, if declared.
    func index(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { index(ofBytes: $0) }
    }

    /// The index of the name spelled by `bytes`, if declared.
    func index(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = nameHash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(entry) - 1
            if hashes[index] == hash && equal(index, bytes) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Declares `name`: its new index, or nil (and nothing changes) when it is declared already.
    func insert(_ name: String) -> Int? {
        var copy = name
        return copy.withUTF8 { insert(bytes: $0) }
    }

    /// Declares the name spelled by `bytes`, as `insert` does.
    func insert(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = nameHash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash && equal(index, bytes) { return nil }
            slot = (slot + 1) & mask
        }
        let index = names.count
        names.append(bytes: bytes)
        hashes.append(hash)
        slots[slot] = Int32(truncatingIfNeeded: index + 1)
        if names.count * 4 > slots.count * 3 { grow() }
        return index
    }

    private func equal(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        names.withBytes(of: index) { bytesEqual($0, bytes) }
    }

    private func grow() {
        let size = slots.count * 2
        let grown = ZeroedSlots(count: size)
        let newMask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while grown[slot] != 0 { slot = (slot + 1) & newMask }
            grown[slot] = Int32(truncatingIfNeeded: index + 1)
        }
        slots = grown
        mask = newMask
    }
}

/// A table's slots, zeroed by the allocator: a large table made with room for every host of
/// a design is mapped as zero pages that become memory only as names land in them, rather
/// than all at once when it is made (the moment loading starts, which is when memory peaks).
final class ZeroedSlots {
    private let base: UnsafeMutablePointer<Int32>
    let count: Int

    init(count: Int) {
        self.count = count
        guard let raw = calloc(count, MemoryLayout<Int32>.stride) else { fatalError("out of memory for \(count) name slots") }
        base = raw.assumingMemoryBound(to: Int32.self)
    }

    deinit { free(base) }

    subscript(slot: Int) -> Int32 {
        get { precondition(slot >= 0 && slot < count); return base[slot] }
        set { precondition(slot >= 0 && slot < count); base[slot] = newValue }
    }
}
