/// The loader's limits, so that the work for a file is bounded by what the file says, not
/// by how much a few bytes can ask for. Every figure grows with the file's meaningful
/// nodes (keys, values, list items; comments, blank space and padding count for nothing)
/// from a fixed floor far above any real design. docs/format.md lists them.
public enum LoadLimits {
    /// Names all range patterns of a file may stand for together: one million, plus 16 per
    /// YAML node.
    public static func names(nodes: Int) -> Int { 1_000_000 + 16 * nodes }

    /// References resolved and names looked up across every instance of every pattern
    /// (a host pattern times its uplinks list, say): 16 million, plus 16 per YAML node.
    public static func work(nodes: Int) -> Int { 16_000_000 + 16 * nodes }

    /// From this many hosts on, the fabric and the clusters load on two threads at once
    /// (below it a second thread saves too little to matter).
    public static let hostsInHalves = 20_000

    /// Diagnostics reported per file; the rest are summed up in one "and N more".
    public static let diagnosticsPerFile = 200

    /// Diagnostics built in full while loading; past this the file is known to fail and
    /// checking stops (the rest of the file is not looked at).
    public static let storedDiagnostics = 2_000

    /// Distinct unresolved names that get a "did you mean" suggestion.
    public static let suggestions = 200
}
