// yaml-bare-parse FILE: the floor for benchmarks. Reads FILE into memory and runs only
// libyaml's event parser over it (no tree, no model), then prints the number of events.
// Exit status: 0 parsed, 1 a parse error or an unreadable file, 2 a usage error.
import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String, status: Int32) -> Never {
    let text = Array("yaml-bare-parse: \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else { fail("usage: yaml-bare-parse FILE", status: 2) }
let path = arguments[1]

/// The whole file, read with plain POSIX calls.
func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
    var filled = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        if filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            filled += n
        } else {
            // The file grew (or has no size, like a pipe): read on.
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            filled += n
        }
    }
    if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
    return bytes
}

guard var source = readFile(path) else {
    fail("cannot read \(path): \(String(cString: strerror(errno)))", status: 1)
}
if source.isEmpty { source = [0x0A] }   // a pointer for libyaml even for an empty file

var parser = yaml_parser_t()
guard yaml_parser_initialize(&parser) != 0 else { fail("cannot initialize libyaml", status: 1) }

var events = 0
var failure: String?
source.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while true {
        guard yaml_parser_parse(&parser, &event) != 0 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
            failure = "\(path):\(parser.problem_mark.line + 1):\(parser.problem_mark.column + 1): \(problem)"
            return
        }
        events += 1
        let done = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if done { return }
    }
}
yaml_parser_delete(&parser)

if let failure { fail(failure, status: 1) }
print(events)
