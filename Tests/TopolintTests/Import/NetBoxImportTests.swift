import Foundation
import Testing

/// `topolint import netbox` against the recorded NetBox answers, over real HTTP on loopback.
@Suite(.serialized) struct NetBoxImportTests {
    static let importArgs = ["--platform-map", "vmware-vsphere=vsphere-6.7", "--name", "two-sites"]

    func importDesign(_ server: FixtureServer, _ extra: [String] = [], prefix: String = "", token: String = FixtureServer.token,
                      output: URL) throws -> CLI.Result {
        try CLI.run(["import", "netbox", "--url", server.url + prefix, "-o", output.path] + Self.importArgs + extra,
                    environment: ["NETBOX_TOKEN": token])
    }

    @Test func importsTheTwoSiteDesignWithItsDomainsAndFindings() throws {
        let server = try FixtureServer()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("two-sites.yaml")
        let r = try importDesign(server, ["--overlay", ".ci/checks/nautobot/overlay.yaml"], output: out)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("# Imported from NetBox 4.4.0 at \(server.url) by `topolint import netbox`."))
        // Pagination: devices come in three pages, interfaces in seven.
        #expect(server.requests.filter { $0.contains("/api/dcim/devices/") }.count == 3)
        #expect(server.requests.filter { $0.contains("/api/dcim/interfaces/") }.count == 7)
        // The LAG's two member cables fold into one link; tagged-all on fra1-core takes web and db.
        #expect(text.contains("  - {between: [ams1-core, fra1-core], vlans: [web]}\n"))
        #expect(text.components(separatedBy: "between: [ams1-core, fra1-core]").count == 2)
        #expect(text.contains("  fra1-core: {pod: fra1-p1, role: core, vlans: [web, db]}\n"))
        #expect(text.contains("  web: {id: 100, subnet: 10.1.0.0/24, vni: 10100, gateway: {active: fra1-core, standby: [ams1-core]}}\n"))
        #expect(text.contains("  db: {id: 200, subnet: 10.2.0.0/24, gateway: fra1-core, zone: data}\n"))
        #expect(text.contains("      fra1-r01-esx: {rack: fra1-r01, uplinks: [fra1-r01-leaf], vlans: [db]}\n"))
        #expect(text.contains("  metro-web: {cluster: metro, vlans: [web], count: 4}\n"))
        #expect(text.contains("  - {between: [fra1, ams1], rtt_ms: 8}\n"))

        let domains = try CLI.run(["domains", out.path, "--format", "json"])
        #expect(domains.status == 0)
        let rows = try #require((domains.json as? [String: Any])?["broadcast_domains"] as? [[String: Any]])
        let web = try #require(rows.first { $0["vlan"] as? String == "web" })
        #expect(web["scope"] as? String == "multi-site")
        #expect((web["switches"] as? [String])?.count == 5)
        #expect(web["hosts"] as? Int == 3)
        #expect(web["endpoints"] as? Int == 4)
        let db = try #require(rows.first { $0["vlan"] as? String == "db" })
        #expect(db["scope"] as? String == "pod")
        #expect(db["switches"] as? [String] == ["fra1-core", "fra1-r01-leaf", "fra1-r02-leaf"])
        #expect(db["hosts"] as? Int == 1)
        #expect(db["endpoints"] as? Int == 2)
        #expect(rows.count == 2)

        let lint = try CLI.run(["lint", out.path, "--format", "json"])
        #expect(lint.status == 1)
        let findings = try #require((lint.json as? [String: Any])?["findings"] as? [[String: Any]])
        let summary = findings.map { "\($0["rule"] as? String ?? "?") \($0["score"] as? Double ?? -1)" }.sorted()
        #expect(summary == ["TL200 8.5", "TL400 8.1", "TL600 8.3"])
    }

    @Test func sameDataGivesTheSameBytes() throws {
        let server = try FixtureServer()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml"), b = dir.appendingPathComponent("b.yaml")
        #expect(try importDesign(server, output: a).status == 0)
        #expect(try importDesign(server, output: b).status == 0)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test(arguments: [
        ("", "wrong-token", "403 Forbidden: Invalid token"),
        ("/expired", FixtureServer.token, "401 Unauthorized: Token expired"),
        ("/nothing", FixtureServer.token, "404 Not Found"),
        ("/html", FixtureServer.token, "answered text/html, not NetBox JSON"),
        ("/plain", FixtureServer.token, "did not answer like a NetBox list"),
    ])
    func failuresExitTwoAndWriteNothing(prefix: String, token: String, message: String) throws {
        let server = try FixtureServer()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("never.yaml")
        let r = try importDesign(server, prefix: prefix, token: token, output: out)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Credentials written into --url are used, and never shown in a message.
    @Test func credentialsInTheURLStayOutOfMessages() throws {
        let server = try FixtureServer()
        let url = server.url.replacing("http://", with: "http://user:secret@") + "/html"
        let r = try CLI.run(["import", "netbox", "--url", url] + Self.importArgs, environment: ["NETBOX_TOKEN": FixtureServer.token])
        #expect(r.status == 2)
        #expect(r.stderr.contains("answered text/html, not NetBox JSON"), "\(r.stderr)")
        #expect(!r.stderr.contains("secret") && !r.stderr.contains("user:"), "\(r.stderr)")
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try FixtureServer()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("never.yaml")
        let started = Date()
        let r = try importDesign(server, ["--timeout", "1"], prefix: "/slow", output: out)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no answer within 1 s"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 4.5)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("--timeout past a day, infinite or not a number is a usage error, not a trap", arguments: ["1e16", "inf", "nan", "0"])
    func anOutOfRangeTimeoutIsAUsageError(value: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["import", "netbox", "--url", "http://127.0.0.1:9", "--timeout", value, "-o", dir.appendingPathComponent("x.yaml").path],
                            environment: ["NETBOX_TOKEN": "x"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--timeout"), "\(r.stderr)")
    }

    /// A lab server with a self-signed certificate: refused as it stands, read with --insecure.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl to make a certificate"))
    func aSelfSignedServerNeedsInsecure() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cert = dir.appendingPathComponent("cert.pem").path, key = dir.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "2", "-subj", "/CN=127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        let server = try FixtureServer(tls: (cert, key))
        #expect(server.url.hasPrefix("https://"))
        let refused = try importDesign(server, output: dir.appendingPathComponent("never.yaml"))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("TLS failed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--insecure"))
        let out = dir.appendingPathComponent("lab.yaml")
        let read = try importDesign(server, ["--insecure"], output: out)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("topology: two-sites"))
    }

    @Test func theTokenComesFromTheNamedVariable() throws {
        let server = try FixtureServer()
        let r = try CLI.run(["import", "netbox", "--url", server.url, "--token-env", "MY_NETBOX"] + Self.importArgs,
                            environment: ["MY_NETBOX": FixtureServer.token, "NETBOX_TOKEN": "wrong"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("topology: two-sites\n"))
    }

    @Test func siteFilterKeepsOneSite() throws {
        let server = try FixtureServer()
        let r = try CLI.run(["import", "netbox", "--url", server.url, "--site", "ams1"] + Self.importArgs,
                            environment: ["NETBOX_TOKEN": FixtureServer.token])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("fra1"))
        #expect(r.stdout.contains("  ams1-r01-leaf: {rack: ams1-r01, role: leaf, vlans: [web], vtep: true}\n"))
        // Only the web VLAN is global or ams1's; fra1's db VLAN stays out.
        #expect(!r.stdout.contains("db:"))
    }

    @Test func aBrokenOverlayIsALoadErrorWithItsLocation() throws {
        let server = try FixtureServer()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let overlay = dir.appendingPathComponent("overlay.yaml")
        try "site_links:\n  - {between: [fra1, ams1], rtt_ms: 8\n".write(to: overlay, atomically: true, encoding: .utf8)
        let r = try importDesign(server, ["--overlay", overlay.path], output: dir.appendingPathComponent("never.yaml"))
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(overlay.path):3:1: error[TL001]"), "\(r.stderr)")
        // An overlay naming something the import lacks makes a design that does not load: nothing written.
        try "migration_domains:\n  dr: {clusters: [nowhere]}\n".write(to: overlay, atomically: true, encoding: .utf8)
        let r2 = try importDesign(server, ["--overlay", overlay.path], output: dir.appendingPathComponent("never.yaml"))
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("error[TL003]"), "\(r2.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("never.yaml").path))
    }
}
