// Simulates the product one UTC day at a time: returning users' sessions, then new signups.
import TallyStore

/// Produces the event log day by day, each day's events sorted by time.
///
/// Each day, every earlier user is active with their retention chance (or because this is their
/// activation day) and plays one or more sessions; then the day's new users arrive, channel by
/// channel, and play their first session starting with `signup`. Randomness is one stream
/// consumed in a fixed order, so the output depends only on the options.
struct DaySimulator {
    private let model = ProductModel()
    private var random: Xoshiro256
    private var roster = UserRoster()
    private let firstDay: Int64
    private let plannedDays: Int
    private let signupsPerDay: Double
    private var dayIndex = 0
    /// The current day's events, in generation order (reused between days).
    private var pending: [GeneratedEvent] = []
    private var secondCounts = [Int](repeating: 0, count: 86_401)

    /// - Parameters:
    ///   - firstDay: days since 1970-01-01 of the first simulated day.
    ///   - plannedDays: days over which `plannedUsers` sign up; the simulation simply carries on
    ///     (with the last day's acquisition trend) if more events are wanted.
    init(seed: UInt64, firstDay: Int64, plannedDays: Int, plannedUsers: Int) {
        random = Xoshiro256(seed: seed)
        self.firstDay = firstDay
        self.plannedDays = max(1, plannedDays)
        signupsPerDay = Double(max(1, plannedUsers)) / Double(self.plannedDays)
    }

    /// Number of users who have signed up so far.
    var userCount: Int { roster.count }

    /// The next day's events, sorted by time.
    mutating func nextDay() -> DayBatch {
        pending.removeAll(keepingCapacity: true)
        let day = firstDay + Int64(dayIndex)
        let weekday = Int(CivilTime.weekday(days: day))
        playReturningUsers(weekday: weekday)
        signUpNewUsers(weekday: weekday)
        let batch = DayBatch(day: day, events: sortedBySecond(pending))
        dayIndex += 1
        return batch
    }

    // MARK: Returning users

    private mutating func playReturningUsers(weekday: Int) {
        let today = Int32(dayIndex)
        for user in 0..<roster.count {
            let signup = roster.signupDay[user]
            let isActivationDay = roster.activationDay[user] == today && signup != today
            let threshold = model.retention.threshold(
                segment: Int(roster.segment[user]), weekday: weekday,
                daysSinceSignup: Int(today - signup))
            guard random.next() < threshold || isActivationDay else { continue }
            playDay(user: UInt32(user), from: localStart(user: user), activatesToday: isActivationDay)
        }
    }

    // MARK: New users

    private mutating func signUpNewUsers(weekday: Int) {
        let progress = Double(dayIndex) / Double(plannedDays)
        for channel in 0..<Vocabulary.channels.count {
            // Normalised so that the planned period's average is 1 and `plannedUsers` holds.
            let trend = model.acquisitionTrend[channel]
            let growth = (1 + trend * min(progress, 1)) / (1 + trend / 2)
            let expected = signupsPerDay * model.acquisitionShare[channel] * growth
                * model.acquisitionWeekday[channel][weekday]
            // Randomised rounding: the whole part always, the fraction with its probability.
            var signups = Int(expected)
            if random.happens(Chance(expected - Double(signups))) { signups += 1 }
            for _ in 0..<signups { signUp(channel: channel) }
        }
    }

    private mutating func signUp(channel: Int) {
        let country = model.country.pick(&random)
        let segment = model.segmentMix[channel].pick(&random)
        let activates = random.happens(model.activation[segment])
        let activationDay = activates ? dayIndex + model.activationDelay.pick(&random) : -1
        let user = roster.add(
            channel: channel, country: country, platform: model.platform[country].pick(&random),
            segment: segment, signupDay: dayIndex, activationDay: activationDay)
        var clock = localStart(user: Int(user))
        append(.signup, user: user, at: clock)
        if activationDay == dayIndex {
            clock += random.uniform(30...600)
            append(.activation, user: user, at: clock)
        }
        playDay(user: user, from: clock + random.uniform(model.eventGap), activatesToday: false)
    }

    // MARK: Sessions

    /// A session start in UTC seconds of the day, drawn from the local daily rhythm of the
    /// user's country.
    private mutating func localStart(user: Int) -> Int {
        let localSecond = model.localHour.pick(&random) * 3600 + random.below(3600)
        let utc = localSecond - model.countryUTCOffset[Int(roster.country[user])]
        return (utc % 86_400 + 86_400) % 86_400
    }

    /// The user's sessions of today, the first starting at `start`, later ones after a gap,
    /// none past midnight.
    private mutating func playDay(user: UInt32, from start: Int, activatesToday: Bool) {
        let segment = Int(roster.segment[Int(user)])
        let sessions = 1 + random.repeats(model.anotherSession[segment], limit: model.maximumSessionsPerDay - 1)
        var clock = start
        for session in 0..<sessions {
            if session > 0 {
                clock += random.uniform(model.sessionGap)
                if clock >= 86_400 { break }
            }
            clock = playSession(user: user, from: clock, activates: activatesToday && session == 0)
        }
    }

    /// One session: `app_open`, item views, maybe the cart → checkout → purchase funnel, rarely
    /// an NPS survey. Returns the time of its last event.
    private mutating func playSession(user: UInt32, from start: Int, activates: Bool) -> Int {
        let channel = Int(roster.channel[Int(user)])
        var clock = start
        append(.appOpen, user: user, at: clock)
        if activates {
            clock += random.uniform(model.eventGap)
            append(.activation, user: user, at: clock)
        }
        let views = random.repeats(model.anotherView, limit: model.maximumViewsPerSession)
        for _ in 0..<views {
            clock += random.uniform(model.eventGap)
            append(.viewItem, user: user, at: clock)
        }
        if views > 0 && random.happens(model.addToCart[channel]) {
            clock += random.uniform(model.eventGap)
            append(.addToCart, user: user, at: clock)
            if random.happens(model.checkout) {
                clock += random.uniform(model.eventGap)
                append(.checkout, user: user, at: clock)
                if random.happens(model.purchase[channel]) {
                    clock += random.uniform(model.eventGap)
                    append(.purchase, user: user, at: clock, payload: basketCents())
                }
            }
        }
        if random.happens(model.npsSurvey) {
            clock += random.uniform(model.eventGap)
            append(.npsSurvey, user: user, at: clock, payload: Int32(model.npsScore[channel].pick(&random)))
        }
        return clock
    }

    /// A basket's value in cents: a price from a skewed band times a small quantity.
    private mutating func basketCents() -> Int32 {
        let band = model.priceBands[model.priceBand.pick(&random)]
        let price = random.uniform(band) * 100 + model.priceEndings[model.priceEnding.pick(&random)]
        let units = 1 + random.repeats(model.anotherUnit, limit: 4)
        return Int32(max(price, 1) * units)
    }

    /// Records an event; times past the end of the day are held at 23:59:59 so that a late
    /// session stays on its day and keeps its order.
    @inline(__always)
    private mutating func append(_ kind: EventKind, user: UInt32, at second: Int, payload: Int32 = 0) {
        let index = Int(user)
        pending.append(GeneratedEvent(
            second: Int32(min(second, 86_399)), user: user, payload: payload, kind: kind,
            channel: roster.channel[index], country: roster.country[index], platform: roster.platform[index]))
    }

    // MARK: Ordering

    /// A stable counting sort by second of the day: linear, and equal seconds keep their order.
    private mutating func sortedBySecond(_ events: [GeneratedEvent]) -> [GeneratedEvent] {
        for index in secondCounts.indices { secondCounts[index] = 0 }
        for event in events { secondCounts[Int(event.second) + 1] += 1 }
        for second in 1..<secondCounts.count { secondCounts[second] += secondCounts[second - 1] }
        return [GeneratedEvent](unsafeUninitializedCapacity: events.count) { buffer, initialized in
            for event in events {
                let slot = secondCounts[Int(event.second)]
                secondCounts[Int(event.second)] = slot + 1
                (buffer.baseAddress! + slot).initialize(to: event)
            }
            initialized = events.count
        }
    }
}
