// Checks one plugin argument against its parameter type and converts it to a bound argument.
import TallyStore
import TallyPluginAPI

/// Converts argument expressions to `BoundArgumentExpression`s, one `ParameterType` at a time.
///
/// What each type accepts:
/// - `column`: a column name of the input (`amount`, or `` `odd name` ``).
/// - `eventPredicate`: a string literal `"x"` meaning `event_column == "x"` (the `event:` argument,
///   else the first column named like an event column), or any boolean expression over the input.
/// - `list(T)`: `[a, b, …]` of T; a single T is a list of one.
/// - `duration`: a duration literal (`7d`). `timestamp`: a timestamp literal, or a date literal
///   meaning local midnight in the session's time zone.
/// - `period`: `day`, `week` or `month`, bare or quoted. `choice`: one of its words, bare or quoted.
///   `flags`: one word or a list of words of its set.
/// - `integer(range)`: a whole number within the range. `number`: any number.
/// - `string`: a string literal. `boolean`: `true` or `false`.
struct PluginArgumentBinder {
    let schema: [Field]
    let zone: ZoneCalendar
    let pluginName: String
    /// The `event:` argument, when the call has one.
    var eventColumn: String?

    init(schema: [Field], zone: ZoneCalendar, pluginName: String) {
        self.schema = schema
        self.zone = zone
        self.pluginName = pluginName
    }

    func bind(_ value: ParsedExpression, as type: ParameterType, parameter: String) throws(Diagnostic) -> BoundArgumentExpression {
        func mismatch(_ extra: [String] = []) -> Diagnostic { mismatchAt(value, extra) }
        func mismatchAt(_ culprit: ParsedExpression, _ extra: [String]) -> Diagnostic {
            Diagnostic(kind: .semantic, message: "`\(parameter)` must be \(Self.article(type)), found \(Self.describe(culprit))",
                       span: culprit.span, hints: extra)
        }
        switch type {
        case .column:
            guard case .column(let name) = value.kind else { throw mismatch() }
            guard schema.contains(where: { $0.name == name }) else {
                throw Diagnostic(kind: .semantic, message: "unknown column `\(name)`", span: value.span,
                                 hints: Suggestion.hints(for: name, among: schema.map(\.name)))
            }
            return .value(.column(name))
        case .eventPredicate:
            return try bindPredicate(value, parameter: parameter)
        case .list(let element):
            let items: [ParsedExpression]
            if case .list(let listed) = value.kind { items = listed } else { items = [value] }
            var bound: [BoundArgumentExpression] = []
            for item in items { bound.append(try bind(item, as: element, parameter: parameter)) }
            return .list(bound)
        case .duration:
            guard case .literal(.duration(let micros)) = value.kind else { throw mismatch(["write a duration such as `7d`, `12h` or `30m`"]) }
            return .value(.duration(micros))
        case .timestamp:
            switch value.kind {
            case .literal(.timestamp(let micros)): return .value(.timestamp(micros))
            case .literal(.date(let days)): return .value(.timestamp(zone.utc(fromLocal: days * CivilTime.microsPerDay)))
            default: throw mismatch(["write a date such as `2024-03-01` or a timestamp such as `2024-03-01T12:00:00`"])
            }
        case .period:
            let word = try self.word(value, among: CalendarPeriod.allCases.map(\.rawValue), mismatch: mismatchAt)
            return .value(.period(CalendarPeriod(rawValue: word)!))
        case .integer(let range):
            guard let number = Self.integer(value) else { throw mismatch() }
            if let range, !range.contains(number) { throw mismatch() }
            return .value(.integer(number))
        case .number:
            if let number = Self.integer(value) { return .value(.number(Double(number))) }
            guard let number = Self.float(value) else { throw mismatch() }
            return .value(.number(number))
        case .string:
            guard case .literal(.string(let text)) = value.kind else { throw mismatch() }
            return .value(.string(text))
        case .boolean:
            guard case .literal(.bool(let flag)) = value.kind else { throw mismatch() }
            return .value(.boolean(flag))
        case .choice(let words):
            return .value(.choice(try word(value, among: words, mismatch: mismatchAt)))
        case .flags(let words):
            let items: [ParsedExpression]
            if case .list(let listed) = value.kind { items = listed } else { items = [value] }
            var chosen = Set<String>()
            for item in items { chosen.insert(try word(item, among: words, mismatch: mismatchAt)) }
            return .value(.flags(chosen))
        }
    }

    /// A bare or quoted word out of `words`; anything else is a mismatch, with "did you mean".
    private func word(_ value: ParsedExpression, among words: [String],
                      mismatch: (ParsedExpression, [String]) -> Diagnostic) throws(Diagnostic) -> String {
        let text: String
        switch value.kind {
        case .column(let name): text = name
        case .literal(.string(let quoted)): text = quoted
        default: throw mismatch(value, [])
        }
        guard words.contains(text) else { throw mismatch(value, Suggestion.hints(for: text, among: words)) }
        return text
    }

    /// `"signup"` → `event_column == "signup"`; otherwise a boolean expression over the input.
    private func bindPredicate(_ value: ParsedExpression, parameter: String) throws(Diagnostic) -> BoundArgumentExpression {
        if case .literal(.string(let name)) = value.kind {
            let index: Int
            do {
                index = try ColumnRole.event.resolve(in: schema, explicit: eventColumn)
            } catch {
                throw Diagnostic(kind: .semantic, message: "`\(parameter)` names the event \(value.text), but the input has " + error.message,
                                 span: value.span,
                                 hints: error.hints + ["or write a predicate such as `column == \(value.text)`"])
            }
            let column = BoundExpression(.column(index), schema[index].type, value.span)
            let literal = BoundExpression(.literal(.string(name)), .string, value.span)
            return .predicate(BoundExpression(.comparison(.equal, column, literal), .bool, value.span), label: name)
        }
        var binder = ExpressionBinder(schema: schema)
        let bound = try binder.bind(value)
        guard bound.type == .bool else {
            throw Diagnostic(kind: .semantic,
                             message: "`\(parameter)` must be an event name or predicate, found a \(bound.type) expression `\(value.text)`",
                             span: value.span, hints: ["write an event name such as \"signup\" or a condition such as `amount > 100`"])
        }
        return .predicate(bound, label: value.text)
    }

    private static func integer(_ value: ParsedExpression) -> Int64? {
        switch value.kind {
        case .literal(.int(let number)): return number
        case .negate(let inner): if case .literal(.int(let number)) = inner.kind { return -number } else { return nil }
        default: return nil
        }
    }

    private static func float(_ value: ParsedExpression) -> Double? {
        switch value.kind {
        case .literal(.float(let number)): return number
        case .negate(let inner): if case .literal(.float(let number)) = inner.kind { return -number } else { return nil }
        default: return nil
        }
    }

    /// `a column`, `day|week|month`, `an integer ≥ 1`: the type as the object of "must be".
    static func article(_ type: ParameterType) -> String {
        switch type {
        case .column: return "a column"
        case .eventPredicate: return "an event name or predicate"
        case .list: return "a " + type.description
        case .duration: return "a duration"
        case .timestamp: return "a timestamp or date"
        case .integer: return "an " + type.description
        case .number: return "a number"
        case .string: return "a string"
        case .boolean, .period, .choice: return type.description
        case .flags(let words): return "one or more of " + words.joined(separator: ", ")
        }
    }

    /// How an argument reads in a message: `` `fortnight` ``, `"x"`, `7d`, `a list`.
    static func describe(_ value: ParsedExpression) -> String {
        if case .list = value.kind { return "a list" }
        return "`" + value.text + "`"
    }
}
