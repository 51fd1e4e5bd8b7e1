/// Values the command keeps to the end of the process instead of freeing them.
///
/// A findings-heavy report is hundreds of thousands of small objects (each finding's
/// strings and context); freeing them one by one costs tens of milliseconds, and the
/// process exits right after, when the system takes the memory back at once. So the report
/// a command has written is handed here rather than dropped. (The model is not: it is
/// freed while the report is made, so that the two never sit in memory together.) Only the
/// main thread calls `keep`, a handful of times per run.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: consuming Any) {
        values.append(value)
    }
}
