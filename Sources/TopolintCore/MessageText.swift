/// Text written with string interpolation, collected as UTF-8 bytes and made a `String`
/// once: `MessageText("VLAN \(name) (\(id))").string`.
///
/// Ordinary interpolation appends each piece through `String`'s general append path, a few
/// hundred instructions a piece whatever its length; a findings-heavy design builds tens of
/// thousands of messages of a dozen pieces each. Here a piece is one copy of its bytes.
/// (A call `MessageText("…")` with a literal is the literal itself typed as MessageText,
/// so the interpolation below is the one used.)
public struct MessageText: ExpressibleByStringInterpolation, Sendable {
    public let string: String

    public init(stringLiteral value: String) { string = value }

    public init(stringInterpolation builder: Builder) {
        string = String(decoding: builder.bytes, as: UTF8.self)
    }

    public struct Builder: StringInterpolationProtocol {
        @usableFromInline var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        @inlinable mutating func append(_ text: String) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil { bytes.append(contentsOf: text.utf8) }
        }

        @inlinable public mutating func appendLiteral(_ literal: String) { append(literal) }

        @inlinable public mutating func appendInterpolation(_ text: String) { append(text) }

        /// Decimal digits written in place.
        public mutating func appendInterpolation(_ value: Int) { appendDecimal(value, to: &bytes) }

        /// Anything else as its description, as ordinary interpolation writes it.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { append(value.description) }
    }
}

/// `value` in decimal digits appended to `bytes`: formatted in a small scratch run and copied
/// in once (no intermediate `String`, no growth check per digit).
public func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value >= 0 && value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    // 20 digits hold any 64-bit magnitude.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
        var first = 20
        repeat {
            first -= 1
            digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first..<20]))
    }
}
