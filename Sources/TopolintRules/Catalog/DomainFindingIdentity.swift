import TopolintCore

extension Rule {
    /// A domain finding (TL100, TL200) is about its VLAN. When the VLAN has one broadcast
    /// domain the VLAN alone identifies it, so a switch that joins the domain and sorts
    /// first (a new border leaf) keeps the fingerprint a baseline recorded; when the VLAN
    /// has several domains, the domain's first switch tells them apart. Earlier releases
    /// always counted the first switch: `earlierIdentity` keeps their baselines matching.
    static func identified(_ finding: Finding, domains: Int) -> Finding {
        guard domains == 1 else { return finding }
        var identified = finding
        identified.earlierIdentity = finding.identity
        identified.identity = []
        return identified
    }
}
