import Foundation
import Testing
import TopolintCore
import TopolintModel

/// The exported JSON Schema's shape: the draft asked for, enums from the pack and the rule
/// list, defaults from the key table, and no `oneOf`/`anyOf` a misspelt key could fall into.
@Suite struct JSONSchemaExportTests {
    func parse(_ options: JSONSchemaExport.Options) throws -> [String: Any] {
        let text = JSONSchemaExport.schema(options).serialized(pretty: true)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func property(_ schema: [String: Any], _ defs: String, _ kind: String, _ key: String) -> [String: Any]? {
        (((schema[defs] as? [String: Any])?[kind] as? [String: Any])?["properties"] as? [String: Any])?[key] as? [String: Any]
    }

    @Test func draftsNameTheirMetaSchemaAndDefinitions() throws {
        let d07 = try parse(.init())
        #expect(d07["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(d07["definitions"] != nil && d07["$defs"] == nil)
        let d2020 = try parse(.init(draft: .draft2020))
        #expect(d2020["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(d2020["$defs"] != nil && d2020["definitions"] == nil)
        let sites = try #require((d2020["properties"] as? [String: Any])?["sites"] as? [String: Any])
        #expect((sites["additionalProperties"] as? [String: Any])?["$ref"] as? String == "#/$defs/site")
    }

    @Test func enumsDefaultsAndPatterns() throws {
        let schema = try parse(.init(platforms: ["vsphere-8.0", "generic"], ruleNames: ["TL200", "stretched-vlan"]))
        #expect(property(schema, "definitions", "cluster", "platform")?["enum"] as? [String] == ["generic", "vsphere-8.0"])
        #expect(property(schema, "definitions", "cluster", "platform")?["default"] as? String == "generic")
        let ignore = try #require(property(schema, "definitions", "vlan", "ignore"))
        #expect((ignore["propertyNames"] as? [String: Any])?["enum"] as? [String] == ["TL200", "stretched-vlan"])
        let role = try #require(property(schema, "definitions", "switch", "role"))
        #expect(role["enum"] as? [String] == SwitchRole.allCases.map(\.rawValue))
        #expect(role["default"] as? String == "access")
        #expect(property(schema, "definitions", "link", "mode")?["default"] as? String == "trunk")
        #expect(property(schema, "definitions", "workload", "count")?["default"] as? Int == 1)
        #expect(property(schema, "definitions", "zone", "shared_hosts")?["default"] as? Bool == true)
        let subnet = try #require(property(schema, "definitions", "vlan", "subnet")?["pattern"] as? String)
        let regex = try Regex(subnet)
        for good in ["10.1.0.0/22", "0.0.0.0/0", "2001:db8::/32", "::ffff:10.0.0.0/104", "fd00::/8"] {
            #expect(good.wholeMatch(of: regex) != nil, "\(good)")
        }
        for bad in ["10.1.0.0/33", "10.256.0.0/16", "10.1.0.0", "web", "2001:db8::/129"] {
            #expect(bad.wholeMatch(of: regex) == nil, "\(bad)")
        }
        // Every key's description comes from the key table.
        for spec in FormatSchema.entities {
            for field in spec.fields {
                #expect(property(schema, "definitions", spec.kind, field.name)?["description"] as? String == field.summary)
            }
        }
    }

    @Test func noBranchingAMistakeCouldFallInto() throws {
        // oneOf/anyOf make validators report "not valid under any of the given schemas"
        // instead of the misspelt key; the only anyOf left sits inside an `if`, which never
        // reports errors of its own.
        let text = JSONSchemaExport.schema(.init()).serialized(pretty: true)
        #expect(!text.contains("\"oneOf\""))
        #expect(text.components(separatedBy: "\"anyOf\"").count - 1 == 1)
        let schema = try parse(.init())
        let switchDef = try #require((schema["definitions"] as? [String: Any])?["switch"] as? [String: Any])
        #expect(switchDef["additionalProperties"] as? Bool == false)
        #expect(switchDef["type"] as? [String] == ["object", "null"])
    }
}
