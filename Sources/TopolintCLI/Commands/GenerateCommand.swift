import ArgumentParser
import TopolintGenerate

/// `topolint generate`: writes a deterministic synthetic topology, for tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic topology (for tests and benchmarks).",
        discussion: """
        Profiles: small (about 500 hosts), medium (about 4,000 hosts), large (about 40,000 \
        hosts) and hyperscale (4 sites, about 8,000 switches, 160,000 hosts, 4,000 VLANs, \
        20,000 workloads and 2 million VMs). The same profile and seed always give the same \
        bytes. The default pattern form uses range keys and placeholders; --expanded writes \
        every entity and link by name, describing the same topology. --findings-heavy adds \
        problems that scale with the design (one per workload and one per cluster: tens of \
        thousands of findings at the hyperscale size) without changing the entity counts. \
        --counts prints the entity counts as JSON instead.
        """
    )

    @Option(name: .long, help: "Size.")
    var profile: GeneratorProfile = .small

    @Option(name: .long, help: "Seed; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Write every entity and link by plain name (no range patterns or placeholders).")
    var expanded = false

    @Flag(name: .long, help: "Add a problem per workload and per cluster, for benchmarks of large reports.")
    var findingsHeavy = false

    @OptionGroup var outputOptions: OutputOptions

    var output: String? { outputOptions.output }

    @Flag(name: .long, help: "Print the entity counts as JSON instead of the topology.")
    var counts = false

    func run() throws {
        let options = GeneratorOptions(profile: profile, seed: seed,
                                       expanded: expanded, findingsHeavy: findingsHeavy)
        var writer: BufferedWriter
        do { writer = BufferedWriter(try OutputFile.open(output)) } catch { throw Output.fail(error) }
        if counts {
            let c = TopologyGenerator.expectedCounts(options)
            let vms = TopologyGenerator.expectedVMCount(options)
            let entities = c.switches + c.hosts + c.vlans + c.workloads
            writer.append("{\"profile\": \"\(profile.rawValue)\", \"seed\": \(seed), \"sites\": \(c.sites), "
                          + "\"switches\": \(c.switches), \"hosts\": \(c.hosts), \"vlans\": \(c.vlans), "
                          + "\"workloads\": \(c.workloads), \"vms\": \(vms), \"entities\": \(entities)}\n")
        } else {
            TopologyGenerator.generate(options) { writer.append($0) }
        }
        do { try writer.finish() } catch { throw Output.fail(error) }
    }
}

extension GeneratorProfile: ExpressibleByArgument {}

/// Collects text into a buffer of about 1 MiB and writes it in large blocks to an
/// `OutputFile`, which keeps the first failure and reports it when finished.
private struct BufferedWriter {
    private var file: OutputFile
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    init(_ file: OutputFile) {
        self.file = file
        buffer.reserveCapacity(BufferedWriter.capacity + (1 << 18))
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= BufferedWriter.capacity { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws(OutputError) {
        flush()
        try file.finish()
    }
}
