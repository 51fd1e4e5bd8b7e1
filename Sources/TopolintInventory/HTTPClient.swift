import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why an import stopped. Every case ends the command with exit status 2, before any
/// output is written.
public struct InventoryError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Where and how to reach a source of truth.
public struct Connection: Sendable {
    public var baseURL: URL
    public var token: String?
    public var verifyTLS: Bool
    public var timeout: TimeInterval
    public var pageSize: Int

    public init(baseURL: URL, token: String?, verifyTLS: Bool = true, timeout: TimeInterval = 30, pageSize: Int = 500) {
        self.baseURL = baseURL
        self.token = token
        self.verifyTLS = verifyTLS
        self.timeout = timeout
        self.pageSize = pageSize
    }
}

/// GETs JSON from a NetBox-style REST API: token header, list pagination through `next`,
/// and one clear message per way it can fail. Blocking, since the CLI is.
public final class HTTPClient: @unchecked Sendable {
    public let connection: Connection
    let product: String
    private let session: URLSession
    /// Requests made, for tests and the summary line.
    public private(set) var requestCount = 0

    public init(connection: Connection, product: String) {
        self.connection = connection
        self.product = product
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = connection.timeout
        configuration.timeoutIntervalForResource = connection.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// The URL for an API path such as `dcim/devices/`, with query items.
    func url(_ path: String, _ query: [(String, String)]) -> URL {
        var base = connection.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/api") { base += "/api" }
        var components = URLComponents(string: base + "/" + path)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        return components.url!
    }

    /// One JSON object, with the response headers.
    /// Turning certificate checks off needs a server-trust hook that the Linux URLSession
    /// does not offer; saying so beats pretending.
    public func checkTLSSetting() throws(InventoryError) {
        #if canImport(FoundationNetworking)
        if !connection.verifyTLS && connection.baseURL.scheme?.lowercased() == "https" {
            throw InventoryError("--insecure: this build cannot turn off certificate verification over https; put the server's CA certificate in the system trust store, or use http on a trusted network")
        }
        #endif
    }

    public func get(_ path: String, query: [(String, String)] = []) throws(InventoryError) -> (JSONTree, [String: String]) {
        try fetch(url(path, query), what: path)
    }

    /// Every object of a list endpoint, following `next` links page by page.
    public func list(_ path: String, query: [(String, String)] = []) throws(InventoryError) -> [JSONTree] {
        var next: URL? = url(path, query + [("limit", String(connection.pageSize))])
        var results: [JSONTree] = []
        var pages = 0
        while let page = next {
            let (body, _) = try fetch(page, what: path)
            guard body["results"].isArray, body["count"].int != nil else {
                throw InventoryError("\(page.absoluteString) did not answer like a \(product) list (no 'count' and 'results'): is the URL the \(product) server?")
            }
            results += body["results"].array
            pages += 1
            guard pages < 100_000 else { throw InventoryError("\(path): too many pages") }
            next = body["next"].string.flatMap { URL(string: $0) }
            // A proxy may rewrite the host in `next`; keep talking to the server we were given.
            if let n = next, var c = URLComponents(url: n, resolvingAgainstBaseURL: false),
               let base = URLComponents(url: connection.baseURL, resolvingAgainstBaseURL: false) {
                c.scheme = base.scheme; c.host = base.host; c.port = base.port
                next = c.url
            }
        }
        return results
    }

    private func fetch(_ url: URL, what: String) throws(InventoryError) -> (JSONTree, [String: String]) {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.timeoutInterval = connection.timeout
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token = connection.token { request.setValue("Token \(token)", forHTTPHeaderField: "Authorization") }
        requestCount += 1
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.data = data; box.response = response as? HTTPURLResponse; box.error = error
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + connection.timeout + 5) == .timedOut {
            task.cancel()
            throw InventoryError("\(url.absoluteString): no answer within \(Self.seconds(connection.timeout)) (--timeout)")
        }
        if let error = box.error as? URLError {
            switch error.code {
            case .timedOut: throw InventoryError("\(url.absoluteString): no answer within \(Self.seconds(connection.timeout)) (--timeout)")
            case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                 .serverCertificateHasUnknownRoot, .secureConnectionFailed, .clientCertificateRejected:
                throw InventoryError("\(url.absoluteString): TLS failed (\(error.localizedDescription)); --insecure skips certificate verification")
            default: throw InventoryError("\(url.absoluteString): \(error.localizedDescription)")
            }
        }
        if let error = box.error { throw InventoryError("\(url.absoluteString): \(error.localizedDescription)") }
        guard let response = box.response else { throw InventoryError("\(url.absoluteString): no HTTP answer") }
        let body = box.data ?? Data()
        var headers: [String: String] = [:]
        for (k, v) in response.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
        let detail = JSONTree.parse(body)?["detail"].string.map { ": \($0)" } ?? ""
        switch response.statusCode {
        case 200..<300: break
        case 401: throw InventoryError("\(url.absoluteString): 401 Unauthorized\(detail); set a valid API token in the environment variable named by --token-env")
        case 403: throw InventoryError("\(url.absoluteString): 403 Forbidden\(detail); the token was refused or may not read \(what)")
        case 404: throw InventoryError("\(url.absoluteString): 404 Not Found; is this a \(product) server, and this version (\(what))?")
        default: throw InventoryError("\(url.absoluteString): HTTP \(response.statusCode)\(detail)")
        }
        guard let json = JSONTree.parse(body), json.isObject else {
            let type = headers["content-type"] ?? "no content type"
            throw InventoryError("\(url.absoluteString) answered \(type), not \(product) JSON: is the URL the \(product) server?")
        }
        return (json, headers)
    }

    static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : "\(t) s"
    }
}

private final class ResultBox: @unchecked Sendable {
    var data: Data?
    var response: HTTPURLResponse?
    var error: Error?
}

