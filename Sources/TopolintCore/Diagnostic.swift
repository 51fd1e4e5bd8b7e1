/// The load errors (docs/format.md#9-load-errors): a file that produces any of them gets no design findings.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    case yamlSyntax = "TL001"
    case schema = "TL002"
    case unresolvedReference = "TL003"
    case duplicate = "TL004"

    public var id: String { rawValue }

    public var name: String {
        switch self {
        case .yamlSyntax: "yaml-syntax"
        case .schema: "schema"
        case .unresolvedReference: "unresolved-reference"
        case .duplicate: "duplicate"
        }
    }
}

/// A load error: the file (or a config or rule pack) cannot be used as written.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// An optional second line, e.g. "did you mean `uplinks`?".
    public var help: String?

    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, help: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.help = help
    }

    /// One line: `file:line:col: error[TL002] message (help)`.
    public var oneLine: String {
        var text = "\(location.description): error[\(code.id)] \(message)"
        if let help { text += " (\(help))" }
        return text
    }
}
