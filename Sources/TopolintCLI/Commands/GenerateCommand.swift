import ArgumentParser
import Foundation
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
        every entity and link by name, describing the same topology. --counts prints the \
        entity counts as JSON instead.
        """
    )

    @Option(name: .long, help: "Size.")
    var profile: GeneratorProfile = .small

    @Option(name: .long, help: "Seed; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Write every entity and link by plain name (no range patterns or placeholders).")
    var expanded = false

    @OptionGroup var outputOptions: OutputOptions

    var output: String? { outputOptions.output }

    @Flag(name: .long, help: "Print the entity counts as JSON instead of the topology.")
    var counts = false

    func run() throws {
        let options = GeneratorOptions(profile: profile, seed: seed,
                                       expanded: expanded)
        let handle: Foundation.FileHandle
        if let output, output != "-" {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                  let file = Foundation.FileHandle(forWritingAtPath: output)
            else {
                Self.fail("cannot write \(output)")
                throw ExitCode(2)
            }
            handle = file
        } else {
            handle = Foundation.FileHandle.standardOutput
        }
        var writer = BufferedWriter(handle: handle)
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
        writer.flush()
        if handle !== Foundation.FileHandle.standardOutput { try? handle.close() }
        if let error = writer.error {
            Self.fail("write failed: \(error)")
            throw ExitCode(2)
        }
    }

    private static func fail(_ message: String) {
        Foundation.FileHandle.standardError.write(Data("topolint: \(message)\n".utf8))
    }
}

extension GeneratorProfile: ExpressibleByArgument {}

/// Collects text into a buffer of about 1 MiB and writes it in large blocks; after the first
/// failure it keeps the error and drops the rest.
private struct BufferedWriter {
    let handle: Foundation.FileHandle
    private var buffer = Data()
    private(set) var error: Error?
    private static let capacity = 1 << 20

    init(handle: Foundation.FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(BufferedWriter.capacity + (1 << 18))
    }

    mutating func append(_ text: String) {
        guard error == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= BufferedWriter.capacity { flush() }
    }

    mutating func flush() {
        guard error == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            self.error = error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
