import TopolintCore

/// The topology format as JSON Schema (draft 2020-12), generated from `FormatSchema`, the
/// same table the loader checks keys against, so editors and the loader cannot disagree on
/// which keys exist. (Cross-references, patterns and placeholders are the loader's to check.)
public enum JSONSchemaExport {
    public static let id = "urn:topolint:schema:topology:1"

    public static func schema() -> JSONValue {
        var defs: [(String, JSONValue)] = FormatSchema.entities.map { ($0.kind, entity($0)) }
        defs.append(("vlan_list", .object([
            ("description", .string("VLAN names, or YAML integers naming a VLAN by its id")),
            ("oneOf", .array([vlanItem, .object([("type", .string("array")), ("items", vlanItem)])])),
        ])))
        defs.append(("gateway", gateway))
        var top = entity(FormatSchema.topLevel)
        if case var .object(pairs) = top {
            pairs.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
            pairs.insert(("$id", .string(id)), at: 1)
            pairs.insert(("title", .string("topolint topology, format version 1")), at: 2)
            pairs.append(("$defs", .object(defs)))
            top = .object(pairs)
        }
        return top
    }

    static let vlanItem = JSONValue.object([("type", .array([.string("string"), .string("integer")]))])

    static let stringOrList = JSONValue.object([("oneOf", .array([
        .object([("type", .string("string"))]),
        .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]),
    ]))])

    static let gateway = JSONValue.object([
        ("description", .string("a switch, {active: A, standby: [B]} (first-hop redundancy) or {anycast: [A, B]} (distributed gateway)")),
        ("oneOf", .array([
            .object([("type", .string("string"))]),
            .object([("type", .string("object")), ("required", .strings(["active"])), ("additionalProperties", .bool(false)),
                     ("properties", .object([("active", .object([("type", .string("string"))])), ("standby", stringOrList)]))]),
            .object([("type", .string("object")), ("required", .strings(["anycast"])), ("additionalProperties", .bool(false)),
                     ("properties", .object([("anycast", stringOrList)]))]),
        ])),
    ])

    static func entity(_ spec: EntitySpec) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("description", .string(spec.summary)),
            ("properties", .object(spec.fields.map { ($0.name, field($0)) })),
            ("additionalProperties", .bool(false)),
        ]
        let required = spec.fields.filter(\.required).map(\.name)
        if !required.isEmpty { pairs.append(("required", .strings(required))) }
        // Locations: a rack needs a pod or a site; a switch a rack, pod or site.
        let oneOfKeys: [String] = switch spec.kind {
        case "rack": ["pod", "site"]
        case "switch": ["rack", "pod", "site"]
        default: []
        }
        if !oneOfKeys.isEmpty {
            pairs.append(("anyOf", .array(oneOfKeys.map { .object([("required", .strings([$0]))]) })))
        }
        return .object(pairs)
    }

    static func field(_ f: FieldSpec) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(f.summary))]
        switch f.type {
        case .string, .reference, .cidr:
            pairs.append(("type", .string("string")))
        case let .number(minimum):
            pairs.append(("type", .string("number")))
            if let minimum { pairs.append(("minimum", .double(minimum))) }
        case let .integer(minimum, maximum):
            pairs += [("type", .string("integer")), ("minimum", .int(minimum)), ("maximum", .int(maximum))]
        case .boolean:
            pairs.append(("type", .string("boolean")))
        case let .oneOf(choices):
            pairs.append(("enum", .strings(choices)))
        case .references:
            if case let .object(inner) = stringOrList { pairs += inner }
        case .vlanList:
            pairs.append(("$ref", .string("#/$defs/vlan_list")))
        case .vlanListOrAll:
            pairs.append(("anyOf", .array([.object([("const", .string("all"))]), .object([("$ref", .string("#/$defs/vlan_list"))])])))
        case .gateway:
            pairs.append(("$ref", .string("#/$defs/gateway")))
        case .stringList:
            pairs += [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
        case .ignore:
            pairs += [("type", .string("object")),
                      ("additionalProperties", .object([("type", .string("string")), ("minLength", .int(1))]))]
        case let .entities(kind):
            // `name:` with no value is the same as `name: {}`.
            pairs += [("type", .array([.string("object"), .string("null")])),
                      ("additionalProperties", .object([("oneOf", .array([
                          .object([("$ref", .string("#/$defs/\(kind)"))]), .object([("type", .string("null"))]),
                      ]))]))]
        case let .entries(kind):
            pairs += [("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/\(kind)"))]))]
        case .pair:
            pairs += [("type", .string("array")), ("items", .object([("type", .string("string"))])),
                      ("minItems", .int(2)), ("maxItems", .int(2))]
        }
        return .object(pairs)
    }
}
