import ArgumentParser
import TopolintRules
import TopolintReporters

/// `topolint explore FILE`: an interactive what-if of one proposed migration domain.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore a proposed migration domain interactively (line editing and tab completion on a terminal; scriptable through a pipe).",
        discussion: "Type `help` in the session for its commands."
    )

    @Argument(help: "A topology file.")
    var file: String

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        var pipeline = Pipeline(settings: configOptions.settings)
        let (context, _) = try pipeline.ruleContext(for: file)
        let topology = context.topology
        var state = ExploreSession(WhatIfSession(context))
        let reader = LineReader()
        let captured = state
        LineReader.completer = { words in captured.completions(after: words) }
        // Answers nobody can read are not worth computing: a full or closed standard output
        // ends the session with exit status 3, as it ends every other command.
        func say(_ text: String) throws {
            if let reason = FDWriter.standardOutput.write(text) {
                throw Output.fail(OutputError(path: "standard output", reason: reason))
            }
        }
        try say("topolint explore: \(topology.clusters.count) clusters, \(topology.vlans.count) VLANs, "
                + "\(state.session.before.findings.count) findings as written. Type help for commands.\n")
        while let line = reader.next(prompt: "what-if> ") {
            if !reader.interactive && !line.trimmingSpaces().isEmpty { try say("what-if> \(TextReporter.clean(line))\n") }
            let (text, keepGoing) = state.execute(line.trimmingSpaces())
            try say(text)
            LineReader.completer = { [state] words in state.completions(after: words) }
            if !keepGoing { break }
        }
    }
}
