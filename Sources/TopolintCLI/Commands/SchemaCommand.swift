import ArgumentParser
import TopolintCore
import TopolintModel
import TopolintRules

/// `topolint schema`: the topology format as JSON Schema, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07, or 2020-12) of the topology format.",
        discussion: """
        Editors with the YAML language server validate and complete topology files against it: \
        save it (topolint schema -o topology.schema.json) and start a topology file with \
        `# yaml-language-server: $schema=./topology.schema.json`. Platform names come from the \
        active rule pack (--rules, else the nearest .topolint.yaml's pack, else default).
        """
    )

    @OptionGroup var outputOptions: OutputOptions

    var output: String? { outputOptions.output }

    @Option(name: .long, help: "JSON Schema draft: 07 (the YAML language server's best supported) or 2020-12.")
    var draft: JSONSchemaExport.Draft = .draft07

    /// The pack whose platforms the schema lists: --rules, else the pack of the
    /// configuration a topology file in the working directory would get.
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        // The configuration a topology file in the working directory would get.
        var pipeline = Pipeline(settings: configOptions.settings)
        let (projectConfig, configProblems) = pipeline.configuration(for: "./topology.yaml")
        let (pack, packProblems) = projectConfig?.resolvePack(override: configOptions.rules) ?? (nil, [])
        guard let pack, configProblems.isEmpty, packProblems.isEmpty else {
            FDWriter.standardError.write((configProblems + packProblems).map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        let options = JSONSchemaExport.Options(draft: draft, platforms: Array(pack.platforms.keys),
                                               ruleNames: RuleRegistry.acceptedNames)
        try Output.emit(JSONSchemaExport.schema(options).serialized(pretty: true) + "\n", to: output)
    }
}

extension JSONSchemaExport.Draft: ExpressibleByArgument {}
