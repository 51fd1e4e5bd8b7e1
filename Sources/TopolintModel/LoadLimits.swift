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

    /// Ordered pairs of different sites joined (directly or through others) by site links:
    /// the round-trip table keeps one figure for each. 4,192,256 is one group of 2,048
    /// sites (a 32 MiB table), far above any real estate; a fixed figure, not one that
    /// grows with the file, because the table grows with the square of what the file says.
    public static let linkedSitePairs = 2_048 * 2_047

    /// From this many hosts on, the fabric and the clusters load on two threads at once
    /// (below it a second thread saves too little to matter).
    public static let hostsInHalves = 20_000

    /// From this many YAML nodes on, clusters give their nodes' memory back once loaded
    /// (below it the memory is too little to be worth the calls).
    public static let releasingNodes = 1 << 18

    /// Diagnostics reported per file; the rest are summed up in one "and N more".
    public static let diagnosticsPerFile = 200

    /// Diagnostics built in full while loading; past this the file is known to fail and
    /// checking stops (the rest of the file is not looked at).
    public static let storedDiagnostics = 2_000

    /// Distinct unresolved names that get a "did you mean" suggestion.
    public static let suggestions = 200
}
