// Numbering calendar periods in a time zone, so "whole periods between" is a subtraction.
import TallyStore

extension CalendarPeriod {
    /// The ordinal of the local calendar period holding the UTC instant `micros`: consecutive
    /// periods have consecutive ordinals (days since 1970-01-01; weeks since the week of
    /// 1970-01-05 shifted to `weekStart`; months since year 0).
    /// - Parameter weekStart: 0 = Monday … 6 = Sunday.
    @inline(__always)
    public func index(ofUTC micros: Int64, zone: ZoneCalendar, weekStart: Int = 0) -> Int64 {
        index(ofDay: zone.day(ofUTC: micros), weekStart: weekStart)
    }

    /// The ordinal of the period holding local day `day` (days since 1970-01-01).
    @inline(__always)
    public func index(ofDay day: Int64, weekStart: Int = 0) -> Int64 {
        switch self {
        case .day:
            return day
        case .week:
            return CivilTime.floorDiv(day - Self.weekAnchor(weekStart), 7)
        case .month:
            let date = CivilTime.date(days: day)
            return date.year * 12 + date.month - 1
        }
    }

    /// The first local day (days since 1970-01-01) of the period with ordinal `index`.
    public func startDay(ofIndex index: Int64, weekStart: Int = 0) -> Int64 {
        switch self {
        case .day:
            return index
        case .week:
            return Self.weekAnchor(weekStart) + 7 * index
        case .month:
            let year = CivilTime.floorDiv(index, 12)
            return CivilTime.days(year: year, month: index - year * 12 + 1, day: 1)
        }
    }

    /// A day on which a week starts: 1970-01-05 was a Monday.
    private static func weekAnchor(_ weekStart: Int) -> Int64 { 4 + Int64(weekStart) }
}
