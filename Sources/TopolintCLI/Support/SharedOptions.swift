import ArgumentParser
import TopolintReporters

// Options several commands take, declared once and included with @OptionGroup, so their
// names, help and completion cannot drift apart between commands.

/// Where the configuration and the rule pack come from.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: the nearest .topolint.yaml above each file).",
            completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(name: .long, help: "Rule pack: default, strict, legacy-vsphere, or a path to a pack file (its platform table also validates cluster platforms).",
            completion: .list(["default", "strict", "legacy-vsphere"]))
    var rules: String?

    var settings: PipelineSettings { PipelineSettings(configPath: config, packOverride: rules) }

    /// The files these options name, for the check that output never replaces an input
    /// (a pack named by its id, like `strict`, is no file here).
    var inputs: [String?] { [config, rules] }
}

/// Where the report goes.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    /// Refuses an --output that names one of `inputs` (exit 2, before any work).
    func refuseOverwriting(_ inputs: [String?]) throws {
        try Output.refuseOverwriting(output, inputs: inputs)
    }
}

/// Colour in text written for people.
struct ColorOptions: ParsableArguments {
    @Option(name: .long, help: "Colour in text written for people; auto: on a terminal, unless NO_COLOR is set.")
    var color: ColorChoice = .auto
}

/// A command's `--format` choices: an enumeration whose cases are the values the option
/// takes (listed in --help and offered by shell completion).
protocol FormatChoice: ExpressibleByArgument, CaseIterable, Equatable {
    static var standard: Self { get }
}

struct FormatOptions<Format: FormatChoice>: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: Format = Format.standard
}

/// `text` for people, `json` for scripts: the formats of every command but `lint`.
enum TextOrJSON: String, FormatChoice {
    case text, json
    static var standard: TextOrJSON { .text }
}

/// `lint`'s formats: exactly the reporters in the registry, so a new reporter becomes a
/// value of --format (and of its completion) without touching the command.
struct LintFormat: RawRepresentable, Hashable, FormatChoice {
    let rawValue: String

    init?(rawValue: String) {
        guard Reporters.reporter(for: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    static var allCases: [LintFormat] { Reporters.ids.compactMap(LintFormat.init(rawValue:)) }
    static var standard: LintFormat { LintFormat(rawValue: "text")! }
    static var text: LintFormat { standard }
}
