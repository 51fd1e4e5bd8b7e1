import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintRules
import TopolintConfig
import TopolintInventory
import TopolintImport

/// What the NetBox and Nautobot importers share on the command line.
struct SourceOfTruthOptions: ParsableArguments {
    @Option(name: .long, help: "The server's base URL, e.g. https://netbox.example.net (the API is under /api/).")
    var url: String

    @Option(name: .long, help: "Environment variable holding the API token (the token never goes on the command line).")
    var tokenEnv: String?

    @Option(name: .long, parsing: .singleValue, help: "Import only this site (name or slug); repeat for several.")
    var site: [String] = []

    @Option(name: [.short, .long], help: "Write the design to this file (default: standard output).")
    var output: String?

    @Option(name: .long, help: "A hand-kept topology fragment merged into the import (site links, zones, migration domains, ...).")
    var overlay: String?

    @Option(name: .long, parsing: .singleValue, help: "Device role slug that makes a device a switch; repeat to replace the default list.")
    var switchRole: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Cluster type to platform, TYPE=PLATFORM (e.g. vmware-vsphere=vsphere-8.0); repeat.")
    var platformMap: [String] = []

    @Option(name: .long, help: "The topology's name (default: the server's host name).")
    var name: String?

    @Flag(name: .long, help: "Do not verify the server's TLS certificate.")
    var insecure = false

    @Option(name: .long, help: "Seconds to wait for each answer.")
    var timeout: Double = 30

    @Option(name: .long, help: "Rule pack whose platform table checks the result.")
    var rules: String?
    func validate() throws {
        try Output.refuseOverwriting(output, inputs: [overlay, rules])
    }
}

/// Fetch, map, merge, check, then write: the output file appears only when all of it worked.
enum ImportRun {
    static func run(_ o: SourceOfTruthOptions, product: String, defaultTokenEnv: String,
                    read: (Connection) throws(InventoryError) -> Inventory) throws {
        func fail(_ message: String) -> ExitCode {
            FDWriter.standardError.write("topolint: error: \(message)\n")
            return Exit.loadError
        }
        guard let url = HTTPURL(o.url) else {
            throw fail("--url: '\(o.url)' is not an http(s) URL")
        }
        guard o.timeout > 0 else { throw fail("--timeout must be more than 0 seconds") }
        guard o.timeout <= Connection.maxTimeout else {
            throw fail("--timeout is \(o.timeout) seconds; it can be at most \(Int(Connection.maxTimeout)) (a day)")
        }
        var platformMap: [String: String] = [:]
        for entry in o.platformMap {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail("--platform-map: '\(entry)' is not TYPE=PLATFORM") }
            platformMap[parts[0].lowercased()] = parts[1]
        }
        let tokenVariable = o.tokenEnv ?? defaultTokenEnv
        let token = getenv(tokenVariable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        if token == nil { FDWriter.standardError.write("topolint: warning: \(tokenVariable) is not set; reading \(product) without a token\n") }

        var overlay: Overlay?
        if let path = o.overlay {
            switch Overlay.read(path: path) {
            case let .success(v): overlay = v
            case let .failure(problems):
                FDWriter.standardError.write(problems.map(\.oneLine).joined(separator: "\n") + "\n")
                throw Exit.loadError
            }
        }

        let inventory: Inventory
        do {
            inventory = try read(Connection(baseURL: url, token: token, verifyTLS: !o.insecure, timeout: o.timeout))
        } catch { throw fail(error.description) }

        let options = MappingOptions(switchRoles: o.switchRole.isEmpty ? MappingOptions.defaultSwitchRoles : o.switchRole,
                                     platformMap: platformMap, sites: o.site, topologyName: o.name ?? url.hostName)
        let mapped = InventoryMapping.map(inventory, options: options)
        for w in mapped.warnings { FDWriter.standardError.write("topolint: warning: \(w)\n") }
        var design = mapped.design
        if let overlay {
            switch overlay.merged(into: design) {
            case let .success(merged): design = merged
            case let .failure(problems):
                FDWriter.standardError.write(problems.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
                throw Exit.loadError
            }
        }
        design.header = [
            "Imported from \(inventory.source) at \(Self.redacted(url)) by `topolint import \(product.lowercased())`.",
            "Re-import rather than edit: hand-kept facts belong in the overlay\(o.overlay.map { " (\($0))" } ?? "").",
        ]
        if !o.site.isEmpty { design.header.append("Sites: \(o.site.joined(separator: ", ")).") }
        let text = DocumentWriter.write(design)

        // The result must load; a design topolint cannot read is not written.
        let shownName = o.output ?? "<import>"
        let (pack, packProblems) = ProjectConfig().resolvePack(override: o.rules)
        guard let pack, packProblems.isEmpty else {
            FDWriter.standardError.write(packProblems.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        let problems = TopologyLoader.load(bytes: Array(text.utf8), file: shownName,
                                           options: LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames)).diagnostics
        guard problems.isEmpty else {
            FDWriter.standardError.write("topolint: error: the imported design does not load (nothing written):\n"
                + problems.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        try Output.emit(text, to: o.output)   // whole or not at all: written beside the target, then renamed
    }

    /// The URL without credentials or query, for the provenance header.
    static func redacted(_ url: HTTPURL) -> String { url.withoutQuery }
}

struct ImportNetBoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netbox",
        abstract: "Import from NetBox 4.x over its REST API."
    )
    @OptionGroup var options: SourceOfTruthOptions

    func run() throws {
        try ImportRun.run(options, product: "NetBox", defaultTokenEnv: "NETBOX_TOKEN") { (c) throws(InventoryError) in
            try NetBoxReader(connection: c).read()
        }
    }
}

struct ImportNautobotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nautobot",
        abstract: "Import from Nautobot 2.x over its REST API."
    )
    @OptionGroup var options: SourceOfTruthOptions

    @Option(name: .long, parsing: .singleValue, help: "Location type whose locations are sites (default: Site); repeat for several.")
    var siteType: [String] = []

    func run() throws {
        let types = siteType.isEmpty ? ["site"] : siteType
        try ImportRun.run(options, product: "Nautobot", defaultTokenEnv: "NAUTOBOT_TOKEN") { (c) throws(InventoryError) in
            try NautobotReader(connection: c, siteTypes: types).read()
        }
    }
}
