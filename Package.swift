// swift-tools-version: 6.1
// topolint: a static design-analysis linter for data-center L2/L3 topologies.
//
// The modules follow the data flow, one way:
//   bytes -> TopolintYAML (located nodes) -> TopolintModel (validated topology)
//   -> TopolintAnalysis (graph, broadcast domains) -> TopolintRules (findings)
//   (-> TopolintPicture: the drawing's geometry, for the HTML and graph outputs)
//   -> TopolintReporters (text, JSON, SARIF, ...) -> TopolintCLI.
// TopolintCore holds the vocabulary every stage shares (locations, diagnostics, findings).
import PackageDescription

let package = Package(
    name: "topolint",
    products: [
        .executable(name: "topolint", targets: ["topolint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Line editing and tab completion for `topolint explore` (BSD libedit).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "TopolintCore"),
        .target(name: "TopolintYAML", dependencies: ["CYAML", "TopolintCore"]),
        .target(name: "TopolintModel", dependencies: ["TopolintCore", "TopolintYAML"]),
        .target(name: "TopolintAnalysis", dependencies: ["TopolintCore", "TopolintModel"]),
        .target(name: "TopolintRules", dependencies: ["TopolintCore", "TopolintModel", "TopolintAnalysis"]),
        .target(name: "TopolintConfig", dependencies: ["TopolintCore", "TopolintYAML", "TopolintModel", "TopolintRules"]),
        // The drawing's geometry (plain data in TopolintCore), built from model and analysis.
        .target(name: "TopolintPicture", dependencies: ["TopolintCore", "TopolintModel", "TopolintAnalysis"]),
        .target(name: "TopolintReporters", dependencies: ["TopolintCore"]),
        .target(name: "TopolintGenerate"),
        // Importers: other tools' designs (netlab, ...) as a document written in the format.
        .target(name: "TopolintImport", dependencies: ["TopolintCore", "TopolintYAML"]),
        // Sources of truth (NetBox, Nautobot) read over their REST APIs into one inventory,
        // mapped to an import document, merged with a hand-kept overlay, written by the import writer.
        // HTTP for the importers: the system's libcurl, loaded when a request is made.
        // DWARF 4: valgrind (the instruction-count check) cannot read clang's default DWARF 5.
        .target(name: "CHTTP", cSettings: [.unsafeFlags(["-gdwarf-4"])],
                linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "TopolintInventory", dependencies: ["TopolintCore", "TopolintYAML", "TopolintImport", "CHTTP"]),
        .target(
            name: "TopolintCLI",
            dependencies: [
                "TopolintCore", "TopolintYAML", "TopolintModel", "TopolintAnalysis",
                "TopolintRules", "TopolintConfig", "TopolintPicture", "TopolintReporters", "TopolintGenerate", "TopolintImport", "TopolintInventory", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "topolint", dependencies: ["TopolintCLI"]),
        // The floor for benchmarks: libyaml's event parser over a file, nothing else.
        .executableTarget(name: "yaml-bare-parse", dependencies: ["CYAML"]),
        // The libFuzzer target over the YAML reader and the loader (.ci/fuzz.sh); in an
        // ordinary build, a tool that replays inputs through it.
        .executableTarget(name: "topolint-fuzz", dependencies: ["TopolintCore", "TopolintYAML", "TopolintModel"]),
        .testTarget(
            name: "TopolintTests",
            dependencies: [
                "TopolintCore", "TopolintYAML", "TopolintModel", "TopolintAnalysis",
                "TopolintRules", "TopolintConfig", "TopolintReporters", "TopolintCLI",
                "TopolintGenerate", "TopolintImport", "TopolintPicture", "TopolintInventory",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Inputs the fuzzer kept: read by the replay test from the folder, not built.
            exclude: ["Fuzz/Inputs"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
