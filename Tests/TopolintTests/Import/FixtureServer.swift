import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The stand-in NetBox of Tests/Fixtures/netbox/serve.py on 127.0.0.1, an ephemeral port.
/// It serves NetBox 4.x answers recorded in the shapes of NetBox's serializers, checks the
/// token, and misbehaves on purpose under a few path prefixes.
final class FixtureServer {
    static let token = "0123456789abcdef0123456789abcdef01234567"
    let process = Process()
    let port: Int
    let log: URL

    let scheme: String

    /// With `tls`, the server answers over https with that certificate and key.
    init(tls: (certificate: String, key: String)? = nil) throws {
        scheme = tls == nil ? "http" : "https"
        let script = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/netbox/serve.py")
        log = FileManager.default.temporaryDirectory.appendingPathComponent("topolint-netbox-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, Self.token] + (tls.map { [$0.certificate, $0.key] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // The first line is the port.
        // read(2) directly: it returns as soon as the line is there, where FileHandle may wait for more.
        var line = Data()
        var buffer = [UInt8](repeating: 0, count: 64)
        while !line.contains(0x0A) {
            let n = read(out.fileHandleForReading.fileDescriptor, &buffer, buffer.count)
            if n <= 0 { break }
            line.append(contentsOf: buffer[0..<n])
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    var url: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The request lines the server has seen (`GET /api/dcim/devices/?limit=500&offset=3 ...`).
    var requests: [String] {
        (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init).filter { $0.hasPrefix("\"GET ") } ?? []
    }

    deinit {
        // SIGKILL and no waitUntilExit: Foundation's Process reaps the child itself.
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: log)
    }
}
