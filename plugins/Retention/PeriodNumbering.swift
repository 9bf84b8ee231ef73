// Maps instants to calendar-period ordinals quickly: months are cached because civil dates are slow.
import TallyPluginAPI
import TallyStore

/// Numbers the local calendar period of instants or days, for one period kind, zone and week start.
///
/// Day and week ordinals are arithmetic on the day number. Month ordinals need a civil date, so
/// the last month seen is remembered: event logs are mostly in time order, so nearly every row
/// hits it.
struct PeriodNumbering {
    let period: CalendarPeriod
    let zone: ZoneCalendar
    let weekStart: Int
    /// The days [cachedMonthFirstDay, cachedMonthEndDay) form month ordinal `cachedMonth`.
    private var cachedMonthFirstDay: Int64 = 1
    private var cachedMonthEndDay: Int64 = 0
    private var cachedMonth: Int64 = 0

    init(period: CalendarPeriod, zone: ZoneCalendar, weekStart: Int) {
        self.period = period
        self.zone = zone
        self.weekStart = weekStart
    }

    /// The ordinal of the period holding the UTC instant `micros`.
    @inline(__always)
    mutating func index(ofUTC micros: Int64) -> Int64 {
        index(ofDay: zone.day(ofUTC: micros))
    }

    /// The ordinal of the period holding local day `day` (days since 1970-01-01).
    @inline(__always)
    mutating func index(ofDay day: Int64) -> Int64 {
        switch period {
        case .day, .week:
            return period.index(ofDay: day, weekStart: weekStart)
        case .month:
            if day >= cachedMonthFirstDay && day < cachedMonthEndDay { return cachedMonth }
            let month = period.index(ofDay: day, weekStart: weekStart)
            cachedMonth = month
            cachedMonthFirstDay = period.startDay(ofIndex: month, weekStart: weekStart)
            cachedMonthEndDay = period.startDay(ofIndex: month + 1, weekStart: weekStart)
            return month
        }
    }

    /// The first local day of the period with ordinal `index` (a `date` value).
    func startDay(ofIndex index: Int64) -> Int64 {
        period.startDay(ofIndex: index, weekStart: weekStart)
    }
}
