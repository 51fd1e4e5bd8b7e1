#if canImport(Glibc)
import Glibc
#endif

/// Whether an interface address (`10.1.0.2/24`) falls inside a prefix (`10.1.0.0/24`):
/// how the importer ties SVIs, gateways and virtual IPs to the VLAN whose prefix they sit in.
enum AddressMath {
    static func bytes(_ text: Substring) -> [UInt8]? {
        let host = String(text)
        if host.contains(":") {
            var a = in6_addr()
            guard inet_pton(AF_INET6, host, &a) == 1 else { return nil }
            return withUnsafeBytes(of: a) { Array($0) }
        }
        var a = in_addr()
        guard inet_pton(AF_INET, host, &a) == 1 else { return nil }
        return withUnsafeBytes(of: a) { Array($0) }
    }

    static func contains(prefix: String, address: String) -> Bool {
        let p = prefix.split(separator: "/"), a = address.split(separator: "/")
        guard p.count == 2, let length = Int(p[1]), let net = bytes(p[0]), let ip = a.first.flatMap(bytes), net.count == ip.count,
              length <= net.count * 8 else { return false }
        for bit in 0..<length {
            let i = bit / 8, mask = UInt8(0x80) >> UInt8(bit % 8)
            if net[i] & mask != ip[i] & mask { return false }
        }
        return true
    }

    static func isIPv4(_ prefix: String) -> Bool { !prefix.contains(":") }
}
