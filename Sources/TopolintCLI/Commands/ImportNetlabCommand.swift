import ArgumentParser
import TopolintImport

/// `topolint import netlab SNAPSHOT`: a resolved netlab lab as a topology file.
struct ImportNetlabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netlab",
        abstract: "Import a netlab lab: its netlab.snapshot.yml, or the file 'netlab create -o yaml=FILE' writes.",
        discussion: """
        Nodes that bridge VLANs become switches; hosts, and routers that join VLANs without \
        bridging them, become hosts of cluster 'netlab'; a multi-access link of three or more \
        nodes becomes a switch of its own. docs/import.md has the whole mapping.
        """
    )

    @Argument(help: "The resolved netlab topology ('-' reads standard input).", completion: .file(extensions: ["yml", "yaml"]))
    var snapshot: String

    @OptionGroup var outputOptions: OutputOptions

    @Flag(name: .long, help: "A site per netlab group (a node goes to the first group that holds it) instead of one site.")
    var siteFromGroup = false

    @Flag(name: .long, help: "A cluster per netlab group (a host goes to the first group that holds it) instead of one cluster 'netlab'.")
    var clusterFromGroup = false

    func validate() throws {
        try outputOptions.refuseOverwriting([snapshot])
    }

    func run() throws {
        let bytes = try ImportWriting.read(snapshot)
        let name = snapshot == "-" ? "standard input" : snapshot
        let outcome: ImportOutcome
        do {
            outcome = try NetlabImporter.run(bytes: bytes, file: snapshot, options: .init(sourceName: name, siteFromGroup: siteFromGroup, clusterFromGroup: clusterFromGroup))
        } catch {
            throw ImportWriting.fail(error)
        }
        try ImportWriting.finish(outcome, source: "netlab", output: outputOptions.output)
    }
}
