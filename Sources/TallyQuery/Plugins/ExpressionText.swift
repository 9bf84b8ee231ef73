// Writes a parsed expression back as query text: the label a plugin shows for a predicate.
import TallyStore

extension ParsedExpression {
    /// The expression as query text, normalised (single spaces, parentheses only where needed).
    /// Used instead of slicing the source because a `def` body and its call come from different texts.
    var text: String { render(parentStrength: 0) }

    private func render(parentStrength: Int) -> String {
        switch kind {
        case .literal(let value): return Self.literalText(value)
        case .column(let name): return Self.identifierText(name)
        case .call(let name, _, let arguments):
            let rendered = arguments.map { ($0.name.map { $0 + ": " } ?? "") + $0.value.text }
            return name + "(" + rendered.joined(separator: ", ") + ")"
        case .negate(let inner): return "-" + inner.render(parentStrength: 9)
        case .not(let inner): return wrap("not " + inner.render(parentStrength: 3), strength: 3, parentStrength)
        case .binary(let op, let left, let right):
            let strength = Self.strength(op)
            let text = left.render(parentStrength: strength) + " " + op.rawValue + " " + right.render(parentStrength: strength + 1)
            return wrap(text, strength: strength, parentStrength)
        case .negatedMatch(let op, let left, let right):
            let text = left.render(parentStrength: 5) + " not " + op.rawValue + " " + right.render(parentStrength: 5)
            return wrap(text, strength: 4, parentStrength)
        case .inList(let value, let items, let negated):
            let text = value.render(parentStrength: 5) + (negated ? " not in (" : " in (")
                + items.map(\.text).joined(separator: ", ") + ")"
            return wrap(text, strength: 4, parentStrength)
        case .between(let value, let low, let high, let negated):
            let text = value.render(parentStrength: 5) + (negated ? " not between " : " between ")
                + low.render(parentStrength: 5) + " and " + high.render(parentStrength: 5)
            return wrap(text, strength: 4, parentStrength)
        case .isNull(let value, let negated):
            return wrap(value.render(parentStrength: 5) + (negated ? " is not null" : " is null"), strength: 4, parentStrength)
        case .caseWhen(let branches, let otherwise):
            var text = "case"
            for (condition, value) in branches { text += " when " + condition.text + " then " + value.text }
            if let otherwise { text += " else " + otherwise.text }
            return text + " end"
        case .list(let items):
            return "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }

    private func wrap(_ text: String, strength: Int, _ parentStrength: Int) -> String {
        strength < parentStrength ? "(" + text + ")" : text
    }

    /// Binding strength: `or` 1, `and` 2, `not` 3, comparisons and matches 4, `+ -` 6, `* / %` 7.
    private static func strength(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .contains, .startswith, .endswith, .like: return 4
        case .add, .subtract: return 6
        case .multiply, .divide, .remainder: return 7
        }
    }

    static func literalText(_ value: Value) -> String {
        switch value {
        case .string(let text):
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .null: return "null"
        default: return ValueFormatter().format(value)
        }
    }

    static func identifierText(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "`" + name + "`"
    }
}
