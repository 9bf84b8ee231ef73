// Maps instants to calendar-period ordinals quickly, remembering the last period seen.
import TallyPluginAPI
import TallyStore

/// Numbers the local calendar period of instants or days, for one period kind, zone and week start.
///
/// Ordinals come from `CalendarPeriod.index`; the period last seen is remembered as a range of
/// days, and event logs are mostly in time order, so nearly every row is a range check. In a
/// fixed-offset zone (UTC) the local day is plain arithmetic.
struct PeriodNumbering {
    let period: CalendarPeriod
    let zone: ZoneCalendar
    let weekStart: Int
    /// The days [cachedFirstDay, cachedEndDay) form the period with ordinal `cachedIndex`.
    private var cachedFirstDay: Int64 = 1
    private var cachedEndDay: Int64 = 0
    private var cachedIndex: Int64 = 0
    /// The zone's offset when it never changes.
    private let fixedOffset: Int64?

    init(period: CalendarPeriod, zone: ZoneCalendar, weekStart: Int) {
        self.period = period
        self.zone = zone
        self.weekStart = weekStart
        fixedOffset = zone.isFixedOffset ? zone.offset(atUTC: 0) : nil
    }

    /// The ordinal of the period holding the UTC instant `micros`.
    @inline(__always)
    mutating func index(ofUTC micros: Int64) -> Int64 {
        guard let fixedOffset else { return index(ofDay: zone.day(ofUTC: micros)) }
        let local = micros + fixedOffset
        let day = local / CivilTime.microsPerDay
        // Division truncates toward zero; step back for instants before 1970.
        return index(ofDay: local % CivilTime.microsPerDay < 0 ? day - 1 : day)
    }

    /// The ordinal of the period holding local day `day` (days since 1970-01-01).
    @inline(__always)
    mutating func index(ofDay day: Int64) -> Int64 {
        if day >= cachedFirstDay && day < cachedEndDay { return cachedIndex }
        let index = period.index(ofDay: day, weekStart: weekStart)
        cachedIndex = index
        cachedFirstDay = period.startDay(ofIndex: index, weekStart: weekStart)
        cachedEndDay = period.startDay(ofIndex: index + 1, weekStart: weekStart)
        return index
    }

    /// The first local day of the period with ordinal `index` (a `date` value).
    func startDay(ofIndex index: Int64) -> Int64 {
        period.startDay(ofIndex: index, weekStart: weekStart)
    }
}
