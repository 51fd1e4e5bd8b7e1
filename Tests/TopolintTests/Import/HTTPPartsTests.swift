import Testing
@testable import TopolintInventory

/// The JSON reader and URL handling the importers use for server answers.
@Suite("Import: JSON answers and URLs")
struct HTTPPartsTests {
    @Test("JSON: objects, arrays, numbers, strings with escapes, literals")
    func json() throws {
        let text = #"{"count": 2, "next": null, "results": [{"id": 7, "name": "fra1 \u00e9\n\"x\"", "ratio": 2.5, "vid": 100.0, "ok": true}, {"id": "0f1e-uuid", "emoji": "\ud83d\ude00"}]}"#
        let tree = try #require(JSONTree.parse(Array(text.utf8)))
        #expect(tree.isObject && tree["count"].int == 2 && tree["next"].isNull && tree["missing"].isNull)
        let results = tree["results"].array
        #expect(results.count == 2)
        #expect(results[0].id == "7")
        #expect(results[0]["name"].string == "fra1 é\n\"x\"")
        #expect(results[0]["ratio"].string == "2.5" && results[0]["ratio"].int == 2)
        #expect(results[0]["vid"].string == "100" && results[0]["vid"].int == 100)
        #expect(results[0]["ok"].string == "1")
        #expect(results[1].id == "0f1e-uuid")
        #expect(results[1]["emoji"].string == "😀")
        #expect(Set(results[0].keys) == ["id", "name", "ratio", "vid", "ok"])
        #expect(JSONTree.parse(Array(#"{"choice": {"value": "tagged", "label": "Tagged"}}"#.utf8))?["choice"].choice == "tagged")
    }

    @Test("JSON: what is not JSON is nil, never a crash")
    func notJSON() {
        for bad in ["", "{", "{\"a\":}", "[1,]", "01", "\"\\x\"", "\"\\ud800\"", "<html>", "{\"a\":1} x", "nul", "\"a\u{01}\""] {
            #expect(JSONTree.parse(Array(bad.utf8)) == nil, "\(bad)")
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONTree.parse(Array(deep.utf8)) == nil)
        #expect(JSONTree.parse(Array("[[[1]]]".utf8)) != nil)
    }

    @Test("URLs: parts, credentials kept off the shown form, next links moved onto our server")
    func urls() throws {
        let url = try #require(HTTPURL("https://user:secret@netbox.example.net:8443/base/?x=1#top"))
        #expect(url.scheme == "https" && url.host == "netbox.example.net" && url.port == 8443 && url.path == "/base/")
        #expect(url.withoutQuery == "https://netbox.example.net:8443/base/")
        #expect(url.hostName == "netbox.example.net")
        let v6 = try #require(HTTPURL("http://[::1]:8000"))
        #expect(v6.host == "[::1]" && v6.port == 8000 && v6.hostName == "::1")
        for bad in ["ftp://x", "netbox.example.net", "http://", "http://host:99999", "http://a b"] {
            #expect(HTTPURL(bad) == nil, "\(bad)")
        }
        let next = try #require(HTTPURL("http://internal:8080/api/dcim/sites/?limit=500&offset=500"))
        #expect(next.onServer(of: url) == "https://user:secret@netbox.example.net:8443/api/dcim/sites/?limit=500&offset=500")
        let client = HTTPClient(connection: Connection(baseURL: try #require(HTTPURL("http://nb.lab/")), token: nil), product: "NetBox")
        #expect(client.url("dcim/sites/", [("site", "fra 1&x"), ("limit", "500")]) == "http://nb.lab/api/dcim/sites/?site=fra%201%26x&limit=500")
    }
}
