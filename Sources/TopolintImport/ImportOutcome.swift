import TopolintCore

/// What an importer hands back: the document, and how often it had to approximate.
public struct ImportOutcome: Sendable {
    public var document: ImportDocument
    /// One entry per kind of approximation, in a fixed order; kinds that did not occur are left out.
    public var approximations: [Approximation]

    public init(document: ImportDocument, approximations: [Approximation]) {
        self.document = document
        self.approximations = approximations.filter { $0.count > 0 }
    }

    /// The warning lines for standard error, one per kind.
    public func warningLines(source: String) -> [String] {
        approximations.map { "topolint: warning: \(source) import: \($0.count) \($0.summary) (see the comments in the written file)" }
    }
}

/// A kind of thing the source can say and the format cannot, and how many times it occurred.
public struct Approximation: Sendable, Equatable {
    /// A stable identifier, e.g. `native-vlan`.
    public var kind: String
    /// What was approximated, as a plural phrase after the count: "native VLANs written as tagged".
    public var summary: String
    public var count: Int

    public init(kind: String, summary: String, count: Int) {
        self.kind = kind
        self.summary = summary
        self.count = count
    }
}

/// Why an importer could not read its source at all: a message at a place in the file.
public struct ImportFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
