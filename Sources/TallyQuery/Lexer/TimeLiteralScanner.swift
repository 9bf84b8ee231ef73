// Recognises date, timestamp and duration literals where a number starts.
import TallyStore

/// Scans `2024-03-01`, `2024-03-01T08:00[:00[.fff]][Z|±HH:MM]` and durations such as `90s`,
/// `1h30m`, `500ms`. Timestamps without a zone are read as UTC.
enum TimeLiteralScanner {
    static func scan(_ bytes: [UInt8], from start: Int) -> (TokenKind, Int)? {
        if let date = scanDate(bytes, from: start) { return date }
        return scanDuration(bytes, from: start)
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for index in start..<(start + count) {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int64(bytes[index] - 48)
        }
        return value
    }

    private static func scanDate(_ bytes: [UInt8], from start: Int) -> (TokenKind, Int)? {
        guard let year = digits(bytes, start, 4), start + 10 <= bytes.count,
              bytes[start + 4] == UInt8(ascii: "-"), let month = digits(bytes, start + 5, 2),
              bytes[start + 7] == UInt8(ascii: "-"), let day = digits(bytes, start + 8, 2),
              (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
        else { return nil }
        let days = CivilTime.days(year: year, month: month, day: day)
        var position = start + 10
        guard position < bytes.count, bytes[position] == UInt8(ascii: "T"),
              let hour = digits(bytes, position + 1, 2), position + 3 < bytes.count,
              bytes[position + 3] == UInt8(ascii: ":"), let minute = digits(bytes, position + 4, 2),
              hour < 24, minute < 60
        else {
            if position < bytes.count, isIdentifierPart(bytes[position]) { return nil }
            return (.date(days), position)
        }
        position += 6
        var micros = days * CivilTime.microsPerDay + hour * CivilTime.microsPerHour + minute * CivilTime.microsPerMinute
        if position + 2 < bytes.count, bytes[position] == UInt8(ascii: ":"), let second = digits(bytes, position + 1, 2), second < 60 {
            micros += second * CivilTime.microsPerSecond
            position += 3
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
                position += 1
                var scale: Int64 = 100_000
                while position < bytes.count, isDigit(bytes[position]) {
                    micros += Int64(bytes[position] - 48) * scale
                    scale /= 10
                    position += 1
                }
            }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "Z") {
            position += 1
        } else if position + 5 < bytes.count + 0, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"),
                  let offsetHours = digits(bytes, position + 1, 2), bytes[position + 3] == UInt8(ascii: ":"),
                  let offsetMinutes = digits(bytes, position + 4, 2) {
            let offset = offsetHours * CivilTime.microsPerHour + offsetMinutes * CivilTime.microsPerMinute
            micros -= bytes[position] == UInt8(ascii: "+") ? offset : -offset
            position += 6
        }
        if position < bytes.count, isIdentifierPart(bytes[position]) { return nil }
        return (.timestamp(micros), position)
    }

    private static let units: [(String, Int64)] = [
        ("ms", 1000), ("us", 1), ("s", CivilTime.microsPerSecond), ("m", CivilTime.microsPerMinute),
        ("h", CivilTime.microsPerHour), ("d", CivilTime.microsPerDay), ("w", 7 * CivilTime.microsPerDay),
    ]

    private static func scanDuration(_ bytes: [UInt8], from start: Int) -> (TokenKind, Int)? {
        var position = start
        var total: Int64 = 0
        var parts = 0
        while position < bytes.count, isDigit(bytes[position]) {
            var end = position
            var amount: Int64 = 0
            while end < bytes.count, isDigit(bytes[end]) {
                amount = amount &* 10 &+ Int64(bytes[end] - 48)
                end += 1
            }
            var unitEnd = end
            while unitEnd < bytes.count, bytes[unitEnd] | 0x20 >= 97, bytes[unitEnd] | 0x20 <= 122 { unitEnd += 1 }
            let unit = String(decoding: bytes[end..<unitEnd], as: UTF8.self)
            guard let scale = units.first(where: { $0.0 == unit })?.1 else { return nil }
            let (part, overflow) = amount.multipliedReportingOverflow(by: scale)
            guard !overflow, !total.addingReportingOverflow(part).overflow else { return nil }
            total += part
            parts += 1
            position = unitEnd
        }
        guard parts > 0 else { return nil }
        if position < bytes.count, isIdentifierPart(bytes[position]) || bytes[position] == UInt8(ascii: ".") { return nil }
        return (.duration(total), position)
    }
}
