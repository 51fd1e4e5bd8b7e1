/// Names from another tool that the format would read as something else.
///
/// In a topology file `[START:END]` in a name is a range pattern and `{1}` a placeholder, so
/// a device called `leaf[1:2]` cannot be written as is. Importers pass foreign names through
/// `formatSafe`, which swaps brackets and braces for parentheses, and note the renaming.
public enum ImportNames {
    /// The name, or a variant the format takes literally; nil when no change is needed.
    public static func renamed(_ name: String) -> String? {
        if name.isEmpty { return "_" }
        guard name.contains(where: { "[]{}".contains($0) }) else { return nil }
        return String(name.map { c -> Character in
            switch c {
            case "[", "{": "("
            case "]", "}": ")"
            default: c
            }
        })
    }

    public static func formatSafe(_ name: String) -> String { renamed(name) ?? name }

    /// `base`, or `base-2`, `base-3`, … whichever is not in `taken`.
    public static func unique(_ base: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}
