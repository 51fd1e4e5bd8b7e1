/// Checks the `subnet` field: an IPv4 or IPv6 prefix with a length.
enum CIDR {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else { return false }
        let address = String(parts[0])
        if address.contains(":") { return length <= 128 && isIPv6(address) }
        return length <= 32 && isIPv4(address)
    }

    static func isIPv4(_ s: String) -> Bool {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { o in
            !o.isEmpty && o.count <= 3 && o.allSatisfy(\.isNumber) && (Int(o) ?? 256) <= 255
        }
    }

    static func isIPv6(_ s: String) -> Bool {
        let halves = s.split(separator: ":", omittingEmptySubsequences: false).count > 0 ? splitDouble(s) : []
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (i, half) in halves.enumerated() where !half.isEmpty {
            let parts: [Substring] = half.split(separator: ":", omittingEmptySubsequences: false)
            for (j, part) in parts.enumerated() {
                // An embedded IPv4 address may end the last group.
                if i == halves.count - 1, j == parts.count - 1, part.contains(".") {
                    guard isIPv4(String(part)) else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(part.count), part.allSatisfy({ $0.isHexDigit }) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    /// Splits at "::" (at most one is allowed; more yields three or more pieces).
    static func splitDouble(_ s: String) -> [String] {
        var pieces: [String] = [], current = "", previousColon = false
        for c in s {
            if c == ":" && previousColon {
                current.removeLast()
                pieces.append(current)
                current = ""
                previousColon = false
                continue
            }
            current.append(c)
            previousColon = c == ":"
        }
        pieces.append(current)
        return pieces
    }
}
