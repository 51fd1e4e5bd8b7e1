import ArgumentParser
import TopolintCore
#if canImport(Glibc)
import Glibc
#endif

/// `topolint`: the root command. Subcommands live in Commands/, one file each.
public struct TopolintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "topolint",
        abstract: "Static design analysis for data-center L2/L3 topologies.",
        discussion: """
        topolint reads a YAML topology (sites, pods, racks, switches, links, VXLAN, clusters, \
        hosts, workloads, VLANs with gateways, migration domains), builds its broadcast domains \
        and flags stretched VLANs, oversized broadcast domains, cross-site migration, gateway \
        trombones and related faults, each with a score from 0 to 10.

        Exit status: 0 no finding reaches --fail-on; 1 one does; 2 a file cannot be loaded or \
        the command line is wrong; 3 an output cannot be written, or a baseline or \
        configuration cannot be read.
        """,
        version: Project.version,
        subcommands: CommandList.all
    )

    public init() {}

    /// Runs the command line and exits. A usage error exits 2 (the contract), not
    /// swift-argument-parser's 64.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        // Arguments reach the parser as Strings, with bytes that are not UTF-8 replaced: a
        // file named that way could never be opened. Said plainly, with the way around it.
        if arguments == nil, let bad = (1..<Int(CommandLine.argc)).first(where: { i in
            CommandLine.unsafeArgv[i].map { String(validatingCString: $0) == nil } ?? false
        }) {
            FDWriter.standardError.write("topolint: error: argument \(bad) is not valid UTF-8; rename the file, or pass it on standard input ('topolint lint - < FILE')\n")
            Glibc.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FDWriter.standardError.write(message + (message.hasSuffix("\n") ? "" : "\n"))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes (docs/report.md#2-exit-status).
enum Exit {
    static let findings = ExitCode(1)
    static let loadError = ExitCode(2)
    /// A report, baseline or other output could not be written, or a baseline or
    /// configuration could not be read (disk full, permission, no such folder).
    static let ioError = ExitCode(3)
}
