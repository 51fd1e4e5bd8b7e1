import ArgumentParser
import TopolintYAML
#if canImport(Glibc)
import Glibc
#endif

/// Minimal unbuffered writers to a file descriptor: standard output, standard error or a
/// file (named apart from Foundation's FileHandle, which the tests and `generate` use).
struct FDWriter {
    let fd: Int32

    static let standardOutput = FDWriter(fd: 1)
    static let standardError = FDWriter(fd: 2)

    /// Writes all of `text`; on failure the reason (strerror), else nil. Messages to
    /// standard error ignore it: there is nowhere left to say that they failed.
    @discardableResult
    func write(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { write($0) }
    }

    @discardableResult
    func write(_ buffer: UnsafeBufferPointer<UInt8>) -> String? {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if n == 0 { return "nothing was written" }
            offset += n
        }
        return nil
    }
}

/// A write that failed: the path (or "standard output") and why. Exit status 3.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}

/// Where a report goes, written so that nothing is lost silently:
/// - standard output: written directly, every error detected;
/// - a regular file (or a new one): written to a temporary file in the same folder, then
///   renamed over the target, so readers see the old file or the new one, never a torn
///   one, and a failed write leaves the old file untouched;
/// - a device or FIFO (/dev/null, /dev/full, a pipe): cannot be renamed into, so written
///   directly, every error still detected.
struct OutputFile {
    enum Mode { case direct, replace(temporary: String) }

    let path: String
    let label: String
    private(set) var fd: Int32
    private let mode: Mode
    private var failure: OutputError?

    /// Opens the destination; nil or "-" is standard output.
    static func open(_ path: String?) throws(OutputError) -> OutputFile {
        guard let path, path != "-" else {
            return OutputFile(path: "-", label: "standard output", fd: 1, mode: .direct)
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw OutputError(path: path, reason: "is a directory") }
            if type != S_IFREG {
                let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
                return OutputFile(path: path, label: path, fd: fd, mode: .direct)
            }
        }
        // A symbolic link is followed: the file it points at is replaced, the link kept.
        let target = resolvedLink(path) ?? path
        var template = Array((directory(of: target) + "/." + baseName(of: target) + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            // The file exists but no file can be made beside it (/proc, a read-only folder):
            // say which step failed, or "No such file or directory" would be about a file
            // that is plainly there.
            if stat(target, &info) == 0 {
                throw OutputError(path: path, reason: "\(reason) (making the new file beside it in \(directory(of: target)))")
            }
            throw OutputError(path: path, reason: reason)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file 0600; give it the old file's mode, or what a new file gets.
        let mask = umask(0); umask(mask)
        let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o666 & ~mask
        fchmod(fd, mode)
        return OutputFile(path: target, label: path, fd: fd, mode: .replace(temporary: temporary))
    }

    private init(path: String, label: String, fd: Int32, mode: Mode) {
        self.path = path
        self.label = label
        self.fd = fd
        self.mode = mode
    }

    /// Appends text; after the first failure the rest is dropped and `finish` reports it.
    mutating func write(_ text: String) {
        guard failure == nil else { return }
        if let reason = FDWriter(fd: fd).write(text) { failure = OutputError(path: label, reason: reason) }
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        if let reason = FDWriter(fd: fd).write(bytes) { failure = OutputError(path: label, reason: reason) }
    }

    /// Flushes and closes; a replaced file is renamed into place only when every write
    /// succeeded. Any failure removes the temporary file and is thrown.
    mutating func finish() throws(OutputError) {
        defer { fd = -1 }
        switch mode {
        case .direct:
            // Standard output stays open (the runtime flushes nothing of ours there).
            if fd != 1 {
                if close(fd) != 0, failure == nil { failure = OutputError(path: label, reason: String(cString: strerror(errno))) }
            }
            if let failure { throw failure }
        case let .replace(temporary):
            if failure == nil, fsync(fd) != 0, errno != EINVAL {
                failure = OutputError(path: label, reason: String(cString: strerror(errno)))
            }
            if close(fd) != 0, failure == nil { failure = OutputError(path: label, reason: String(cString: strerror(errno))) }
            if failure == nil, rename(temporary, path) != 0 {
                failure = OutputError(path: label, reason: String(cString: strerror(errno)))
            }
            if let failure {
                unlink(temporary)
                throw failure
            }
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The file a symbolic link at `path` leads to, or nil when `path` is not a link.
    static func resolvedLink(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

enum Output {
    /// Writes `text` whole to `path` (or standard output when nil or "-"). A failure is
    /// said on standard error with the path and ends the command with exit status 3.
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        try refuseReadFile(path)
        do {
            var file = try OutputFile.open(path)
            bytes.withUnsafeBufferPointer { file.write($0) }
            try file.finish()
        } catch {
            throw fail(error)
        }
    }

    /// Writes what `body` hands to its sink, piece by piece, as `emit` writes bytes whole.
    static func emit(to path: String?, _ body: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) throws {
        try refuseReadFile(path)
        do {
            var file = try OutputFile.open(path)
            body { file.write($0) }
            try file.finish()
        } catch {
            throw fail(error)
        }
    }

    static func emit(_ text: String, to path: String?) throws {
        try refuseReadFile(path)
        do {
            var file = try OutputFile.open(path)
            file.write(text)
            try file.finish()
        } catch {
            throw fail(error)
        }
    }

    /// Says what failed on standard error; the error to throw (exit status 3).
    static func fail(_ error: OutputError) -> ExitCode {
        FDWriter.standardError.write("topolint: \(error)\n")
        return Exit.ioError
    }

    /// The linter never changes its input: `-o` naming a file the command reads (the same
    /// file, by device and inode, whatever the path) is a command-line error, caught before
    /// any work. A destination that does not exist yet, or is not a regular file
    /// (/dev/stdout, a pipe), cannot be an input file.
    static func refuseOverwriting(_ output: String?, inputs: [String?]) throws {
        guard let output, output != "-", let target = FileIdentity(path: output), target.isRegular else { return }
        for case let input? in inputs where input != "-" {
            if FileIdentity(path: input) == target {
                let same = input == output ? "" : " (the same file as \(input))"
                throw ValidationError("--output \(output)\(same) is a file this command reads; topolint never writes over its input, name another file")
            }
        }
    }

    /// The same rule for every file the command has read by the time it writes, however it
    /// came to be read: a configuration found above the topology, the rule pack it names,
    /// the file behind `-`. Nothing is written; exit status 2, as for the check above.
    static func refuseReadFile(_ output: String?) throws {
        guard let output, output != "-", let input = FilesRead.read(asPath: output) else { return }
        let same = input == output ? "" : " (the same file as \(input))"
        FDWriter.standardError.write("topolint: error: --output \(output)\(same) is a file this command read; topolint never writes over its input, name another file\n")
        throw Exit.loadError
    }

    /// A file named on the command line (--config) that cannot be read is an I/O failure
    /// (exit status 3), said with its reason before any work starts.
    static func requireReadable(_ path: String?, what: String) throws {
        guard let path else { return }
        do { _ = try SourceFile.read(path: path, maxBytes: 1 << 20) } catch {
            if case .tooLarge = error { return }   // readable: the loader says what is wrong
            FDWriter.standardError.write("topolint: cannot read \(what) \(path): \(SourceFile.reason(error))\n")
            throw Exit.ioError
        }
    }

    /// Colour only on a terminal, and never with NO_COLOR set (no-color.org).
    static func wantsColor(_ choice: ColorChoice, fd: Int32 = 1) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            return isatty(fd) == 1
        }
    }

    static var currentDirectory: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
