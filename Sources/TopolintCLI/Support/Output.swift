import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Minimal unbuffered writers to a file descriptor: standard output, standard error or a
/// file (named apart from Foundation's FileHandle, which the tests and `generate` use).
struct FDWriter {
    let fd: Int32

    static let standardOutput = FDWriter(fd: 1)
    static let standardError = FDWriter(fd: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}

enum Output {
    /// Writes the report to `path` (or standard output when nil). Returns false and says
    /// why on standard error when the file cannot be written.
    static func emit(_ text: String, to path: String?) -> Bool {
        guard let path, path != "-" else {
            FDWriter.standardOutput.write(text)
            return true
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            FDWriter.standardError.write("topolint: cannot write \(path): \(String(cString: strerror(errno)))\n")
            return false
        }
        FDWriter(fd: fd).write(text)
        close(fd)
        return true
    }

    /// Like `emit`, but a file appears whole or not at all: written beside the target, then
    /// renamed over it.
    static func emitAtomically(_ text: String, to path: String?) -> Bool {
        guard let path, path != "-" else { return emit(text, to: path) }
        let temporary = path + ".partial-\(getpid())"
        guard emit(text, to: temporary) else { return false }
        guard rename(temporary, path) == 0 else {
            FDWriter.standardError.write("topolint: cannot write \(path): \(String(cString: strerror(errno)))\n")
            unlink(temporary)
            return false
        }
        return true
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
