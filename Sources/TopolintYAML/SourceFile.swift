#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TopolintCore
import Synchronization

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
        // Non-blocking open, so that a FIFO nobody writes to reads as empty instead of
        // waiting forever in open(); reads block again as usual once it is open.
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { if fd != 0 { close(fd) } }
        if fd != 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        var info = stat()
        var capacity = 1 << 16
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
            if (info.st_mode & S_IFMT) == S_IFREG { FilesRead.record(FileIdentity(info), path: path) }
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

    /// The text of the 1-based lines `numbers` of the file at `path`, read from it again at
    /// the offsets of `lineIndex` (where each line starts, as the file was first read): for
    /// the lines shown under messages once a file's bytes were given back after loading.
    /// Each line is written without its break, at its own number, every other line left
    /// empty, so that line numbers and columns stay the file's. A line is read up to 1 MiB.
    public static func lines(_ numbers: Set<Int>, path: String, lineIndex: [UInt32]) -> [UInt8] {
        let wanted = numbers.filter { $0 >= 1 && $0 <= lineIndex.count }.sorted()
        guard let last = wanted.last else { return [] }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        var info = stat()
        let size = fd >= 0 && fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var text: [UInt8] = []
        text.reserveCapacity(last + wanted.count * 80)
        var next = 0
        for number in 1...last {
            if next < wanted.count, wanted[next] == number {
                next += 1
                let start = Int(lineIndex[number - 1]), end = number < lineIndex.count ? Int(lineIndex[number]) : size
                let length = min(max(end - start, 0), 1 << 20)
                if fd >= 0, length > 0 {
                    var line = [UInt8](repeating: 0, count: length)
                    let read = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, length, off_t(start)) }
                    line.removeLast(length - max(read, 0))
                    text.append(contentsOf: line[..<textEnd(ofLine: line, 0, line.count, last: number == lineIndex.count)])
                }
            }
            text.append(0x0A)
        }
        return text
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

/// Which file a path names, whatever path leads to it (a link, `./`, a hard link): its
/// device and inode.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    /// A regular file (not a device, pipe or folder).
    public let isRegular: Bool

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isRegular = info.st_mode & S_IFMT == S_IFREG
    }

    /// The file at `path` (links followed), nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// Every regular file this process has read (standard input too, when it is one): the
/// command line refuses to write a report over any of them, however it was named or found
/// (a configuration found above the topology, the pack it names, the file behind `-`).
public enum FilesRead {
    private static let files = Mutex<[(file: FileIdentity, path: String)]>([])

    static func record(_ file: FileIdentity, path: String) {
        files.withLock { files in
            if !files.contains(where: { $0.file == file }) {
                files.append((file, path == "-" ? "standard input" : path))
            }
        }
    }

    /// The path a read file was read by, when `path` names one of them.
    public static func read(asPath path: String) -> String? {
        guard let file = FileIdentity(path: path), file.isRegular else { return nil }
        return files.withLock { files in files.first { $0.file == file }?.path }
    }
}
