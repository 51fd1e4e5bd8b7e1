import Foundation
import Testing

/// Parses JSON text with Foundation, so tests check what a consumer would read.
func parseReportJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

func jsonObject(_ value: Any?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(value as? [String: Any], sourceLocation: sourceLocation)
}

func jsonArray(_ value: Any?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Any] {
    try #require(value as? [Any], sourceLocation: sourceLocation)
}

/// JSON numbers come back as NSNumber; compare as Double.
func jsonNumber(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
