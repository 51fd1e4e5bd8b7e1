/// Checks the `subnet` field: an IPv4 or IPv6 prefix with a length. Read as ASCII bytes:
/// an address is written in ASCII digits and letters (a fullwidth digit is no digit here),
/// and a large design has thousands of subnets, which Character by Character cost more than
/// the rest of a VLAN's loading.
enum CIDR {
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid(bytes: $0) }
    }

    static func isValid(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let slash = bytes.firstIndex(of: slashByte) else { return false }
        let address = UnsafeBufferPointer(rebasing: bytes[..<slash])
        let lengthBytes = bytes[(slash + 1)...]
        guard !lengthBytes.contains(slashByte), let length = decimal(lengthBytes, atMost: 129) else { return false }
        if address.contains(colonByte) { return length <= 128 && isIPv6(address) }
        return length <= 32 && isIPv4(address)
    }

    /// Four dot-separated groups of one to three digits, each at most 255.
    static func isIPv4<S: Collection>(_ s: S) -> Bool where S.Element == UInt8 {
        var octets = 0
        for octet in s.split(separator: dotByte, omittingEmptySubsequences: false) {
            octets += 1
            guard octets <= 4, octet.count <= 3, let value = decimal(octet, atMost: 256), value <= 255 else { return false }
        }
        return octets == 4
    }

    /// Groups of one to four hex digits separated by `:`, at most one `::`, eight groups in
    /// all (fewer with `::`), the last two of which may be written as an IPv4 address.
    static func isIPv6(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let halves = splitDouble(s)
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (i, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: colonByte, omittingEmptySubsequences: false)
            for (j, part) in parts.enumerated() {
                // An embedded IPv4 address may end the last group.
                if i == halves.count - 1, j == parts.count - 1, part.contains(dotByte) {
                    guard isIPv4(part) else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(part.count), part.allSatisfy(isHexDigit) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    /// Splits at "::" (at most one is allowed; more yields three or more pieces). A third
    /// colon in a row stays with the piece after it, where it makes an empty group.
    static func splitDouble(_ s: UnsafeBufferPointer<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var current: [UInt8] = [], previousColon = false
        for c in s {
            if c == colonByte && previousColon {
                current.removeLast()
                pieces.append(current[...])
                current = []
                previousColon = false
                continue
            }
            current.append(c)
            previousColon = c == colonByte
        }
        pieces.append(current[...])
        return pieces
    }

    /// The value of one or more ASCII digits, or nil; values above `limit` read as `limit`
    /// (the callers only compare them with smaller bounds).
    static func decimal<S: Collection>(_ digits: S, atMost limit: Int) -> Int? where S.Element == UInt8 {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for d in digits {
            guard d >= 0x30 && d <= 0x39 else { return nil }
            value = min(value * 10 + Int(d - 0x30), limit)
        }
        return value
    }

    static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    private static let slashByte = UInt8(ascii: "/"), colonByte = UInt8(ascii: ":"), dotByte = UInt8(ascii: ".")
}
