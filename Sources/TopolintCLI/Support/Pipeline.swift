import TopolintCore
import TopolintYAML
import TopolintModel
import TopolintAnalysis
import TopolintRules
import TopolintConfig

/// Options every command that reads a topology shares.
struct PipelineSettings {
    var configPath: String?
    var packOverride: String?
    /// A large file's clusters may take their bytes with them once loaded (see
    /// `LoadOptions.rereadSource`): for a command that then shows lines through
    /// `LoadedFile.shownLines`. Only for a regular file, which can be read again.
    var releasingSource = false
    /// From this many YAML nodes on (see `LoadOptions.releasingNodes`).
    var releasingNodes = LoadLimits.releasingNodes
}

/// One file taken through the stages: bytes -> model -> analysis (-> findings).
struct LoadedFile {
    var path: String
    var source: [UInt8]
    /// Where each line starts, when the file's bytes were given back after loading (then
    /// `source` is empty and the lines shown are read from the file again).
    var releasedLineIndex: [UInt32]?
    var diagnostics: [Diagnostic]
    var pack: RulePack?
    var failOn: Severity?
    var topology: Topology?
    var analysis: Analysis?
}

/// The one-way flow the commands share, with the config and pack looked up once per
/// configuration file.
struct Pipeline {
    let settings: PipelineSettings
    private var configs: [String: (ProjectConfig?, [Diagnostic])] = [:]

    init(settings: PipelineSettings) { self.settings = settings }

    /// The configuration for a topology file: --config, else the nearest .topolint.yaml.
    mutating func configuration(for path: String) -> (ProjectConfig?, [Diagnostic]) {
        let configPath = settings.configPath ?? ProjectConfig.find(from: directory(of: path))
        guard let configPath else { return (ProjectConfig(), []) }
        if let cached = configs[configPath] { return cached }
        let loaded = ProjectConfig.load(path: configPath)
        configs[configPath] = loaded
        return loaded
    }

    func directory(of path: String) -> String {
        guard path != "-", let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// Loads and analyses one file; diagnostics (config, pack or topology) stop it early.
    mutating func load(_ path: String) -> LoadedFile {
        var file = LoadedFile(path: path, source: [], diagnostics: [])
        let (config, configProblems) = configuration(for: path)
        guard let config, configProblems.isEmpty else {
            file.diagnostics = configProblems
            return file
        }
        let (pack, packProblems) = config.resolvePack(override: settings.packOverride)
        guard let pack, packProblems.isEmpty else {
            file.diagnostics = packProblems
            return file
        }
        file.pack = pack
        file.failOn = config.failOn
        var options = LoadOptions(platforms: Array(pack.platforms.keys), ruleNames: RuleRegistry.acceptedNames,
                                  releasingNodes: settings.releasingNodes)
        if settings.releasingSource, path != "-", FileIdentity(path: path)?.isRegular == true {
            options.rereadSource = { try? SourceFile.read(path: path) }
        }
        var clock = StageClock()
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: path) } catch {
            file.diagnostics = [SourceFile.diagnostic(for: error, path: path)]
            return file
        }
        clock.lap("read")
        let result = TopologyLoader.load(bytes: bytes, file: path, options: options) { stage, detail in
            clock.lap(stage, detail: detail)
        }
        if result.sourceReleased {
            // Lines shown are read from the file again (`shownText`): what is left of the
            // bytes is let go of now, before the rules run.
            file.releasedLineIndex = result.lineIndex
        } else {
            file.source = result.source
        }
        file.diagnostics = result.diagnostics
        guard let topology = result.topology else { return file }
        file.topology = topology
        file.analysis = Analysis(topology)
        clock.lap("analysis")
        return file
    }

    /// What the commands that evaluate rules interactively need: the loaded file as a rule
    /// context. Load errors go to standard error, one line each, and end the command (exit 2).
    mutating func ruleContext(for path: String) throws -> (RuleContext, LoadedFile) {
        let loaded = load(path)
        guard let topology = loaded.topology, let analysis = loaded.analysis, let pack = loaded.pack else {
            FDWriter.standardError.write(loaded.diagnostics.map(\.oneLine).joined(separator: "\n") + "\n")
            throw Exit.loadError
        }
        return (RuleContext(topology: topology, analysis: analysis, pack: pack), loaded)
    }

    /// The file's text for the lines `shown` (line numbers): its bytes, or where they were
    /// given back after loading, those lines read from the file again, each at its number.
    static func shownText(of file: LoadedFile, lines shown: Set<Int>) -> [UInt8] {
        guard let index = file.releasedLineIndex else { return file.source }
        return SourceFile.lines(shown, path: file.path, lineIndex: index)
    }

    /// Runs the rules on a loaded file.
    static func lint(_ file: LoadedFile) -> RuleEngine.Outcome {
        guard let topology = file.topology, let analysis = file.analysis, let pack = file.pack else {
            return RuleEngine.Outcome(findings: [], suppressed: [])
        }
        var clock = StageClock()
        defer { clock.lap("rules") }
        return RuleEngine.run(RuleContext(topology: topology, analysis: analysis, pack: pack))
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// With TOPOLINT_TIMINGS set, each stage's wall time goes to standard error (for profiling).
struct StageClock {
    static let enabled = getenv("TOPOLINT_TIMINGS") != nil
    private var last = StageClock.now()

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Current resident set size from /proc/self/statm (pages).
    static func residentMB() -> Int {
        guard let f = fopen("/proc/self/statm", "r") else { return -1 }
        defer { fclose(f) }
        var size = 0, resident = 0
        guard withUnsafeMutablePointer(to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in
            withVaList([s, r]) { vfscanf(f, "%ld %ld", $0) } } }) == 2 else { return -1 }
        return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// Peak resident set size so far (VmHWM in /proc/self/status), in MB.
    static func peakMB() -> Int {
        guard let f = fopen("/proc/self/status", "r") else { return -1 }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), f) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") {
                let kb = Int(text.dropFirst(6).filter { $0.isNumber }) ?? 0
                return kb / 1024
            }
        }
        return -1
    }

    mutating func lap(_ stage: String, detail: String? = nil) {
        guard StageClock.enabled else { return }
        let t = StageClock.now()
        FDWriter.standardError.write("timing \(stage): \(Int((t - last) * 1000)) ms, resident \(StageClock.residentMB()) MB, peak \(StageClock.peakMB()) MB\(detail.map { ", " + $0 } ?? "")\n")
        last = t
    }
}
