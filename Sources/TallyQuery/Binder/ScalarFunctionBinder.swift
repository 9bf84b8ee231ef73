// Argument counts and type rules of the built-in scalar functions.
import TallyStore

enum ScalarFunctionBinder {
    static func bind(_ function: ScalarFunction, _ arguments: [BoundExpression], nameSpan: SourceSpan,
                     span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        let name = function.rawValue
        func arity(_ range: ClosedRange<Int>) throws(Diagnostic) {
            guard range.contains(arguments.count) else {
                let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" :
                    range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw Diagnostic(kind: .semantic, message: "`\(name)` takes \(expected) argument\(expected == "1" ? "" : "s"), found \(arguments.count)",
                                 span: span)
            }
        }
        func require(_ index: Int, _ allowed: [DataType]) throws(Diagnostic) -> BoundExpression {
            let argument = arguments[index]
            if argument.isNullLiteral { return argument.cast(to: allowed[0]) }
            guard allowed.contains(argument.type) else {
                let list = allowed.map(\.rawValue).joined(separator: " or ")
                throw Diagnostic(kind: .semantic, message: "`\(name)` needs \(list), found \(argument.type)", span: argument.span)
            }
            return argument
        }
        func make(_ args: [BoundExpression], _ type: DataType) -> BoundExpression {
            BoundExpression(.function(function, args), type, span)
        }
        switch function {
        case .hour, .hourofday:
            try arity(1...1)
            let time = try require(0, [.timestamp, .date]).cast(to: .timestamp)
            return make([time], function == .hour ? .timestamp : .int)
        case .day, .date, .week, .month, .year, .dayofweek:
            try arity(1...1)
            if function == .date, arguments[0].type == .string { return arguments[0].cast(to: .date) }
            let time = try require(0, [.timestamp, .date])
            return make([time], function == .dayofweek ? .int : .date)
        case .bin:
            try arity(2...2)
            let value = try require(0, [.timestamp, .date, .int, .float])
            if value.type.isNumeric {
                let size = try require(1, [.int, .float])
                let type: DataType = value.type == .float || size.type == .float ? .float : .int
                return make([value.cast(to: type), size.cast(to: type)], type)
            }
            return make([value.cast(to: .timestamp), try require(1, [.duration])], .timestamp)
        case .lower, .upper, .trim:
            try arity(1...1)
            return make([try require(0, [.string])], .string)
        case .length:
            try arity(1...1)
            return make([try require(0, [.string])], .int)
        case .substring:
            try arity(2...3)
            var args = [try require(0, [.string]), try require(1, [.int])]
            if arguments.count == 3 { args.append(try require(2, [.int])) }
            return make(args, .string)
        case .concat:
            try arity(1...Int.max)
            return make(arguments.map { $0.cast(to: .string) }, .string)
        case .replace:
            try arity(3...3)
            return make([try require(0, [.string]), try require(1, [.string]), try require(2, [.string])], .string)
        case .abs:
            try arity(1...1)
            let value = try require(0, [.int, .float, .duration])
            return make([value], value.type)
        case .round:
            try arity(1...2)
            let value = try require(0, [.float, .int])
            if arguments.count == 2 { return make([value.cast(to: .float), try require(1, [.int])], .float) }
            return make([value], value.type)
        case .floor, .ceil:
            try arity(1...1)
            let value = try require(0, [.float, .int])
            return make([value], value.type)
        case .sqrt, .ln, .log10, .exp:
            try arity(1...1)
            return make([try require(0, [.float, .int]).cast(to: .float)], .float)
        case .pow:
            try arity(2...2)
            return make([try require(0, [.float, .int]).cast(to: .float), try require(1, [.float, .int]).cast(to: .float)], .float)
        case .least, .greatest, .coalesce:
            try arity(1...Int.max)
            let type = try TypeRules.common(arguments, span: span)
            return make(arguments.map { $0.cast(to: type) }, type)
        case .int, .float, .string, .timestamp, .bool, .duration:
            try arity(1...1)
            let target = DataType(rawValue: name)!
            let source = arguments[0].type
            let allowed: Bool = switch target {
            case .int: [.int, .float, .bool, .string, .duration, .timestamp, .date].contains(source)
            case .float: [.int, .float, .bool, .string, .duration].contains(source)
            case .timestamp: [.timestamp, .date, .string, .int].contains(source)
            case .bool: [.bool, .int, .string].contains(source)
            case .duration: [.duration, .int, .float, .string].contains(source)
            default: true
            }
            guard allowed || arguments[0].isNullLiteral else {
                throw Diagnostic(kind: .semantic, message: "cannot convert \(source) to \(target)", span: arguments[0].span)
            }
            return arguments[0].cast(to: target)
        }
    }
}
