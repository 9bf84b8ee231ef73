// Binding of `join` and `union`.
import TallyStore

extension Binder {
    /// join -> keys resolved on each side; right columns named like a left column get `_right`.
    func bindJoin(_ kind: JoinKind, _ left: LogicalPlan, _ right: LogicalPlan, _ keys: [JoinKey]) throws(Diagnostic) -> LogicalPlan {
        var leftKeys: [Int] = [], rightKeys: [Int] = []
        for key in keys {
            guard let l = left.schema.firstIndex(where: { $0.name == key.left }) else {
                throw Diagnostic(kind: .semantic, message: "unknown column `\(key.left)` on the left side of the join", span: key.leftSpan,
                                 hints: Suggestion.hints(for: key.left, among: left.schema.map(\.name)))
            }
            guard let r = right.schema.firstIndex(where: { $0.name == key.right }) else {
                throw Diagnostic(kind: .semantic, message: "unknown column `\(key.right)` on the right side of the join", span: key.rightSpan,
                                 hints: Suggestion.hints(for: key.right, among: right.schema.map(\.name)))
            }
            guard left.schema[l].type == right.schema[r].type else {
                throw Diagnostic(kind: .semantic,
                                 message: "join key types differ: \(left.schema[l].type) and \(right.schema[r].type)",
                                 span: SourceSpan(start: key.leftSpan.start, end: key.rightSpan.end))
            }
            leftKeys.append(l)
            rightKeys.append(r)
        }
        var output: [(side: Int, index: Int)] = left.schema.indices.map { (0, $0) }
        var fields = left.schema
        var names = Set(fields.map(\.name))
        for (index, field) in right.schema.enumerated() {
            // A key with the same name on both sides appears once.
            if let position = rightKeys.firstIndex(of: index), left.schema[leftKeys[position]].name == field.name { continue }
            var name = field.name
            if names.contains(name) {
                name += "_right"
                var counter = 2
                while names.contains(name) { name = field.name + "_right\(counter)"; counter += 1 }
            }
            names.insert(name)
            output.append((1, index))
            fields.append(Field(name: name, type: field.type))
        }
        return LogicalPlan(.join(kind, left, right, leftKeys: leftKeys, rightKeys: rightKeys, output: output), schema: fields)
    }

    /// union -> rows of both sides, columns matched by name; a column missing on one side is null there.
    func bindUnion(_ left: LogicalPlan, _ right: LogicalPlan, span: SourceSpan) throws(Diagnostic) -> LogicalPlan {
        var fields = left.schema
        for field in right.schema {
            if let existing = fields.first(where: { $0.name == field.name }) {
                guard existing.type == field.type else {
                    throw Diagnostic(kind: .semantic,
                                     message: "column `\(field.name)` is \(existing.type) on the left of `union` but \(field.type) on the right",
                                     span: span)
                }
            } else {
                fields.append(field)
            }
        }
        return LogicalPlan(.union(left, right), schema: fields)
    }
}
