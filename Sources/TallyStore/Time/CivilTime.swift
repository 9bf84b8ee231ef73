// Conversions between microsecond timestamps and proleptic Gregorian calendar fields (UTC).

/// Calendar arithmetic on microsecond timestamps, without Foundation, for hot paths and parsers.
///
/// Days are counted from 1970-01-01; the day/civil conversions are the standard era-based
/// formulas for the proleptic Gregorian calendar, valid far beyond any event log's range.
public enum CivilTime {
    public static let microsPerSecond: Int64 = 1_000_000
    public static let microsPerMinute: Int64 = 60 * microsPerSecond
    public static let microsPerHour: Int64 = 60 * microsPerMinute
    public static let microsPerDay: Int64 = 24 * microsPerHour

    /// Days since 1970-01-01 of the date `year-month-day` (month 1...12).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of day number `days` (since 1970-01-01).
    public static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Floor division, correct for negative timestamps (before 1970).
    @inline(__always)
    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Day of the week of day number `days`: 0 = Monday … 6 = Sunday.
    public static func weekday(days: Int64) -> Int64 {
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        let r = (days + 3) % 7
        return r < 0 ? r + 7 : r
    }

    public static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `micros` as `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC (fraction only when non-zero),
    /// or `YYYY-MM-DD` when `dateOnly`.
    public static func format(micros: Int64, dateOnly: Bool = false) -> String {
        let days = floorDiv(micros, microsPerDay)
        let (year, month, day) = date(days: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if dateOnly { return text }
        let ofDay = micros - days * microsPerDay
        let seconds = ofDay / microsPerSecond
        text += " " + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        let fraction = ofDay % microsPerSecond
        if fraction != 0 {
            var digits = pad(fraction, 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value < 0 ? -value : value)
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }
}
