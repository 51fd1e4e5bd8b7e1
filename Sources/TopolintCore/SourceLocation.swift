/// A place in a source file: 1-based line and column (columns count characters).
///
/// Every diagnostic and finding carries one; a message that cannot point at a line is a bug.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    /// `file:line:col`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }
}
