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

    /// Every name as a `String` (for suggestions, which a mistake asks for).
    public var all: [String] { (0..<count).map { self[$0] } }

    public mutating func reserve(names: Int, bytes byteCount: Int) {
        ends.reserveCapacity(names)
        bytes.reserveCapacity(byteCount)
    }
}
