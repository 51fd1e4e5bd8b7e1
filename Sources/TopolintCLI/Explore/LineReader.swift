import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// Reads commands: with libedit's line editing, history and tab completion on a terminal,
/// plain lines from a pipe (so sessions can be scripted and tested).
final class LineReader {
    let interactive: Bool
    private var pending: [UInt8] = []
    private var atEOF = false

    /// Words offered by tab completion for the line typed so far (before the word being completed).
    nonisolated(unsafe) static var completer: (([String]) -> [String])?
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var matchIndex = 0

    init() {
        interactive = isatty(0) == 1 && isatty(1) == 1
        if interactive {
            topolint_set_completion { text, start, _ in
                let line = topolint_line_buffer().map { String(cString: $0) } ?? ""
                let before = String(line.utf8.prefix(Int(start))).map { String($0) } ?? ""
                let words = before.split(separator: " ").map(String.init)
                let prefix = text.map { String(cString: $0) } ?? ""
                LineReader.matches = (LineReader.completer?(words) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
                LineReader.matchIndex = 0
                topolint_completion_over()   // no file-name completion as a fallback
                return rl_completion_matches(text) { _, _ in
                    guard LineReader.matchIndex < LineReader.matches.count else { return nil }
                    defer { LineReader.matchIndex += 1 }
                    return strdup(LineReader.matches[LineReader.matchIndex])
                }
            }
        }
    }

    /// The next line without its newline, or nil at end of input.
    func next(prompt: String) -> String? {
        if interactive {
            guard let raw = readline(prompt) else { return nil }
            defer { free(raw) }
            let line = String(cString: raw)
            if !line.trimmingSpaces().isEmpty { add_history(raw) }
            return line
        }
        while true {
            if let newline = pending.firstIndex(of: 10) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if atEOF {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(0, &buffer, buffer.count)
            if n <= 0 { atEOF = true } else { pending += buffer[..<n] }
        }
    }
}
