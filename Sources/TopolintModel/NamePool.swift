import TopolintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names kept as one run of UTF-8 bytes and where each ends, rather than one `String`
/// each. A large estate has a hundred and sixty thousand hosts, and a host name of 18
/// bytes as a `String` took a 64-byte allocation of its own (kept twice over: by the host
/// and by the loader's table of names); here it takes its bytes and four more. A name
/// becomes a `String` when a message or a report asks for it.
public struct NamePool: Sendable {
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var ends: [UInt32] = []

    public init() {}

    public var count: Int { ends.count }

    /// The bytes of every name together.
    public var byteCount: Int { bytes.count }

    /// Name `i` as a `String`.
    public subscript(i: Int) -> String {
        withBytes(of: i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Where name `i` lies in `bytes`.
    @inlinable
    func range(of i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i]) }

    /// The bytes of name `i`.
    @inlinable
    public func withBytes<R>(of i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range(of: i)])) }
    }

    public mutating func append(_ name: String) {
        var name = name
        name.withUTF8 { append(bytes: $0) }
    }

    public mutating func append(bytes name: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: name)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// `indices` in the order of their names, as sorting the names as `String`s orders
    /// them, without making the strings: all-ASCII names (nearly all) compare as bytes,
    /// which for ASCII is the same order.
    public func inNameOrder(_ indices: [Int]) -> [Int] {
        let ascii = indices.allSatisfy { withBytes(of: $0) { isASCII($0) } }
        guard ascii else { return indices.sorted { self[$0] < self[$1] } }
        return bytes.withUnsafeBufferPointer { all in
            func name(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[range(of: i)]) }
            return indices.sorted { a, b in
                let x = name(a), y = name(b)
                let common = Swift.min(x.count, y.count)
                if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let order = memcmp(px, py, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }

    /// The first `k` of `indices` in the order of their names: what `inNameOrder(indices)
    /// .prefix(k)` gives, without sorting them all (a message names a few of hundreds).
    public func firstInNameOrder(_ indices: [Int], _ k: Int) -> [Int] {
        guard indices.count > k else { return inNameOrder(indices) }
        guard k > 0 else { return [] }
        let ascii = indices.allSatisfy { withBytes(of: $0) { isASCII($0) } }
        guard ascii else { return Array(indices.sorted { self[$0] < self[$1] }.prefix(k)) }
        return bytes.withUnsafeBufferPointer { all in
            func less(_ a: Int, _ b: Int) -> Bool {
                let x = UnsafeBufferPointer(rebasing: all[range(of: a)]), y = UnsafeBufferPointer(rebasing: all[range(of: b)])
                let common = Swift.min(x.count, y.count)
                if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let order = memcmp(px, py, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
            // The best k so far, kept sorted; each other index is one comparison with the
            // last of them, most of the time. Ties keep the earlier index first, as the
            // stable sort of `inNameOrder` does (names are distinct, so ties do not occur).
            var best: [Int] = []
            best.reserveCapacity(k + 1)
            for i in indices {
                if best.count == k, !less(i, best[k - 1]) { continue }
                var at = best.count
                while at > 0 && less(i, best[at - 1]) { at -= 1 }
                best.insert(i, at: at)
                if best.count > k { best.removeLast() }
            }
            return best
        }
    }

    /// Every name as a `String` (for suggestions, which a mistake asks for).
    public var all: [String] { (0..<count).map { self[$0] } }

    public mutating func reserve(names: Int, bytes byteCount: Int) {
        ends.reserveCapacity(names)
        bytes.reserveCapacity(byteCount)
    }
}
