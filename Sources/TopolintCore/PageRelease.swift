#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the whole memory pages inside `buffer` back to the system at once, rather than
/// when the array holding them is freed. For the large arrays of a lint that are never read
/// again but stay allocated a while longer (half of an arena already copied into the other
/// half; the nodes of hosts already loaded): peak memory is the sum of everything resident
/// at one moment, and these would otherwise count until their array goes.
///
/// The bytes must never be read again: on Linux they read as zeros afterwards (the pages
/// are private and anonymous); elsewhere they may keep any value. Pages the buffer only
/// partly covers are left alone, so the bytes around it are untouched.
public func releasePages(_ buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    let page = pageSize
    let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(page - 1)
    guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
    #if canImport(Glibc) || canImport(Musl)
    _ = madvise(pointer, Int(end - start), Int32(MADV_DONTNEED))
    #elseif canImport(Darwin)
    _ = madvise(pointer, Int(end - start), MADV_FREE)
    #endif
}

/// The same for the elements of an array from `range.lowerBound` to `range.upperBound`.
public func releasePages<T>(of array: [T], _ range: Range<Int>) {
    let range = range.clamped(to: 0..<array.count)
    guard !range.isEmpty else { return }
    array.withUnsafeBufferPointer { elements in
        releasePages(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: elements[range])))
    }
}

private let pageSize: UInt = UInt(max(sysconf(Int32(_SC_PAGESIZE)), 4096))
