// Turns cell values into text the same way everywhere: tables, CSV, JSON, golden tests.

/// Canonical text for values. Timestamps are shown as wall-clock time in `zone`.
public struct ValueFormatter: Sendable {
    public var zone: ZoneCalendar
    /// Text used for null.
    public var nullText: String

    /// Nil: floats in full (shortest round-trip text). A number: at most this many significant
    /// digits, for human-facing tables where `52474.20999999993` should read `52474.21`.
    public var floatDigits: Int?

    public init(zone: ZoneCalendar = .utc, nullText: String = "null", floatDigits: Int? = nil) {
        self.zone = zone
        self.nullText = nullText
        self.floatDigits = floatDigits
    }

    public func format(_ value: Value) -> String {
        switch value {
        case .null: return nullText
        case .int(let v): return String(v)
        case .float(let v):
            guard let floatDigits, v.isFinite, v != 0 else { return Self.format(float: v) }
            return Self.format(float: Self.rounded(v, significantDigits: floatDigits))
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        case .timestamp(let v): return CivilTime.format(micros: zone.local(fromUTC: v))
        case .date(let days): return CivilTime.format(micros: days * CivilTime.microsPerDay, dateOnly: true)
        case .duration(let v): return Self.format(duration: v)
        }
    }

    /// Shortest text that reads back as the same double; integral values without `.0` noise
    /// stay recognisably float (`3.0`), and non-finite values are `nan`, `inf`, `-inf`.
    public static func format(float v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }

    /// `v` rounded to `digits` significant digits, as the nearest double (so its shortest text
    /// is short). Values too large or small for the scaling stay as they are.
    static func rounded(_ v: Double, significantDigits digits: Int) -> Double {
        let magnitude = Int((v.magnitude).log10Floor)
        let shift = digits - 1 - magnitude
        guard (-300...300).contains(shift) else { return v }
        let scale = Self.powerOfTen(abs(shift))
        let result = shift >= 0 ? (v * scale).rounded() / scale : (v / scale).rounded() * scale
        return result.isFinite ? result : v
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Durations in the units of the query language: `90s` shows as `1m30s`, then `7d`, `1d2h30m`;
    /// a sub-second part joins the seconds as a decimal (`1m3.445714s`, `0.25s`); negative
    /// durations get a leading `-`.
    public static func format(duration micros: Int64) -> String {
        if micros == 0 { return "0s" }
        var rest = micros.magnitude
        var text = micros < 0 ? "-" : ""
        let units: [(UInt64, String)] = [
            (UInt64(CivilTime.microsPerDay), "d"), (UInt64(CivilTime.microsPerHour), "h"),
            (UInt64(CivilTime.microsPerMinute), "m"),
        ]
        for (size, suffix) in units where rest >= size {
            text += String(rest / size) + suffix
            rest %= size
        }
        guard rest > 0 else { return text }
        let second = UInt64(CivilTime.microsPerSecond)
        text += String(rest / second)
        var fraction = String(rest % second)
        if fraction != "0" {
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "s"
    }
}

extension Double {
    /// ⌊log10(self)⌋ for positive finite values, by counting decimal digits (no libm needed).
    fileprivate var log10Floor: Int {
        var exponent = 0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
