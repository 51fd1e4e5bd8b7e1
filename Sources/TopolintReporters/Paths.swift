/// Path handling for formats that must point into a repository (SARIF, GitLab Code Quality,
/// GitHub annotations):
/// those tools resolve paths against the repository root, not the directory `topolint` ran in.
enum Paths {
    /// Forward slashes everywhere: SARIF URIs and GitLab paths never use backslashes.
    static func forwardSlashes(_ path: String) -> String {
        String(path.map { $0 == "\\" ? "/" : $0 })
    }

    /// True for `/x`, `\\server\x` and `C:/x` style paths.
    static func isAbsolute(_ path: String) -> Bool {
        let p = forwardSlashes(path)
        if p.hasPrefix("/") { return true }
        let chars = Array(p)
        return chars.count >= 3 && chars[0].isLetter && chars[0].isASCII && chars[1] == ":" && chars[2] == "/"
    }

    /// Drops `.` and empty segments (`a//b`, `./a`) and resolves `..` lexically, keeping a
    /// leading `/` and any `..` that climbs above a relative path's start. Lexical, because
    /// reporters never touch the file system (a symlinked folder may resolve differently).
    static func normalized(_ path: String) -> String {
        let p = forwardSlashes(path)
        let absolute = p.hasPrefix("/")
        var parts: [Substring] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue  // `/..` is `/`
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// The path relative to `root` when it lies under it; otherwise nil. A relative path is
    /// first resolved against `base` (the directory the paths were given in) when both are
    /// known; otherwise it is taken to be relative to the root already.
    static func relative(_ path: String, to root: String?, base: String? = nil) -> String? {
        var p = normalized(path)
        if !isAbsolute(p), root != nil, let base, isAbsolute(base) { p = normalized(base + "/" + p) }
        guard isAbsolute(p) else { return p }
        guard let root, isAbsolute(root) else { return nil }
        let r = normalized(root)
        let prefix = r.hasSuffix("/") ? r : r + "/"
        guard p.hasPrefix(prefix), p.count > prefix.count else { return nil }
        return String(p.dropFirst(prefix.count))
    }

    /// The absolute form of `path` when it is, or `base` makes it, absolute.
    static func absolute(_ path: String, base: String?) -> String? {
        if isAbsolute(path) { return normalized(path) }
        guard let base, isAbsolute(base) else { return nil }
        return normalized(base + "/" + path)
    }

    /// The path to show to a tool that wants repository-relative paths: relative when
    /// possible, otherwise as given (with forward slashes).
    static func display(_ path: String, options: ReportOptions) -> String {
        relative(path, to: options.repositoryRoot, base: options.currentDirectory) ?? forwardSlashes(path)
    }

    /// Percent-encodes a path for a URI: everything but RFC 3986 unreserved characters and
    /// `/` is encoded. `:` is encoded too, so `a:b.yaml` cannot read as a scheme.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
                 UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// A `file://` URI for an absolute path (`/x` or `C:/x`), `/`-terminated when asked.
    static func fileURI(absolute path: String, directory: Bool = false) -> String {
        var p = normalized(path)
        if !p.hasPrefix("/") { p = "/" + p }  // C:/x becomes /C:/x, as in file:///C:/x
        if directory, !p.hasSuffix("/") { p += "/" }
        // The drive letter's colon stays literal: file:///C:/x is the conventional form.
        var encoded = percentEncoded(p)
        let chars = Array(p)
        if chars.count >= 3, chars[1].isLetter, chars[2] == ":" {
            encoded = "/" + String(chars[1]) + ":" + String(encoded.dropFirst(5))
        }
        return "file://" + encoded
    }
}
