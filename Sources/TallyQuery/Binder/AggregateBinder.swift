// Argument counts and result types of the aggregate functions.
import TallyStore

enum AggregateBinder {
    static func bind(_ function: AggregateFunction, _ arguments: [BoundExpression], nameSpan: SourceSpan,
                     span: SourceSpan) throws(Diagnostic) -> BoundAggregate {
        let name = function.rawValue
        func count(_ expected: Int) throws(Diagnostic) {
            guard arguments.count == expected else {
                throw Diagnostic(kind: .semantic, message: "`\(name)` takes \(expected) argument\(expected == 1 ? "" : "s"), found \(arguments.count)",
                                 span: span)
            }
        }
        switch function {
        case .count:
            guard arguments.count <= 1 else { try count(1); fatalError() }
            return BoundAggregate(function: .count, argument: arguments.first, parameter: 0, type: .int)
        case .countif:
            try count(1)
            guard arguments[0].type == .bool || arguments[0].isNullLiteral else {
                throw Diagnostic(kind: .semantic, message: "`countif` needs a bool condition, found \(arguments[0].type)", span: arguments[0].span)
            }
            return BoundAggregate(function: .countif, argument: arguments[0].cast(to: .bool), parameter: 0, type: .int)
        case .dcount:
            try count(1)
            return BoundAggregate(function: .dcount, argument: arguments[0], parameter: 0, type: .int)
        case .sum, .avg:
            try count(1)
            let argument = arguments[0]
            guard argument.type.isNumeric || argument.type == .duration else {
                throw Diagnostic(kind: .semantic, message: "`\(name)` needs a number or duration, found \(argument.type)", span: argument.span)
            }
            let type: DataType = argument.type == .duration ? .duration : (function == .avg ? .float : argument.type)
            return BoundAggregate(function: function, argument: argument, parameter: 0, type: type)
        case .min, .max, .first, .last:
            try count(1)
            return BoundAggregate(function: function, argument: arguments[0], parameter: 0, type: arguments[0].type)
        case .median, .percentile:
            try count(function == .median ? 1 : 2)
            let argument = arguments[0]
            guard argument.type.isNumeric || [.duration, .timestamp, .date].contains(argument.type) else {
                throw Diagnostic(kind: .semantic, message: "`\(name)` needs a number or time, found \(argument.type)", span: argument.span)
            }
            var p = 50.0
            if function == .percentile {
                switch arguments[1].literalValue {
                case .int(let v)?: p = Double(v)
                case .float(let v)?: p = v
                default:
                    throw Diagnostic(kind: .semantic, message: "`percentile` needs a constant percentage", span: arguments[1].span)
                }
                guard (0...100).contains(p) else {
                    throw Diagnostic(kind: .semantic, message: "percentile must be between 0 and 100", span: arguments[1].span)
                }
            }
            let type: DataType = argument.type.isNumeric ? .float : argument.type
            return BoundAggregate(function: function, argument: argument, parameter: p, type: type)
        }
    }
}
