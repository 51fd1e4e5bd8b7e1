import Foundation
import Testing

/// Both cores (the file read in two halves, rules side by side) must change nothing a user
/// sees: every report equals the one of a serial run (TOPOLINT_THREADS=1).
@Suite("CLI: parallel and serial runs agree")
struct ThreadsTests {
    @Test("a findings-heavy design over half a megabyte: the same report, byte for byte, in every format")
    func sameReport() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("medium.yaml").path
        let generated = try CLI.run(["generate", "--profile", "medium", "--seed", "4", "--expanded", "--findings-heavy", "-o", design])
        #expect(generated.status == 0, "\(generated.stderr)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: design)[.size] as? Int)
        #expect(size >= 1 << 19, "the design must be large enough to be read in two halves (\(size) bytes)")
        for format in ["json", "text", "sarif"] {
            let parallel = try CLI.run(["lint", design, "--format", format, "--color", "never"])
            let serial = try CLI.run(["lint", design, "--format", format, "--color", "never"], environment: ["TOPOLINT_THREADS": "1"])
            #expect(parallel.status == 1 && serial.status == 1, "\(format): \(parallel.stderr) \(serial.stderr)")
            #expect(parallel.stdout.count > 1000)
            #expect(parallel.stdout == serial.stdout, "\(format) reports differ")
        }
    }
}
