import ArgumentParser
import TopolintModel

/// `topolint schema`: the topology format as JSON Schema, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the topology format.",
        discussion: """
        Editors with the YAML language server validate and complete topology files against it: \
        save it (topolint schema -o topology.schema.json) and start a topology file with \
        `# yaml-language-server: $schema=./topology.schema.json`.
        """
    )

    @OptionGroup var outputOptions: OutputOptions

    var output: String? { outputOptions.output }

    func run() throws {
        try Output.emit(JSONSchemaExport.schema().serialized(pretty: true) + "\n", to: output)
    }
}
