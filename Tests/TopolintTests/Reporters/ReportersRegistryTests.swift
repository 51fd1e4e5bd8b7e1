import Testing
import TopolintCore
@testable import TopolintReporters

@Suite("Reporters registry")
struct ReportersRegistryTests {
    @Test func everyFormatIsRegisteredUnderItsID() {
        #expect(Reporters.ids == ["text", "json", "sarif", "junit", "github", "gitlab", "markdown"])
        for id in Reporters.ids {
            let reporter = Reporters.reporter(for: id)
            #expect(reporter?.id == id)
            #expect(reporter?.summary.isEmpty == false)
        }
        #expect(Reporters.reporter(for: "yaml") == nil)
        #expect(Reporters.all.count == Reporters.ids.count)
    }

    @Test func everyReporterHandlesEmptyAndFullReports() {
        let empty = LintReport(files: [], diagnostics: [], findings: [], suppressed: [], rules: [])
        for id in Reporters.ids {
            for report in [empty, ReportFixture.clean, ReportFixture.report(), ReportFixture.report(sources: false)] {
                let out = Reporters.render(report, format: id, options: ReportOptions(color: true, repositoryRoot: "/repo"))
                #expect(out != nil)
            }
        }
        #expect(Reporters.render(empty, format: "nope") == nil)
    }

    @Test func renderingIsDeterministic() {
        for id in Reporters.ids {
            let a = Reporters.render(ReportFixture.report(), format: id)
            let b = Reporters.render(ReportFixture.report(), format: id)
            #expect(a == b, "\(id)")
        }
    }
}
