import CHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an import stopped. Every case ends the command with exit status 2, before any
/// output is written.
public struct InventoryError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where and how to reach a source of truth.
public struct Connection: Sendable {
    /// The longest wait for an answer that `--timeout` takes: a day.
    public static let maxTimeout: Double = 86_400

    public var baseURL: HTTPURL
    public var token: String?
    public var verifyTLS: Bool
    /// Seconds to wait for each answer.
    public var timeout: Double
    public var pageSize: Int

    public init(baseURL: HTTPURL, token: String?, verifyTLS: Bool = true, timeout: Double = 30, pageSize: Int = 500) {
        self.baseURL = baseURL
        self.token = token
        self.verifyTLS = verifyTLS
        self.timeout = timeout
        self.pageSize = pageSize
    }
}

/// GETs JSON from a NetBox-style REST API: token header, list pagination through `next`,
/// and one clear message per way it can fail. Blocking, since the CLI is. The transfer is
/// the system's libcurl, loaded only when a request is made.
public final class HTTPClient: @unchecked Sendable {
    public let connection: Connection
    let product: String
    /// Requests made, for tests and the summary line.
    public private(set) var requestCount = 0

    public init(connection: Connection, product: String) {
        self.connection = connection
        self.product = product
    }

    /// The URL for an API path such as `dcim/devices/`, with query items.
    func url(_ path: String, _ query: [(String, String)]) -> String {
        var server = connection.baseURL
        server.query = nil
        var base = server.text
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/api") { base += "/api" }
        var text = base + "/" + path
        if !query.isEmpty {
            text += "?" + query.map { HTTPURL.percentEncoded($0.0) + "=" + HTTPURL.percentEncoded($0.1) }.joined(separator: "&")
        }
        return text
    }

    /// One JSON object, with the response headers that matter (`content-type`).
    public func get(_ path: String, query: [(String, String)] = []) throws(InventoryError) -> (JSONTree, [String: String]) {
        try fetch(url(path, query), what: path)
    }

    /// Every object of a list endpoint, following `next` links page by page.
    public func list(_ path: String, query: [(String, String)] = []) throws(InventoryError) -> [JSONTree] {
        var next: String? = url(path, query + [("limit", String(connection.pageSize))])
        var results: [JSONTree] = []
        var pages = 0
        while let page = next {
            let (body, _) = try fetch(page, what: path)
            guard body["results"].isArray, body["count"].int != nil else {
                throw InventoryError("\(Self.shown(page)) did not answer like a \(product) list (no 'count' and 'results'): is the URL the \(product) server?")
            }
            results += body["results"].array
            pages += 1
            guard pages < 100_000 else { throw InventoryError("\(path): too many pages") }
            // A proxy may rewrite the host in `next`; keep talking to the server we were given.
            next = body["next"].string.flatMap { HTTPURL($0) }.map { $0.onServer(of: connection.baseURL) }
        }
        return results
    }

    /// A request URL as messages show it: credentials written into --url never appear.
    static func shown(_ url: String) -> String {
        guard var parsed = HTTPURL(url), parsed.userinfo != nil else { return url }
        parsed.userinfo = nil
        return parsed.text
    }

    private func fetch(_ requested: String, what: String) throws(InventoryError) -> (JSONTree, [String: String]) {
        let url = Self.shown(requested)
        var lines = ["Accept: application/json"]
        if let token = connection.token { lines.append("Authorization: Token \(token)") }
        requestCount += 1
        var response = chttp_response()
        // Within a day, so the milliseconds fit the C call's int whatever the caller gave.
        let seconds = connection.timeout.isNaN ? 30 : min(max(connection.timeout, 0.001), Connection.maxTimeout)
        let timeoutMS = Int(seconds * 1000)
        // Header lines as C strings that live for the call.
        let cLines = lines.map { strdup($0) }
        defer { cLines.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = cLines.map { UnsafePointer($0) }
        let status = pointers.withUnsafeBufferPointer { list in
            chttp_get(requested, list.baseAddress, Int32(list.count), timeoutMS, connection.verifyTLS ? 1 : 0, &response)
        }
        defer { chttp_free(&response) }
        let detail = withUnsafeBytes(of: response.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if status != 0 {
            switch response.error_kind {
            case 1: throw InventoryError("\(url): no answer within \(Self.seconds(connection.timeout)) (--timeout)")
            case 2: throw InventoryError("\(url): TLS failed (\(detail)); --insecure skips certificate verification")
            case 4: throw InventoryError(detail)
            default: throw InventoryError("\(url): \(detail)")
            }
        }
        let body = response.body.map { Array(UnsafeBufferPointer(start: $0, count: response.body_length)) } ?? []
        var headers: [String: String] = [:]
        if let type = response.content_type { headers["content-type"] = String(cString: type) }
        let answer = JSONTree.parse(body)
        let reason = answer?["detail"].string.map { ": \($0)" } ?? ""
        switch response.status {
        case 200..<300: break
        case 401: throw InventoryError("\(url): 401 Unauthorized\(reason); set a valid API token in the environment variable named by --token-env")
        case 403: throw InventoryError("\(url): 403 Forbidden\(reason); the token was refused or may not read \(what)")
        case 404: throw InventoryError("\(url): 404 Not Found; is this a \(product) server, and this version (\(what))?")
        default: throw InventoryError("\(url): HTTP \(response.status)\(reason)")
        }
        guard let json = answer, json.isObject else {
            let type = headers["content-type"] ?? "no content type"
            throw InventoryError("\(url) answered \(type), not \(product) JSON: is the URL the \(product) server?")
        }
        return (json, headers)
    }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t)) s" : "\(t) s"
    }
}

/// An http or https URL, split as far as the importers need: where the server is, and the
/// path and query asked for.
public struct HTTPURL: Sendable, Equatable {
    public var scheme: String
    /// `user:password@`, when written (kept off every message).
    public var userinfo: String?
    /// The host as written (an IPv6 address keeps its brackets).
    public var host: String
    public var port: Int?
    /// The path, from its `/` (empty for none).
    public var path: String
    public var query: String?

    /// Parses `text`; nil unless it is `http://` or `https://` with a host.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = Substring(text[text.index(colon, offsetBy: 3)...])
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: String?
        if let mark = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: mark)...]); rest = rest[..<mark] }
        var authority = rest, path = Substring("")
        if let slash = rest.firstIndex(of: "/") { authority = rest[..<slash]; path = rest[slash...] }
        var userinfo: String?
        if let at = authority.lastIndex(of: "@") { userinfo = String(authority[..<at]); authority = authority[authority.index(after: at)...] }
        var host = authority, port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (0...65535).contains(p) else { return nil }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            if !digits.isEmpty {
                guard let p = Int(digits), (0...65535).contains(p) else { return nil }
                port = p
            }
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        self.scheme = scheme
        self.userinfo = userinfo
        self.host = String(host)
        self.port = port
        self.path = String(path)
        self.query = query
    }

    /// The host without IPv6 brackets (for a topology name).
    public var hostName: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private var origin: String { "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")" }

    /// Scheme, host, port and path (credentials and query left out): what messages and the
    /// provenance header show.
    public var withoutQuery: String { origin + path }

    /// The full URL, credentials included (what a request uses).
    public var text: String {
        "\(scheme)://\(userinfo.map { $0 + "@" } ?? "")\(host)\(port.map { ":\($0)" } ?? "")\(path)\(query.map { "?" + $0 } ?? "")"
    }

    /// This URL's path and query on `server`'s scheme, host and port.
    func onServer(of server: HTTPURL) -> String {
        var moved = self
        moved.scheme = server.scheme
        moved.userinfo = server.userinfo
        moved.host = server.host
        moved.port = server.port
        return moved.text
    }

    /// A query name or value with every byte outside the unreserved set percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }
}
