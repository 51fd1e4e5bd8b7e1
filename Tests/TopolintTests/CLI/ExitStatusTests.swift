import Foundation
import Testing

/// The exit status (docs/report.md#2-exit-status): 0 clean, 1 a finding reaches --fail-on, 2 load or usage error.
@Suite struct ExitStatusTests {
    @Test func cleanExampleExitsZero() throws {
        let r = try CLI.run(["lint", "examples/evpn-leaf-spine.yaml", "--color", "never"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("no findings"))
    }

    @Test func findingsExitOneAndFailOnRaisesTheBar() throws {
        #expect(try CLI.run(["lint", "examples/two-sites-vsphere.yaml"]).status == 1)
        #expect(try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--fail-on", "critical"]).status == 0)
        #expect(try CLI.run(["lint", "examples/three-tier-legacy.yaml", "--fail-on", "high"]).status == 0)
        #expect(try CLI.run(["lint", "examples/three-tier-legacy.yaml", "--fail-on", "medium"]).status == 1)
    }

    @Test func loadErrorsExitTwoWithFileLineColumn() throws {
        let r = try CLI.run(["lint", "examples/mistakes.yaml", "--color", "never"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("examples/mistakes.yaml:41:16: error[TL003]"))
        #expect(r.stdout.contains("did you mean 'fra1-r01-tor'?"))
    }

    @Test(arguments: [
        ["lint", "examples/evpn-leaf-spine.yaml", "--format", "bogus"],
        ["lint"],
        ["no-such-command"],
        ["lint", "examples/evpn-leaf-spine.yaml", "--fail-on", "severe"],
        ["explain", "TL999"],
        ["what-if", "examples/two-sites-vsphere.yaml"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }

    @Test func helpAndVersionExitZero() throws {
        #expect(try CLI.run(["--version"]).stdout.contains("0.1.0"))
        for command in ["lint", "domains", "what-if", "explain", "rules", "schema", "baseline", "generate", "explore"] {
            let r = try CLI.run([command, "--help"])
            #expect(r.status == 0, "\(command) --help")
            #expect(r.stdout.contains("USAGE"), "\(command) --help")
        }
    }

    @Test func theLinterNeverChangesItsInput() throws {
        let path = CLI.packageRoot.appendingPathComponent("examples/two-sites-vsphere.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        for format in ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"] {
            try CLI.run(["lint", path, "--format", format])
        }
        try CLI.run(["domains", path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
    }
}
