import Foundation
import Testing

/// The exit status (docs/report.md ("Exit status")): 0 clean, 1 a finding reaches --fail-on, 2 load or usage error.
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

    /// A file named twice, or by two paths, is one design: its findings count once.
    @Test func aFileNamedTwiceIsLintedOnce() throws {
        let once = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--format", "json"])
        let twice = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "./examples/two-sites-vsphere.yaml", "examples/two-sites-vsphere.yaml", "--format", "json"])
        #expect(twice.status == once.status)
        let summary = { (r: CLI.Result) in (r.json as? [String: Any])?["summary"] as? [String: Any] }
        #expect(summary(twice)?["findings"] as? Int == summary(once)?["findings"] as? Int)
        #expect(summary(once)?["findings"] as? Int == 7)
        let junit = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "./examples/two-sites-vsphere.yaml", "--format", "junit"])
        #expect(junit.stdout.contains("<testsuites name=\"topolint\" tests=\"19\" failures=\"7\""), "\(junit.stdout.prefix(300))")
        #expect(junit.stdout.components(separatedBy: "<testsuite ").count == 2)
    }

    /// An argument that is not UTF-8 could not be passed on as a file name: exit 2 with
    /// the way around it, not "No such file" about a name with replacement characters.
    @Test func anArgumentThatIsNotUTF8IsSaid() throws {
        let r = try OutputSafetyTests.shell("\"$0\" lint \"$(printf 'bad\\377name.yaml')\"")
        #expect(r.status == 2)
        #expect(r.stderr.contains("argument 2 is not valid UTF-8; rename the file, or pass it on standard input"), "\(r.stderr)")
    }

    @Test func loadErrorsExitTwoWithFileLineColumn() throws {
        let r = try CLI.run(["lint", "examples/mistakes.yaml", "--color", "never"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("examples/mistakes.yaml:41:16: error[TL003]"))
        #expect(r.stdout.contains("did you mean 'fra1-r01-tor'?"))
        // The text report on standard output says it all; nothing is said twice.
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    /// A machine report, or a report written to a file, still leaves the load errors on
    /// standard error, one line each, so the terminal or CI log says why the status is 2.
    @Test(arguments: [["--format", "json"], ["--format", "sarif"], ["-o", "REPORT"]])
    func loadErrorsAreSaidOnStandardErrorBesideAMachineReport(_ extra: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.txt").path
        let r = try CLI.run(["lint", "examples/mistakes.yaml", "--color", "never"] + extra.map { $0 == "REPORT" ? report : $0 })
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 13, "\(r.stderr)")
        #expect(lines.first == "examples/mistakes.yaml:28:3: error[TL002] rack name 'fra1-r[12:09]': range [12:09] runs backwards: START must not be greater than END")
        #expect(lines.contains("examples/mistakes.yaml:41:16: error[TL003] between of a link names switch 'fra1-r01-tr', which does not exist (did you mean 'fra1-r01-tor'?)"))
        #expect(lines.last == "topolint: 12 load errors; no design findings for a file that cannot be loaded")
    }

    @Test(arguments: [
        ["lint", "examples/evpn-leaf-spine.yaml", "--format", "bogus"],
        ["lint"],
        ["no-such-command"],
        ["lint", "examples/evpn-leaf-spine.yaml", "--fail-on", "severe"],
        ["explain", "TL999"],
        ["what-if", "examples/two-sites-vsphere.yaml"],
        ["lint", "-", "-"],
        ["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--name", "x",
         "--migration-domain", "fra1-vdi,ams1-dr", "--name", "x"],
        ["what-if", "examples/two-sites-vsphere.yaml", "--migration-domain", "fra1-prod,ams1-dr", "--name", " "],
        // An empty folder would make every page's path absolute.
        ["rules", "--write-docs", ""],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }

    @Test func explainTakesIdsAndNamesInAnyCase() throws {
        let expected = try CLI.run(["explain", "TL200"]).stdout
        #expect(expected.hasPrefix("# TL200 stretched-vlan"))
        for written in ["tl200", "Stretched-VLAN", "STRETCHED-VLAN"] {
            let r = try CLI.run(["explain", written])
            #expect(r.status == 0 && r.stdout == expected, "\(written): \(r.stderr)")
        }
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
