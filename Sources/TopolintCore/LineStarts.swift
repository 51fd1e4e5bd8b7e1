#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of `source` starts, over its first `length` bytes: the byte offset of
/// each line's first character, the first line's after a byte order mark. LF, CR, CRLF,
/// NEL, LS and PS each end a line, as in libyaml's marks, so a line number from the parser
/// and a line shown in a report are the same line. A line break that ends the text starts
/// one more (empty) line. Files without CR or non-ASCII line breaks take a fast path on LF
/// alone (memchr, many bytes at a time).
public func lineStarts(of source: [UInt8], length: Int) -> [UInt32] {
    let length = min(length, source.count)
    let base = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var starts: [UInt32] = [UInt32(min(base, length))]
    return source.withUnsafeBufferPointer { bytes -> [UInt32] in
        guard length > 0, let p = bytes.baseAddress else { return starts }
        let plain = memchr(p, 0x0D, length) == nil && memchr(p, 0xC2, length) == nil && memchr(p, 0xE2, length) == nil
        starts.reserveCapacity(length / 40 + 1)
        var i = base
        if plain {
            while i < length, let nl = memchr(p + i, 0x0A, length - i) {
                i = p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(UInt32(i))
            }
            return starts
        }
        while i < length {
            let b = p[i]
            var breakLength = 0
            if b == 0x0A {
                breakLength = 1
            } else if b == 0x0D {
                breakLength = i + 1 < length && p[i + 1] == 0x0A ? 2 : 1
            } else if b == 0xC2, i + 1 < length, p[i + 1] == 0x85 {
                breakLength = 2
            } else if b == 0xE2, i + 2 < length, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 {
                breakLength = 3
            }
            if breakLength > 0 {
                i += breakLength
                starts.append(UInt32(i))
            } else {
                i += 1
            }
        }
        return starts
    }
}

/// Where the text of the line `bytes[start..<end]` ends: `end` less its line break (LF, CR,
/// CRLF, NEL, LS, PS). NEL, LS and PS are breaks only when a line follows (`last` is false),
/// as in `lineStarts`.
public func textEnd(ofLine bytes: [UInt8], _ start: Int, _ end: Int, last: Bool) -> Int {
    var end = end
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85, !last { end -= 2 }
    if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9,
       !last { end -= 3 }
    return end
}
