#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TopolintCore

/// Reads a whole file (or standard input for `-`) with a size cap, without Foundation.
public enum SourceFile {
    /// 1 GiB: node offsets are 32-bit, and no design file comes near.
    public static let defaultMaxBytes = 1 << 30

    public enum ReadError: Error, Sendable, Equatable {
        case cannotOpen(String)
        case tooLarge(Int)
        case isDirectory
    }

    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(ReadError) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        var capacity = 1 << 16
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
            if (info.st_mode & S_IFMT) == S_IFREG {
                if Int(info.st_size) > maxBytes { throw .tooLarge(Int(info.st_size)) }
                capacity = Int(info.st_size) + 1
            }
        }
        // The limit is checked as the bytes arrive: a stream that never ends (/dev/zero, a
        // pipe) is cut one byte past the limit, never read further.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(capacity, maxBytes + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let want = min(chunk.count, maxBytes + 1 - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            if bytes.count > maxBytes { throw .tooLarge(bytes.count) }
        }
        return bytes
    }

    /// Why a file could not be read, for messages about any kind of file.
    public static func reason(_ error: ReadError) -> String {
        switch error {
        case let .cannotOpen(reason): reason
        case let .tooLarge(size): "the file is over the \(defaultMaxBytes)-byte limit (at least \(size) bytes)"
        case .isDirectory: "is a directory"
        }
    }

    /// A one-line TL001 for a file that cannot be read at all.
    public static func diagnostic(for error: ReadError, path: String) -> Diagnostic {
        let message: String
        switch error {
        case let .cannotOpen(reason): message = "cannot read the file: \(reason)"
        case .tooLarge, .isDirectory: message = reason(error) + (error == .isDirectory ? ", not a topology file" : " for a topology file")
        }
        return Diagnostic(.yamlSyntax, message, at: SourceLocation(file: path, line: 1, column: 1))
    }
}
