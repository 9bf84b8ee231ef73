// Formats one event as a CSV or JSON Lines row, byte by byte, straight into the output buffer.
import TallyStore

/// Encodes events without `String`s or floating point: timestamps from integer seconds, amounts
/// from integer cents with exactly two decimals, so the bytes are the same on every machine.
struct RowEncoder {
    private let pool = TextPool()
    private let format: EventGenerator.OutputFormat
    /// `YYYY-MM-DDT` of the current day.
    private var datePrefix: [UInt8] = Array(repeating: 0, count: 11)

    init(format: EventGenerator.OutputFormat) {
        self.format = format
    }

    /// The header line (CSV) or nothing (JSON Lines).
    var header: [UInt8] {
        switch format {
        case .csv: Array((Vocabulary.columns.joined(separator: ",") + "\n").utf8)
        case .jsonLines: []
        }
    }

    /// Sets the date that following rows carry.
    mutating func begin(day: Int64) {
        let (year, month, dayOfMonth) = CivilTime.date(days: day)
        let text = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(dayOfMonth, 2))T"
        datePrefix = Array(text.utf8)
    }

    /// Writes `event` at `target`; returns the number of bytes (never more than
    /// `FileDescriptorSink.rowReserve`).
    @inline(__always)
    func encode(_ event: GeneratedEvent, to target: UnsafeMutablePointer<UInt8>) -> Int {
        switch format {
        case .csv: encodeCSV(event, to: target)
        case .jsonLines: encodeJSON(event, to: target)
        }
    }

    private func encodeCSV(_ event: GeneratedEvent, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var p = target
        p += writeTimestamp(event.second, to: p)
        p.pointee = comma; p += 1
        p += writeUserId(event.user, to: p)
        p.pointee = comma; p += 1
        p += pool.copy(pool.events[Int(event.kind.rawValue)], to: p)
        p.pointee = comma; p += 1
        p += pool.copy(pool.channels[Int(event.channel)], to: p)
        p.pointee = comma; p += 1
        p += pool.copy(pool.countries[Int(event.country)], to: p)
        p.pointee = comma; p += 1
        p += pool.copy(pool.platforms[Int(event.platform)], to: p)
        p.pointee = comma; p += 1
        if event.kind == .purchase { p += writeCents(event.payload, to: p) }
        p.pointee = comma; p += 1
        if event.kind == .npsSurvey { p += writeInteger(Int(event.payload), minimumDigits: 1, to: p) }
        p.pointee = newline; p += 1
        return p - target
    }

    private func encodeJSON(_ event: GeneratedEvent, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var p = target
        p += write(#"{"ts":""#, to: p)
        p += writeTimestamp(event.second, to: p)
        p += write(#"","user_id":""#, to: p)
        p += writeUserId(event.user, to: p)
        p += write(#"","event":""#, to: p)
        p += pool.copy(pool.events[Int(event.kind.rawValue)], to: p)
        p += write(#"","channel":""#, to: p)
        p += pool.copy(pool.channels[Int(event.channel)], to: p)
        p += write(#"","country":""#, to: p)
        p += pool.copy(pool.countries[Int(event.country)], to: p)
        p += write(#"","platform":""#, to: p)
        p += pool.copy(pool.platforms[Int(event.platform)], to: p)
        p += write(#"","amount":"#, to: p)
        p += event.kind == .purchase ? writeCents(event.payload, to: p) : write("null", to: p)
        p += write(#","score":"#, to: p)
        p += event.kind == .npsSurvey ? writeInteger(Int(event.payload), minimumDigits: 1, to: p) : write("null", to: p)
        p += write("}\n", to: p)
        return p - target
    }

    // MARK: Fields

    private let comma = UInt8(ascii: ",")
    private let newline = UInt8(ascii: "\n")

    /// `HH:MM:SSZ` after the day's prefix.
    @inline(__always)
    private func writeTimestamp(_ second: Int32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        datePrefix.withUnsafeBufferPointer { target.update(from: $0.baseAddress!, count: 11) }
        let s = Int(second)
        var p = target + 11
        p += writePair(s / 3600, to: p); p.pointee = UInt8(ascii: ":"); p += 1
        p += writePair(s / 60 % 60, to: p); p.pointee = UInt8(ascii: ":"); p += 1
        p += writePair(s % 60, to: p); p.pointee = UInt8(ascii: "Z")
        return 20
    }

    /// `u` and the 1-based user number, zero-padded to at least six digits.
    @inline(__always)
    private func writeUserId(_ user: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target.pointee = UInt8(ascii: "u")
        return 1 + writeInteger(Int(user) + 1, minimumDigits: Vocabulary.userIdMinimumDigits, to: target + 1)
    }

    /// `cents` as dollars with exactly two decimals.
    @inline(__always)
    private func writeCents(_ cents: Int32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var p = target
        p += writeInteger(Int(cents) / 100, minimumDigits: 1, to: p)
        p.pointee = UInt8(ascii: "."); p += 1
        p += writePair(Int(cents) % 100, to: p)
        return p - target
    }

    /// A non-negative integer in decimal, left-padded with zeros to `minimumDigits`.
    @inline(__always)
    private func writeInteger(_ value: Int, minimumDigits: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let width = max(digits, minimumDigits)
        var remaining = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            target[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return width
    }

    @inline(__always)
    private func writePair(_ value: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target[0] = pool.digitPairs[2 * value]
        target[1] = pool.digitPairs[2 * value + 1]
        return 2
    }

    @inline(__always)
    private func write(_ text: StaticString, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
