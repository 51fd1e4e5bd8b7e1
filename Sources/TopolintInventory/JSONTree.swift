import Foundation

/// A parsed JSON answer, read loosely: a REST API adds fields between releases, so the
/// readers ask for what they need and treat anything else as absent.
public struct JSONTree: @unchecked Sendable {
    let value: Any?

    init(_ value: Any?) { self.value = value is NSNull ? nil : value }

    public static func parse(_ data: Data) -> JSONTree? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return JSONTree(object)
    }

    public subscript(key: String) -> JSONTree { JSONTree((value as? [String: Any])?[key]) }

    public var isNull: Bool { value == nil }
    public var isObject: Bool { value is [String: Any] }
    public var keys: [String] { ((value as? [String: Any])?.keys).map { Array($0) } ?? [] }
    public var array: [JSONTree] { (value as? [Any])?.map { JSONTree($0) } ?? [] }
    public var isArray: Bool { value is [Any] }

    public var string: String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    public var int: Int? {
        switch value {
        case let n as NSNumber: return n.intValue
        case let s as String: return Int(s)
        default: return nil
        }
    }

    /// An object's id: NetBox uses integers, Nautobot UUIDs; both become text.
    public var id: String? { self["id"].string }

    /// A choice field (`{"value": "tagged", "label": "Tagged"}`) or a plain value.
    public var choice: String? { isObject ? self["value"].string : string }
}
