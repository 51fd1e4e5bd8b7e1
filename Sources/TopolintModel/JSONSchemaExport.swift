import TopolintCore

/// The topology format as JSON Schema, generated from `FormatSchema`, the same table the
/// loader checks keys against, so editors and the loader cannot disagree on which keys
/// exist. Cross-references and range patterns stay the loader's to check.
///
/// Draft-07 by default: the YAML language server supports it best. Either draft gets the
/// same constraints. The schema avoids `oneOf`/`anyOf` wherever a mistake could land inside
/// one: a validator that fails every branch says only "not valid under any of the given
/// schemas", and a typo in a switch must be named. So alternatives are split by type
/// (`"type": ["string", "array"]`, where `items` applies to arrays only), entities accept
/// `null` (`name:` alone) in their own definition, and "needs one of these keys" is an
/// `if`/`then` that names the missing key.
public enum JSONSchemaExport {
    public static let id = "urn:topolint:schema:topology:1"

    public enum Draft: String, Sendable, CaseIterable {
        case draft07 = "07"
        case draft2020 = "2020-12"

        var metaSchema: String {
            switch self {
            case .draft07: "http://json-schema.org/draft-07/schema#"
            case .draft2020: "https://json-schema.org/draft/2020-12/schema"
            }
        }

        /// Where shared definitions live: `definitions` in draft-07, `$defs` in 2020-12.
        var definitionsKey: String { self == .draft07 ? "definitions" : "$defs" }
    }

    /// What the schema takes from the run rather than from the key table.
    public struct Options: Sendable {
        public var draft: Draft
        /// The active pack's platform names (`cluster.platform`); any string when empty.
        public var platforms: [String]
        /// Rule ids and names an `ignore` may name; any key when empty.
        public var ruleNames: [String]

        public init(draft: Draft = .draft07, platforms: [String] = [], ruleNames: [String] = []) {
            self.draft = draft
            self.platforms = platforms
            self.ruleNames = ruleNames
        }
    }

    /// IPv4 (each octet 0–255, length 0–32) or IPv6 (hex groups and colons, an optional
    /// dotted tail, length 0–128) prefixes. The IPv6 half only checks the characters and the
    /// length; the loader checks the groups.
    public static let subnetPattern =
        "^(((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])"
        + "|[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(:[0-9]{1,3}(\\.[0-9]{1,3}){3})?/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$"

    public static func schema(_ options: Options = Options()) -> JSONValue {
        let builder = Builder(options: options)
        var defs: [(String, JSONValue)] = FormatSchema.entities.map { ($0.kind, builder.entity($0, nullable: true)) }
        defs.append(("vlan_list", .object([
            ("description", .string("VLAN names, or YAML integers naming a VLAN by its id; one name alone or a list")),
            ("type", .strings(["string", "integer", "array"])),
            ("items", .object([("type", .strings(["string", "integer"]))])),
        ])))
        defs.append(("gateway", builder.gateway))
        var pairs: [(String, JSONValue)] = [
            ("$schema", .string(options.draft.metaSchema)),
            ("$id", .string(id)),
            ("title", .string("topolint topology, format version 1")),
        ]
        if case let .object(top) = builder.entity(FormatSchema.topLevel, nullable: false) { pairs += top }
        pairs.append((options.draft.definitionsKey, .object(defs)))
        return .object(pairs)
    }

    struct Builder {
        var options: Options

        func ref(_ name: String) -> JSONValue {
            .object([("$ref", .string("#/\(options.draft.definitionsKey)/\(name)"))])
        }

        /// A string, or a list of strings.
        var stringOrList: [(String, JSONValue)] {
            [("type", .strings(["string", "array"])), ("items", .object([("type", .string("string"))]))]
        }

        /// `switch`, `{active: A, standby: B}` or `{anycast: [A, B]}`: one object with every
        /// gateway key and no other, then `if`/`then` for which keys go together.
        var gateway: JSONValue {
            .object([
                ("description", .string("a switch, {active: A, standby: [B]} (first-hop redundancy) or {anycast: [A, B]} (distributed gateway)")),
                ("type", .strings(["string", "object"])),
                ("properties", .object([
                    ("active", .object([("type", .string("string")), ("description", .string("the active gateway switch"))])),
                    ("standby", .object(stringOrList + [("description", .string("standby gateway switches"))]))
                    ,
                    ("anycast", .object(stringOrList + [("description", .string("switches that all route the VLAN"))])),
                ])),
                ("additionalProperties", .bool(false)),
                ("minProperties", .int(1)),
                // `required` and `properties` apply to objects only, so a plain switch name
                // passes. Only constraints that cannot fire for a misspelt key: a `required:
                // [active]` would be what a validator reports first for `{actve: A}`.
                ("if", .object([("required", .strings(["anycast"]))])),
                ("then", .object([("properties", .object([("active", .bool(false)), ("standby", .bool(false))]))])),
                (options.draft == .draft07 ? "dependencies" : "dependentRequired", .object([("standby", .strings(["active"]))])),
            ])
        }

        func entity(_ spec: EntitySpec, nullable: Bool) -> JSONValue {
            var pairs: [(String, JSONValue)] = [
                // `name:` with no value is the same as `name: {}`.
                ("type", nullable ? .strings(["object", "null"]) : .string("object")),
                ("description", .string(spec.summary)),
                ("properties", .object(spec.fields.map { ($0.name, field($0)) })),
                ("additionalProperties", .bool(false)),
            ]
            let required = spec.fields.filter(\.required).map(\.name)
            if !required.isEmpty { pairs.append(("required", .strings(required))) }
            // Locations: a rack needs a pod or a site; a switch a rack, pod or site. Said as
            // "without the others, the last is required", so the error names that key.
            let placement: [String] = switch spec.kind {
            case "rack": ["pod", "site"]
            case "switch": ["rack", "pod", "site"]
            default: []
            }
            if let last = placement.last {
                let others = placement.dropLast().map { JSONValue.object([("required", .strings([$0]))]) }
                let condition: JSONValue = others.count == 1
                    ? .object([("not", others[0])])
                    : .object([("not", .object([("anyOf", .array(others))]))])
                pairs.append(("if", condition))
                pairs.append(("then", .object([("required", .strings([last]))])))
            }
            return .object(pairs)
        }

        func field(_ f: FieldSpec) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("description", .string(f.summary))]
            switch f.type {
            case .string:
                pairs.append(("type", .string("string")))
                if f.name == "platform", !options.platforms.isEmpty {
                    pairs.append(("enum", .strings(options.platforms.sorted())))
                }
            case .reference:
                pairs.append(("type", .string("string")))
            case .cidr:
                pairs += [("type", .string("string")), ("pattern", .string(subnetPattern))]
            case let .number(minimum):
                pairs.append(("type", .string("number")))
                if let minimum { pairs.append(("minimum", .double(minimum))) }
            case let .integer(minimum, maximum):
                pairs += [("type", .string("integer")), ("minimum", .int(minimum)), ("maximum", .int(maximum))]
            case .boolean:
                pairs.append(("type", .string("boolean")))
            case let .oneOf(choices):
                pairs += [("type", .string("string")), ("enum", .strings(choices))]
            case .references:
                pairs += stringOrList
            case .vlanList:
                if case let .object(inner) = ref("vlan_list") { pairs += inner }
            case .vlanListOrAll:
                // `all` is a string, which a VLAN list already admits (one VLAN by name).
                if case let .object(inner) = ref("vlan_list") { pairs += inner }
            case .gateway:
                if case let .object(inner) = ref("gateway") { pairs += inner }
            case .stringList:
                pairs += [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
            case .ignore:
                pairs += [("type", .string("object")),
                          ("additionalProperties", .object([("type", .string("string")), ("minLength", .int(1))]))]
                if !options.ruleNames.isEmpty {
                    pairs.append(("propertyNames", .object([("enum", .strings(options.ruleNames))])))
                }
            case let .entities(kind):
                pairs += [("type", .strings(["object", "null"])), ("additionalProperties", ref(kind))]
            case let .entries(kind):
                pairs += [("type", .string("array")), ("items", ref(kind))]
            case .pair:
                pairs += [("type", .string("array")), ("items", .object([("type", .string("string"))])),
                          ("minItems", .int(2)), ("maxItems", .int(2))]
            }
            if let value = f.defaultValue { pairs.append(("default", value)) }
            return .object(pairs)
        }
    }
}
