import TopolintModel

/// How far a broadcast domain reaches (docs/format.md, “Scope”).
public enum Scope: String, Comparable, Sendable, CaseIterable {
    case rack, pod, site
    case multiSite = "multi-site"

    var rank: Int { Scope.allCases.firstIndex(of: self)! }
    public static func < (a: Scope, b: Scope) -> Bool { a.rank < b.rank }
}

/// One connected component of a VLAN's bridged graph, with its figures.
public struct BroadcastDomain: Sendable {
    public var vlan: Int
    /// Switch indexes, sorted by switch name.
    public var switches: [Int32]
    public var hostCount: Int
    public var racks: [Int]
    public var pods: [Int]
    public var sites: [Int]
    public var clusters: [Int]
    /// Sum of count·k/n over the workloads naming the VLAN; real, rounded only for display.
    public var endpoints: Double
    public var scope: Scope
    /// Forwarding gateways of the VLAN (active or anycast) inside this domain.
    public var gateways: [Int]
    /// Switches only: no host joins it and no gateway of the VLAN is in it. A stub does not
    /// make its VLAN partitioned (docs/format.md, "Broadcast domains"), though it is listed.
    public var isStub: Bool = false

    /// `endpoints` rounded half up, as reports show it.
    public var roundedEndpoints: Int { roundHalfUp(endpoints) }

    /// The first switch by name (the `switch` context key of docs/report.md#3-the-json-of-lint).
    public var firstSwitch: Int { Int(switches[0]) }
}

/// Scope from the distinct racks, pods and sites of a domain's members.
public func scope(racks: Int, pods: Int, sites: Int) -> Scope {
    if sites >= 2 { return .multiSite }
    if pods >= 2 { return .site }
    if racks >= 2 { return .pod }
    return .rack
}

/// An endpoint figure as reports show it: rounded half up, after snapping the drift of
/// floating-point sums (6.4999999 that is really 6.5) to the half it stands for.
public func roundHalfUp(_ value: Double) -> Int {
    Int((snapToHalves(value) + 0.5).rounded(.down))
}
