import TopolintCore

/// What docs/format.md#9-load-errors says about each load error, for formats that describe every rule they
/// report (SARIF's rules array). Load errors are not rules of a pack, so no RuleDescriptor
/// exists for them.
extension DiagnosticCode {
    var summary: String {
        switch self {
        case .yamlSyntax: "the file is not valid YAML or holds more than one document"
        case .schema: "unknown key, wrong type, missing required key, or value out of range"
        case .unresolvedReference: "a reference names no entity"
        case .duplicate: "duplicate key or name, duplicate site link, or two VLANs with one vni"
        }
    }

    var rationale: String {
        "A file with a load error cannot be analysed: topolint reports no design findings "
            + "for it until the error is fixed."
    }
}
