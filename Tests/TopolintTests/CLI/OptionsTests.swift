import Foundation
import Testing
import TopolintReporters

/// Options shared by several commands are one declaration: the same names, values and
/// completions wherever they appear.
@Suite struct OptionsTests {
    /// The long options a command's --help lists.
    static func options(of command: String) throws -> Set<String> {
        let help = try CLI.run([command, "--help"]).stdout
        let words = help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "[" || $0 == "]" })
        return Set(words.filter { $0.hasPrefix("--") }.map(String.init))
    }

    @Test func commandsThatReadATopologyTakeTheSameConfigOptions() throws {
        for command in ["lint", "domains", "what-if", "explore", "baseline"] {
            let options = try Self.options(of: command)
            #expect(options.isSuperset(of: ["--config", "--rules"]), "\(command): \(options.sorted())")
        }
        for command in ["lint", "domains", "what-if", "baseline", "schema", "generate"] {
            #expect(try Self.options(of: command).contains("--output"), "\(command)")
        }
        for command in ["lint", "domains", "what-if", "rules"] {
            #expect(try Self.options(of: command).contains("--format"), "\(command)")
        }
    }

    @Test func formatValuesAreEachCommandsOwn() throws {
        let lint = try CLI.run(["lint", "examples/evpn-leaf-spine.yaml", "--format", "markdown"])
        #expect(lint.status == 0 && lint.stdout.contains("|"))
        for command in [["domains", "examples/evpn-leaf-spine.yaml"], ["rules"]] {
            let wrong = try CLI.run(command + ["--format", "sarif"])
            #expect(wrong.status == 2, "\(command)")
            #expect(wrong.stderr.contains("'sarif' is invalid for '--format"), "\(wrong.stderr)")
            let json = try CLI.run(command + ["--format", "json"])
            #expect(json.status == 0 && json.json != nil, "\(command)")
        }
    }

    @Test func shellCompletionOffersTheFormatsOfTheRegistry() throws {
        let zsh = try CLI.run(["--generate-completion-script", "zsh"]).stdout
        let quoted = Reporters.ids.map { "'\($0)'" }.joined(separator: " ")
        #expect(zsh.contains("___format=(\(quoted))"), "no lint --format completion listing \(quoted)")
        #expect(zsh.contains("___format=('text' 'json')"))
        #expect(zsh.contains("'default' 'strict' 'legacy-vsphere'"))
    }
}
