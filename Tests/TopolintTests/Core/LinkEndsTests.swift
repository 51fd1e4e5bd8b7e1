import Testing
import TopolintCore
@testable import TopolintModel

/// A link's ends: a declared name is looked up straight from the scalar, anything else goes
/// through text and range patterns. Both ways must give the same links and the same errors.
@Suite struct LinkEndsTests {
    static let head = """
        topology: t
        version: 1
        sites: {s: }
        switches:
          "leaf[1:2]": {site: s}
          "spine[1:2]": {site: s}
        links:

        """

    @Test("plain names, a pattern and a placeholder make the links written, named a -- b")
    func links() throws {
        let t = try #require(CoreFixture.topology(Self.head + """
              - {between: [leaf1, spine1]}
              - {between: ["leaf[1:2]", spine2], mode: routed}
              - {between: ["leaf[1:2]", "spine{1}"], vlans: []}
            """))
        #expect(t.linkNames == ["leaf1 -- spine1", "leaf1 -- spine2", "leaf2 -- spine2", "leaf1 -- spine1", "leaf2 -- spine2"])
        #expect(t.links.map(\.mode) == [.trunk, .routed, .routed, .trunk, .trunk])
        #expect(t.links.map(\.location.line) == [8, 9, 9, 10, 10])
    }

    @Test("an unknown first end and an unknown second end are both reported, at each end")
    func unknownEnds() {
        let diagnostics = CoreFixture.diagnostics(Self.head + """
              - {between: [leaf9, spine9]}
              - {between: [leaf1, spine9]}
              - {between: [leaf1, leaf1]}
            """)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.oneLine))")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 8, column: 16, "leaf9")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 8, column: 23, "spine9")
        CoreFixture.expect(diagnostics, .unresolvedReference, line: 9, column: 23, "spine9")
        CoreFixture.expect(diagnostics, .schema, line: 10, column: 15, "a link joins a switch to itself")
    }
}
