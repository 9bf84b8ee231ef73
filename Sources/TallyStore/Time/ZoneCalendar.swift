// UTC offsets of a named time zone, precomputed as a transition table for fast per-row lookup.
import Foundation

/// A time zone's offset from UTC at any instant, looked up by binary search over its
/// transitions (computed once from the system tz database), so bucketing millions of
/// timestamps in `America/New_York` costs a few comparisons per row, not a Foundation call.
public struct ZoneCalendar: Sendable, Equatable {
    public let identifier: String
    /// Instants (µs, UTC) at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[0]` applies before `transitions[0]`; `offsets[i + 1]` from `transitions[i]` on.
    private let offsets: [Int64]

    public static let utc = ZoneCalendar(identifier: "UTC", transitions: [], offsets: [0])

    private init(identifier: String, transitions: [Int64], offsets: [Int64]) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The zone with this IANA name (`Asia/Shanghai`, `America/New_York`, `UTC`), or nil if unknown.
    /// Transitions are tabulated from 1900 to 2200; outside, the nearest known offset holds.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "Z" {
            self = .utc
            return
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        var transitions: [Int64] = []
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: start)) * CivilTime.microsPerSecond]
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int64(zone.secondsFromGMT(for: next)) * CivilTime.microsPerSecond
            if offset != offsets.last {
                transitions.append(Int64((next.timeIntervalSince1970 * 1_000_000).rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.init(identifier: zone.identifier, transitions: transitions, offsets: offsets)
    }

    public var isFixedOffset: Bool { transitions.isEmpty }

    /// Offset from UTC in µs at the UTC instant `micros`.
    @inline(__always)
    public func offset(atUTC micros: Int64) -> Int64 {
        if transitions.isEmpty { return offsets[0] }
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) >> 1
            if transitions[mid] <= micros { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    /// Local wall-clock time (µs since the local epoch) of the UTC instant `micros`.
    @inline(__always)
    public func local(fromUTC micros: Int64) -> Int64 { micros + offset(atUTC: micros) }

    /// The UTC instant of a local wall-clock time. In a gap (spring forward) the time is read with
    /// the offset before the gap, so it lands after it; in an overlap (fall back) the earlier
    /// instant is chosen, as most calendars do.
    public func utc(fromLocal local: Int64) -> Int64 {
        if transitions.isEmpty { return local - offsets[0] }
        let early = local - offset(atUTC: local - 36 * CivilTime.microsPerHour)
        let late = local - offset(atUTC: local + 36 * CivilTime.microsPerHour)
        let candidates = [min(early, late), max(early, late)]
        for candidate in candidates where self.local(fromUTC: candidate) == local { return candidate }
        // A gap: no instant shows this wall time; use the offset in force before it.
        return local - offset(atUTC: min(early, late) - CivilTime.microsPerHour)
    }

    /// The local calendar day (days since 1970-01-01) of the UTC instant `micros`.
    @inline(__always)
    public func day(ofUTC micros: Int64) -> Int64 {
        CivilTime.floorDiv(local(fromUTC: micros), CivilTime.microsPerDay)
    }
}
