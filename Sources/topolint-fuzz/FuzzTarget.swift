// A libFuzzer target over the YAML reader and the topology loader: any bytes in, a
// document or located diagnostics out, never a crash, a hang or a memory error.
//
// Built for fuzzing by .ci/fuzz.sh (swift build -Xswiftc -sanitize=fuzzer,address
// -Xswiftc -DFUZZING), `main` hands over to libFuzzer's driver. In an ordinary build the same
// target is a replay tool: `topolint-fuzz FILE…` runs each file through the target once,
// which is how a crash input is checked after a fix.
import TopolintCore
import TopolintYAML
import TopolintModel
#if canImport(Glibc)
import Glibc
#endif

enum FuzzTarget {
    static let options = LoadOptions(platforms: ["vsphere-7.0", "vsphere-8.0", "hyperv-2022", "generic"],
                                     ruleNames: ["TL200", "stretched-vlan"])

    static func run(_ bytes: [UInt8]) {
        let result = TopologyLoader.load(bytes: bytes, file: "fuzz.yaml", options: options)
        // Every diagnostic is located in the file, and a file with any has no topology.
        for d in result.diagnostics {
            precondition(d.location.line >= 1 && d.location.column >= 1, "diagnostic without a position: \(d.oneLine)")
        }
        precondition(result.diagnostics.isEmpty == (result.topology != nil), "a topology with diagnostics, or neither")
        precondition(result.diagnostics.count <= LoadLimits.diagnosticsPerFile + 1, "\(result.diagnostics.count) diagnostics")
        // Read in two halves at once (split near the middle), a file gives the one-pass
        // document exactly, or the halves hand it back to the one-pass read.
        if let halves = YAMLReader.parseInHalves(bytes, file: "fuzz.yaml", at: bytes.count / 2), let split = halves.document {
            let whole = YAMLReader.parse(bytes, file: "fuzz.yaml", inHalves: false)
            precondition(whole.diagnostics.isEmpty, "the halves read a file the one-pass read reports on: \(whole.diagnostics.map(\.oneLine))")
            guard let one = whole.document else { preconditionFailure("the halves read a file the one-pass read cannot") }
            precondition(same(one, one.root, split, split.root), "the halves' document differs from the one-pass document")
        }
    }

    /// The same tree: kinds, positions, scalar text and style, children in order.
    static func same(_ a: YAMLDocument, _ x: YAMLNode, _ b: YAMLDocument, _ y: YAMLNode) -> Bool {
        guard a.kind(x) == b.kind(y), a.location(x) == b.location(y), a.count(x) == b.count(y) else { return false }
        switch a.kind(x) {
        case .scalar: return a.string(x) == b.string(y) && a.isQuoted(x) == b.isQuoted(y)
        case .sequence: return (0..<a.count(x)).allSatisfy { same(a, a.item(x, $0), b, b.item(y, $0)) }
        case .mapping:
            return (0..<a.count(x)).allSatisfy { same(a, a.key(x, $0), b, b.key(y, $0)) && same(a, a.value(x, $0), b, b.value(y, $0)) }
        }
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.run(bytes)
    return 0
}

#if FUZZING
/// libFuzzer's driver, for programs that keep their own `main` (SwiftPM names the entry
/// point of an executable itself, so libFuzzer's `main` is not the one linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
enum Main {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            do {
                FuzzTarget.run(try SourceFile.read(path: path))
                print("ok \(path)")
            } catch {
                print("unreadable \(path): \(SourceFile.reason(error))")
            }
        }
        #endif
    }
}
