import Foundation
import Testing

/// Nothing is lost on write: every failed write is said, with the path, and exit status 3;
/// a file being replaced is either the old one or the new one, never a torn one.
@Suite struct OutputSafetyTests {
    static let example = "examples/two-sites-vsphere.yaml"

    /// Every command that writes, pointed at a full device.
    static let writers: [[String]] = [
        ["lint", example, "-o", "/dev/full"],
        ["lint", example, "--format", "sarif", "-o", "/dev/full"],
        ["lint", example, "--format", "html", "-o", "/dev/full"],
        ["graph", example, "-o", "/dev/full"],
        ["domains", example, "-o", "/dev/full"],
        ["baseline", example, "-o", "/dev/full"],
        ["what-if", example, "--remove-migration-domain", "metro", "-o", "/dev/full"],
        ["generate", "-o", "/dev/full"],
        ["schema", "-o", "/dev/full"],
    ]

    @Test(arguments: writers)
    func aFullDiskIsAnErrorNamingThePath(arguments: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 3, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("cannot write /dev/full: No space left on device"), "\(arguments): \(r.stderr)")
        #expect(!r.stderr.contains("recorded"))
    }

    /// Standard output full (a redirect to /dev/full) or closed is caught the same way.
    @Test(arguments: [["lint", example], ["rules"], ["schema"], ["generate"], ["explain", "TL200"]])
    func aFullStandardOutputIsAnError(arguments: [String]) throws {
        let r = try Self.run(arguments, stdout: FileHandle(forWritingAtPath: "/dev/full")!)
        #expect(r.status == 3, "\(arguments)")
        #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(arguments): \(r.stderr)")
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let r = try Self.shell("exec \"$0\" schema >&-")
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot write standard output: Bad file descriptor"), "\(r.stderr)")
    }

    /// explore stops at the first answer it cannot write, rather than reading on.
    @Test func exploreStopsWhenStandardOutputIsFull() throws {
        let r = try Self.shell("printf 'help\\nshow\\nquit\\n' | \"$0\" explore \(Self.example) >/dev/full")
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "cannot write").count == 2, "said once: \(r.stderr)")
    }

    /// The linter never changes its input: --output naming a file the command reads, by
    /// any path (a symbolic link, ./name), is a command-line error and the file stays as it was.
    @Test(arguments: [["lint", "IN", "-o", "IN"], ["lint", "IN", "--format", "json", "-o", "./design.yaml"],
                      ["domains", "IN", "-o", "LINK"], ["graph", "IN", "-o", "IN"],
                      ["baseline", "IN", "-o", "IN"], ["what-if", "IN", "--remove-migration-domain", "x", "-o", "IN"],
                      ["lint", "IN", "--config", "CONFIG", "-o", "CONFIG"], ["import", "netlab", "IN", "-o", "IN"]])
    func outputNeverReplacesAnInput(_ template: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("design.yaml")
        try FileManager.default.copyItem(atPath: Self.example, toPath: input.path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "design.yaml")
        try Data("fail_on: high\n".utf8).write(to: dir.appendingPathComponent("config.yaml"))
        let before = try Data(contentsOf: input)
        let names = ["IN": "design.yaml", "LINK": "link.yaml", "CONFIG": "config.yaml"]
        let r = try CLI.run(template.map { names[$0] ?? $0 }, in: dir)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("is a file this command reads; topolint never writes over its input"), "\(r.stderr)")
        #expect(try Data(contentsOf: input) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["config.yaml", "design.yaml", "link.yaml"])
    }

    /// Files read without being named for it are inputs too: the configuration found above
    /// the topology, the rule pack it names, the file behind `-`, a FIFO nobody writes to
    /// (read as empty, never waited on).
    @Test func filesFoundOrPipedInAreNeverReplacedEither() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("design.yaml")
        try FileManager.default.copyItem(atPath: Self.example, toPath: design.path)
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("rules/default.yaml").path,
                                         toPath: dir.appendingPathComponent("mypack.yaml").path)
        try Data("pack: mypack.yaml\nfail_on: high\n".utf8).write(to: dir.appendingPathComponent(".topolint.yaml"))
        let snapshot = { () throws -> [String: Data] in
            var all: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) { all[name] = try Data(contentsOf: dir.appendingPathComponent(name)) }
            return all
        }
        let before = try snapshot()
        for target in [".topolint.yaml", "mypack.yaml"] {
            let r = try CLI.run(["lint", "design.yaml", "-o", target], in: dir)
            #expect(r.status == 2, "\(target): \(r.stderr)")
            #expect(r.stderr.contains("is a file this command read; topolint never writes over its input"), "\(r.stderr)")
        }
        let piped = try Self.shell("cd \(dir.path) && \"$0\" lint - -o design.yaml < design.yaml")
        #expect(piped.status == 2, "\(piped.stderr)")
        #expect(piped.stderr.contains("--output design.yaml (the same file as standard input) is a file this command read"), "\(piped.stderr)")
        #expect(try snapshot() == before)
        // A FIFO with no writer: an empty file (TL001), at once.
        #expect(mkfifo(dir.appendingPathComponent("fifo").path, 0o600) == 0)
        let fifo = try Self.shell("cd \(dir.path) && timeout 20 \"$0\" lint fifo --format json")
        #expect(fifo.status == 2)
    }

    /// A file that exists where no new file can be made beside it (procfs): the reason
    /// says which step failed.
    @Test func aFileThatCannotBeReplacedSaysWhy() throws {
        let r = try CLI.run(["lint", Self.example, "-o", "/proc/version"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot write /proc/version: No such file or directory (making the new file beside it in /proc)"), "\(r.stderr)")
    }

    /// A reader that goes away early is a failed write, said and exit status 3, not a
    /// death by SIGPIPE.
    @Test func aClosedPipeIsExitThree() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("big.yaml").path
        #expect(try CLI.run(["generate", "--profile", "medium", "--findings-heavy", "-o", design]).status == 0)
        let r = try Self.shell("\"$0\" lint \(design) --format json | head -c1 >/dev/null; exit ${PIPESTATUS[0]}")
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write standard output: Broken pipe"), "\(r.stderr)")
    }

    @Test func aMissingFolderIsAnError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("no/such/folder/report.json").path
        let r = try CLI.run(["lint", Self.example, "--format", "json", "-o", target])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot write \(target): No such file or directory"))
    }

    /// A rewrite that fails after 8 KB (a file-size limit stands in for a full disk) leaves
    /// the existing report as it was, and no temporary file behind.
    @Test func aFailedRewriteLeavesTheOldFileUntouched() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.sarif")
        let first = try CLI.run(["lint", Self.example, "--format", "sarif", "-o", target.path])
        #expect(first.status == 1)
        let before = try Data(contentsOf: target)
        #expect(before.count > 16_384)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let r = try Self.shell("ulimit -f 8; trap '' XFSZ; exec \"$0\" lint \(Self.example) --format sarif -o \(target.path)")
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot write \(target.path): File too large"), "\(r.stderr)")
        #expect(try Data(contentsOf: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.sarif"])

        // A rewrite that succeeds replaces the file whole and keeps its permissions.
        let ok = try CLI.run(["lint", Self.example, "--format", "json", "-o", target.path])
        #expect(ok.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [String: Any]
        #expect((json?["findings"] as? [Any])?.count == 7)
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.sarif"])
    }

    /// Eight runs writing one path at once: a reader only ever sees a whole report.
    @Test func concurrentWritersNeverShowATornFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.json")
        let expected = try CLI.run(["lint", Self.example, "--format", "json"]).stdout
        var processes: [Process] = []
        for _ in 0..<8 {
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["lint", Self.example, "--format", "json", "-o", target.path]
            p.currentDirectoryURL = CLI.packageRoot
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            processes.append(p)
        }
        var reads = 0, torn = 0
        while processes.contains(where: \.isRunning) {
            if let data = FileManager.default.contents(atPath: target.path) {
                reads += 1
                if String(decoding: data, as: UTF8.self) != expected { torn += 1 }
            }
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 1) }
        #expect(torn == 0, "\(torn) of \(reads) reads saw a partial report")
        #expect(try String(contentsOf: target, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    /// A symbolic link keeps pointing where it did; the file it leads to gets the report.
    @Test func aLinkedTargetIsWrittenThroughTheLink() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.json"), link = dir.appendingPathComponent("link.json")
        try Data("old".utf8).write(to: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(try CLI.run(["schema", "-o", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("{"))
    }

    @Test func baselineErrorsSayWhyAndWhere() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("none.json").path
        let r = try CLI.run(["lint", Self.example, "--baseline", missing])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot read baseline \(missing): No such file or directory"))

        /// Runs lint with `option` naming a file of `content`; expects exit 2 and `message`
        /// (with the file's path for `{path}`) on standard error, or on standard output for
        /// a pack or config (load errors of the run's own files).
        func refused(_ name: String, _ content: String, option: String = "--baseline", message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
            let file = dir.appendingPathComponent(name)
            try Data(content.utf8).write(to: file)
            let r = try CLI.run(["lint", Self.example, option, file.path])
            let said = option == "--baseline" ? r.stderr : r.stdout
            #expect(r.status == 2, sourceLocation: sourceLocation)
            #expect(said.contains(message.replacingOccurrences(of: "{path}", with: file.path)), "\(said)", sourceLocation: sourceLocation)
        }
        try refused("corrupt.json", "{\n  \"findings\": [\n    {\"fingerprint\": \"a\"},\n    {\"fingerprint\": \"b\",\n  ]\n", message: "{path}:5:3:")
        try refused("wrong.json", "{\"findings\": [{\"fingerprint\": \"a\"}, {\"rule\": \"TL200\"}]}",
                    message: "{path}:1:37: not a topolint baseline: an entry without a \"fingerprint\"")
        // A misspelt severity would cover the finding at any severity: not a baseline.
        try refused("misspelt.json", "{\"findings\": [{\"fingerprint\": \"a\", \"severity\": \"Critical\"}]}",
                    message: "{path}:1:48: not a topolint baseline: the severity 'Critical' is not one of low, medium, high, critical")
        // A fingerprint that is not JSON text is none topolint wrote.
        try refused("number.json", "{\"findings\": [{\"fingerprint\": 5}]}", message: "{path}:1:31: not a topolint baseline: the fingerprint 5 is not text")
        // An empty rule pack and a configuration of only `~` are said to be empty, each in
        // its own words.
        try refused("empty-pack.yaml", "# nothing yet\n", option: "--rules", message: "the rule pack is empty")
        try refused("null.yaml", "~\n", option: "--config", message: "the configuration file is empty")
    }

    // MARK: helpers

    static func run(_ arguments: [String], stdout: FileHandle) throws -> CLI.Result {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = arguments
        p.currentDirectoryURL = CLI.packageRoot
        let err = Pipe()
        p.standardOutput = stdout
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
    }

    /// Runs a bash script with the binary as $0, from the package root.
    static func shell(_ script: String) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, CLI.binary.path]
        p.currentDirectoryURL = CLI.packageRoot
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
    }
}

/// Configuration and rule-pack mistakes are reported in the file that holds them.
@Suite struct ConfigLocationTests {
    static func project(config: String, pack: String? = nil) throws -> URL {
        let dir = try ConfigAndBaselineTests.project(config: config)
        if let pack { try pack.write(to: dir.appendingPathComponent("my-pack.yaml"), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func anUnknownPackIsLocatedAtTheConfigLine() throws {
        let dir = try Self.project(config: "fail_on: high\npack: strictt\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--color", "never"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains(".topolint.yaml:2:7: error[TL002] no rule pack 'strictt'"), "\(r.stdout)")
        #expect(r.stdout.contains("did you mean 'strict'?"))
    }

    @Test func aMissingExtendedPackIsLocatedAtExtends() throws {
        let dir = try Self.project(config: "pack: my-pack.yaml\n", pack: "pack: mine\nextends: nothere\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--color", "never"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains("my-pack.yaml:2:10: error[TL002] no rule pack 'nothere'"), "\(r.stdout)")
    }

    @Test func anEmptyConfigSaysItIsAConfig() throws {
        let dir = try Self.project(config: "# nothing yet\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint", "net/dc/design.yaml", "--color", "never"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.contains(".topolint.yaml:1:1: error[TL002] the configuration file is empty"), "\(r.stdout)")
        #expect(!r.stdout.contains("topology file"))
    }

    @Test func anUnreadableConfigIsAnIOError() throws {
        let r = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--config", "no/such/config.yaml"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot read configuration no/such/config.yaml: No such file or directory"))
        let d = try CLI.run(["lint", "examples/two-sites-vsphere.yaml", "--config", "examples"])
        #expect(d.status == 3)
        #expect(d.stderr.contains("cannot read configuration examples: is a directory"))
    }
}
