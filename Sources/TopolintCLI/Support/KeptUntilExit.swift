/// Values the command keeps to the end of the process instead of freeing them.
///
/// A large design's model, analysis and report are millions of small objects; freeing them
/// one by one costs as much as a rule run (tens of milliseconds on an estate of 160,000
/// hosts), and the process exits right after, when the system takes the memory back at
/// once. So the last thing a command loads and the report it writes are handed here rather
/// than dropped. Only the main thread calls `keep`, only a handful of times per run.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: consuming Any) {
        values.append(value)
    }
}
