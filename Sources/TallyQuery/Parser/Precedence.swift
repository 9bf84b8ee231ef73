// Operator precedence, as one table (higher binds tighter).

/// Binding power of each infix operator. `not` as a prefix binds at `notPrefix`, unary minus
/// at `unaryMinus`; both are listed here so the whole order is in one place.
enum Precedence {
    static let or = 1
    static let and = 2
    static let notPrefix = 3
    static let comparison = 4
    static let additive = 5
    static let multiplicative = 6
    static let unaryMinus = 7

    /// Infix operators by spelling (symbols and lowercase keywords).
    static let infix: [String: Int] = [
        "or": or, "and": and,
        "==": comparison, "!=": comparison, "<": comparison, "<=": comparison, ">": comparison, ">=": comparison,
        "=": comparison,
        "in": comparison, "between": comparison, "is": comparison, "like": comparison, "contains": comparison,
        "startswith": comparison, "endswith": comparison, "not": comparison,
        "+": additive, "-": additive,
        "*": multiplicative, "/": multiplicative, "%": multiplicative,
    ]
}
