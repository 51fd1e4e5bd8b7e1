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
