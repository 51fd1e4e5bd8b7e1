import ArgumentParser
import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintConfig
import TopolintRules
import TopolintImport

/// `topolint import SOURCE …`: a design from another tool, written as a topology file.
/// One subcommand per source; each reads its input and hands an `ImportOutcome` to
/// `ImportWriting.finish`, which writes, checks and reports it the same way for all.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write another tool's design as a topology file.",
        discussion: """
        The written file starts with a comment naming its source, marks every approximation \
        with a comment at its place, and is checked by the same loader as `lint` before it is \
        written. One warning line per kind of approximation goes to standard error. Lint a \
        source directly with: topolint import netlab netlab.snapshot.yml | topolint lint -
        Exit status: 0 written; 2 the source cannot be read or the command line is wrong; 3 the output cannot be written.
        """,
        subcommands: ImportSources.all
    )
}

/// The importers, in the order `import --help` lists them.
enum ImportSources {
    static let all: [ParsableCommand.Type] = [
        ImportNetlabCommand.self,
        ImportNetBoxCommand.self,
        ImportNautobotCommand.self,
    ]
}

enum ImportWriting {
    /// Reads the source file (or standard input for `-`), or says why not and ends with exit 2.
    static func read(_ path: String) throws -> [UInt8] {
        do { return try SourceFile.read(path: path) } catch {
            FDWriter.standardError.write(SourceFile.diagnostic(for: error, path: path).oneLine + "\n")
            throw Exit.loadError
        }
    }

    static func fail(_ failure: ImportFailure) -> ExitCode {
        FDWriter.standardError.write(failure.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
        return Exit.loadError
    }

    /// Writes the document to `output` (standard output when nil or `-`) after loading the
    /// bytes with the linter's own loader: a file the importer got wrong is never written.
    static func finish(_ outcome: ImportOutcome, source: String, output: String?) throws {
        let text = DocumentWriter.write(outcome.document)
        let (pack, _) = ProjectConfig().resolvePack()
        let options = LoadOptions(platforms: pack.map { Array($0.platforms.keys) } ?? ["generic"], ruleNames: RuleRegistry.acceptedNames)
        let label = output.flatMap { $0 == "-" ? nil : $0 } ?? "<import>"
        let loaded = TopologyLoader.load(bytes: Array(text.utf8), file: label, options: options)
        guard loaded.diagnostics.isEmpty else {
            FDWriter.standardError.write("topolint: the \(source) import does not load; nothing written:\n"
                + loaded.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        try Output.emit(text, to: output)
        for line in outcome.warningLines(source: source) { FDWriter.standardError.write(line + "\n") }
    }
}
