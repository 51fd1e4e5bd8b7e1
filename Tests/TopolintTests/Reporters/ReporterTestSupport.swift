import Foundation
import Testing

/// Parses JSON text with Foundation, so tests check what a consumer would read.
func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

func object(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(value as? [String: Any], sourceLocation: sourceLocation)
}

func array(_ value: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Any] {
    try #require(value as? [Any], sourceLocation: sourceLocation)
}

/// JSON numbers come back as NSNumber; compare as Double.
func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
