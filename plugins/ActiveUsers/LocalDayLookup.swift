// The local day of a UTC instant, with the zone's offset cached per UTC hour.
import TallyStore

/// Computes local days of instants in a zone; a few integer operations per call in the common case.
///
/// A fixed-offset zone (UTC) needs no lookup at all. Otherwise the offset of each UTC hour is
/// remembered in a small direct-mapped table (event logs revisit the same hours), valid when the
/// offset at the hour's first and last microsecond agree: no zone changes its offset twice within
/// an hour, so equal ends mean no transition inside. Hours holding a transition are looked up
/// row by row.
struct LocalDayLookup {
    private let zone: ZoneCalendar
    private let fixedOffset: Int64?
    private var hours: [Int64]
    private var offsets: [Int64]

    private static let slots = 4096

    init(zone: ZoneCalendar) {
        self.zone = zone
        fixedOffset = zone.isFixedOffset ? zone.offset(atUTC: 0) : nil
        hours = fixedOffset == nil ? Array(repeating: .min, count: Self.slots) : []
        offsets = fixedOffset == nil ? Array(repeating: 0, count: Self.slots) : []
    }

    /// Days since 1970-01-01 of the local date of `micros` (UTC).
    @inline(__always)
    mutating func day(ofUTC micros: Int64) -> Int64 {
        if let fixedOffset { return CivilTime.floorDiv(micros + fixedOffset, CivilTime.microsPerDay) }
        let hour = CivilTime.floorDiv(micros, CivilTime.microsPerHour)
        let slot = Int(truncatingIfNeeded: hour) & (Self.slots - 1)
        if hours[slot] != hour {
            let start = hour * CivilTime.microsPerHour
            let offset = zone.offset(atUTC: start)
            guard offset == zone.offset(atUTC: start + CivilTime.microsPerHour - 1) else {
                return zone.day(ofUTC: micros)
            }
            hours[slot] = hour
            offsets[slot] = offset
        }
        return CivilTime.floorDiv(micros + offsets[slot], CivilTime.microsPerDay)
    }
}
