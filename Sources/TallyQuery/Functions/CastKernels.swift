// Conversions between types. A string that does not parse becomes null.
import Foundation
import TallyStore

/// Conversion rules: `int(ts)` / `timestamp(n)` use epoch seconds; `int(d)` whole seconds and
/// `float(d)` seconds of a duration, and `duration(n)` reads n as seconds (`duration("1h30m")`
/// parses); `int(date)` days since 1970-01-01; a date becomes a timestamp
/// at local midnight in the session zone and a timestamp a date by its local calendar day;
/// `float → int` truncates toward zero.
enum CastKernels {
    static func cast(_ column: Column, to target: DataType, context: ExecutionContext,
                     span: SourceSpan) throws(Diagnostic) -> Column {
        let source = column.type
        if source == target { return column }
        let count = column.count
        let zone = context.zone
        switch (source, target) {
        case (.int, .float):
            return .float(column.int64Values!.map(Double.init), validity: column.validity)
        case (.duration, .float):
            return .float(column.int64Values!.map { Double($0) / Double(CivilTime.microsPerSecond) }, validity: column.validity)
        case (.float, .int):
            let values = column.floatValues!
            var mask = NullMask(count: count, column.validity)
            var result = [Int64](repeating: 0, count: count)
            for row in 0..<count where !mask.isNull(row) {
                if let exact = Int64(exactly: values[row].rounded(.towardZero)) { result[row] = exact } else { mask.setNull(row) }
            }
            return .int(result, validity: mask.bitmap)
        case (.bool, .int):
            return .int(column.boolValues!.map { $0 ? 1 : 0 }, validity: column.validity)
        case (.bool, .float):
            return .float(column.boolValues!.map { $0 ? 1 : 0 }, validity: column.validity)
        case (.int, .bool):
            return .bool(column.int64Values!.map { $0 != 0 }, validity: column.validity)
        case (.duration, .int), (.timestamp, .int):
            return FunctionKernels.mapInt64(column, type: .int) { CivilTime.floorDiv($0, CivilTime.microsPerSecond) }
        case (.int, .duration):
            return FunctionKernels.mapInt64(column, type: .duration) { $0 &* CivilTime.microsPerSecond }
        case (.float, .duration):
            let values = column.floatValues!
            var mask = NullMask(count: count, column.validity)
            var result = [Int64](repeating: 0, count: count)
            for row in 0..<count where !mask.isNull(row) {
                if let micros = Int64(exactly: (values[row] * Double(CivilTime.microsPerSecond)).rounded()) {
                    result[row] = micros
                } else {
                    mask.setNull(row)
                }
            }
            return .duration(result, validity: mask.bitmap)
        case (.date, .int):
            return Column(type: .int, storage: column.storage, validity: column.validity)
        case (.int, .timestamp):
            return FunctionKernels.mapInt64(column, type: .timestamp) { $0 &* CivilTime.microsPerSecond }
        case (.date, .timestamp):
            return FunctionKernels.mapInt64(column, type: .timestamp) { zone.utc(fromLocal: $0 * CivilTime.microsPerDay) }
        case (.timestamp, .date):
            return FunctionKernels.mapInt64(column, type: .date) { zone.day(ofUTC: $0) }
        case (_, .string):
            let formatter = ValueFormatter(zone: zone)
            var remapper = StringRemapper([])
            var codes = [UInt32](repeating: 0, count: count)
            for row in 0..<count where !column.isNull(row) {
                codes[row] = remapper.code(for: formatter.format(column.value(at: row)))
            }
            return remapper.finish(codes, validity: column.validity)
        case (.string, _):
            return parseStrings(column, as: target, zone: zone)
        default:
            throw Diagnostic(kind: .semantic, message: "cannot convert \(source) to \(target)", span: span)
        }
    }

    /// Parses each distinct string once; values that do not parse are null.
    private static func parseStrings(_ column: Column, as target: DataType, zone: ZoneCalendar) -> Column {
        let parsed: [Value] = column.dictionary!.strings.map { parse($0, as: target, zone: zone) }
        var builder = ColumnBuilder(type: target, capacity: column.count)
        let codes = column.codes!
        for row in 0..<column.count {
            if column.isNull(row) { builder.appendNull() } else { builder.append(parsed[Int(codes[row])]) }
        }
        return builder.finish()
    }

    static func parse(_ text: String, as target: DataType, zone: ZoneCalendar) -> Value {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch target {
        case .int: return Int64(trimmed).map(Value.int) ?? .null
        case .float: return Double(trimmed).map(Value.float) ?? .null
        case .bool:
            switch trimmed.lowercased() {
            case "true", "1", "yes": return .bool(true)
            case "false", "0", "no": return .bool(false)
            default: return .null
            }
        case .timestamp, .date, .duration:
            let bytes = Array(trimmed.replacingOccurrences(of: " ", with: "T").utf8)
            guard let (kind, end) = TimeLiteralScanner.scan(bytes, from: 0), end == bytes.count else { return .null }
            switch (kind, target) {
            case (.timestamp(let t), .timestamp): return .timestamp(t)
            case (.timestamp(let t), .date): return .date(zone.day(ofUTC: t))
            case (.date(let d), .date): return .date(d)
            case (.date(let d), .timestamp): return .timestamp(zone.utc(fromLocal: d * CivilTime.microsPerDay))
            case (.duration(let d), .duration): return .duration(d)
            default: return .null
            }
        case .string: return .string(text)
        }
    }
}
