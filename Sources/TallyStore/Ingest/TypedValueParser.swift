// Converts one field's bytes to the Int64 payload of a typed column (floats as bit patterns).

/// Parses a value for a column of a known type. Shared by the CSV and JSON Lines readers so that
/// both accept exactly the same text for each type.
enum TypedValueParser {
    /// The payload of `raw` as `type`, or nil when it does not parse. `Int64` types give their
    /// value, `float` its bit pattern, `bool` 0 or 1. Never called for `string`.
    ///
    /// `lenient` (set for user overrides) also accepts: for `timestamp`, integers as epoch time —
    /// seconds when |v| < 1e11, milliseconds when |v| < 1e14, else microseconds; for `date`, a
    /// timestamp (its UTC day); for `duration`, a number of seconds. Inferred types never need it,
    /// because inference only picks a type every sampled value parses as.
    @inline(__always)
    static func parse(_ raw: UnsafeRawBufferPointer, as type: DataType, lenient: Bool) -> Int64? {
        let bytes = ValueParser.trimmed(raw)
        switch type {
        case .int:
            return ValueParser.parseInt(bytes)
        case .float:
            guard let value = ValueParser.parseFloat(bytes) else { return nil }
            return Int64(bitPattern: value.bitPattern)
        case .bool:
            return ValueParser.parseBool(bytes).map { $0 ? 1 : 0 }
        case .timestamp:
            if let micros = TimestampParser.parseTimestamp(bytes) { return micros }
            guard lenient, let epoch = ValueParser.parseInt(bytes) else { return nil }
            let magnitude = epoch.magnitude
            if magnitude < 100_000_000_000 { return epoch * 1_000_000 }
            if magnitude < 100_000_000_000_000 { return epoch * 1_000 }
            return epoch
        case .date:
            if let days = TimestampParser.parseDate(bytes) { return days }
            guard lenient, let micros = TimestampParser.parseTimestamp(bytes) else { return nil }
            return CivilTime.floorDiv(micros, CivilTime.microsPerDay)
        case .duration:
            if let seconds = ValueParser.parseInt(bytes) {
                let (micros, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
                return overflow ? nil : micros
            }
            guard let seconds = ValueParser.parseFloat(bytes), abs(seconds) < 9.2e12 else { return nil }
            return Int64((seconds * 1_000_000).rounded())
        case .string:
            preconditionFailure("string fields are interned, not parsed")
        }
    }
}
