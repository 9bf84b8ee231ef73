// Time buckets and parts, computed in the session time zone so they are right across DST.
import TallyStore

/// Buckets are local calendar periods: `day(ts)` is the local date; `hour(ts)` and `bin(ts, d)`
/// are the UTC instants where the local hour / bin starts (so the two 01:00 hours of a
/// fall-back night stay distinct); `week(ts)` is the local date of the week's first day.
enum TimeFunctions {
    static func apply(_ function: ScalarFunction, _ arguments: [Column], context: ExecutionContext) -> Column {
        let input = arguments[0]
        let zone = context.zone
        let isDate = input.type == .date
        func localDay(_ value: Int64) -> Int64 { isDate ? value : zone.day(ofUTC: value) }
        switch function {
        case .hour:
            return FunctionKernels.mapInt64(input, type: .timestamp) { t in localFloor(t, CivilTime.microsPerHour, zone) }
        case .bin:
            let sizes = arguments[1]
            if input.type == .timestamp {
                return binned(input, sizes) { t, size in localFloor(t, size, zone) }
            }
            if input.type == .int {
                return binned(input, sizes) { value, size in CivilTime.floorDiv(value, size) * size }
            }
            let values = input.floatValues!, steps = sizes.floatValues!
            var mask = NullMask(count: values.count, input.validity, sizes.validity)
            var result = [Double](repeating: 0, count: values.count)
            for row in 0..<values.count where !mask.isNull(row) {
                if steps[row] <= 0 { mask.setNull(row) } else { result[row] = (values[row] / steps[row]).rounded(.down) * steps[row] }
            }
            return .float(result, validity: mask.bitmap)
        case .day, .date:
            if isDate { return Column(type: .date, storage: input.storage, validity: input.validity) }
            if zone.isFixedOffset {
                // UTC and fixed zones: one addition and a floor division per row.
                let offset = zone.offset(atUTC: 0)
                return FunctionKernels.mapInt64(input, type: .date) { CivilTime.floorDiv($0 + offset, CivilTime.microsPerDay) }
            }
            return FunctionKernels.mapInt64(input, type: .date) { zone.day(ofUTC: $0) }
        case .week:
            let start = Int64(context.weekStart)
            return FunctionKernels.mapInt64(input, type: .date) { value in
                let day = localDay(value)
                return day - positiveRemainder(CivilTime.weekday(days: day) - start, 7)
            }
        case .month:
            return FunctionKernels.mapInt64(input, type: .date) { value in
                let (year, month, _) = CivilTime.date(days: localDay(value))
                return CivilTime.days(year: year, month: month, day: 1)
            }
        case .year:
            return FunctionKernels.mapInt64(input, type: .date) { value in
                CivilTime.days(year: CivilTime.date(days: localDay(value)).year, month: 1, day: 1)
            }
        case .dayofweek:
            return FunctionKernels.mapInt64(input, type: .int) { value in CivilTime.weekday(days: localDay(value)) + 1 }
        case .hourofday:
            return FunctionKernels.mapInt64(input, type: .int) { t in
                positiveRemainder(zone.local(fromUTC: t), CivilTime.microsPerDay) / CivilTime.microsPerHour
            }
        default:
            preconditionFailure("\(function) is not a time function")
        }
    }

    /// The instant where the local bin of `size` holding `t` starts. Stepping back by the local
    /// remainder keeps the two 01:00 hours of a fall-back night apart; when that step crosses
    /// an offset change (a day bin on a DST day), the bin's local start is converted instead.
    static func localFloor(_ t: Int64, _ size: Int64, _ zone: ZoneCalendar) -> Int64 {
        let local = zone.local(fromUTC: t)
        let remainder = positiveRemainder(local, size)
        let candidate = t - remainder
        if zone.local(fromUTC: candidate) == local - remainder { return candidate }
        return zone.utc(fromLocal: local - remainder)
    }

    private static func binned(_ input: Column, _ sizes: Column, _ bucket: (Int64, Int64) -> Int64) -> Column {
        let values = input.int64Values!, steps = sizes.int64Values!
        var mask = NullMask(count: values.count, input.validity, sizes.validity)
        var result = [Int64](repeating: 0, count: values.count)
        for row in 0..<values.count where !mask.isNull(row) {
            if steps[row] <= 0 { mask.setNull(row) } else { result[row] = bucket(values[row], steps[row]) }
        }
        return Column(type: input.type, storage: .int64(result), validity: mask.bitmap)
    }
}

@inline(__always)
func positiveRemainder(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r < 0 ? r + b : r
}
