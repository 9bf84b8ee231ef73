// The numbers that shape the synthetic product: acquisition, engagement, funnel, prices, NPS.

/// Every behavioural constant of the simulated product, in one place, indexed by the codes of
/// `Vocabulary` (channel, country) and `Segment`.
///
/// Probabilities are turned into `Chance`s and weights into `WeightedChoice`s once, here, so the
/// day loop only compares integers.
struct ProductModel {
    /// How engaged a user is for life; decides retention, sessions and activation.
    enum Segment: Int, CaseIterable {
        case driveBy, casual, core
    }

    // MARK: Acquisition (per channel: organic, paid_search, social, referral, email)

    /// Share of each day's signups.
    let acquisitionShare: [Double] = [0.30, 0.25, 0.20, 0.10, 0.15]
    /// Relative growth of a channel's signups from the first to the last planned day.
    let acquisitionTrend: [Double] = [0.3, 0.8, -0.2, 0.5, 0.0]
    /// Signup multipliers Monday…Sunday: search is a weekday habit, social a weekend one, email
    /// goes out on Mondays.
    let acquisitionWeekday: [[Double]] = [
        [1.00, 1.00, 1.00, 1.00, 0.95, 1.10, 1.15],
        [1.15, 1.15, 1.10, 1.10, 1.00, 0.75, 0.75],
        [0.90, 0.90, 0.90, 0.95, 1.05, 1.25, 1.30],
        [1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
        [1.40, 1.00, 1.00, 1.00, 1.00, 0.80, 0.80],
    ]
    /// Segment mix (drive-by, casual, core) of each channel's users: referrals stick best.
    let segmentMix: [WeightedChoice] = [
        WeightedChoice([35, 45, 20]), WeightedChoice([50, 40, 10]), WeightedChoice([60, 33, 7]),
        WeightedChoice([30, 45, 25]), WeightedChoice([40, 45, 15]),
    ]

    // MARK: Who the users are

    let country = WeightedChoice([30, 15, 12, 10, 9, 9, 8, 7])
    /// Offset of each country's (main) time zone from UTC, in seconds; shifts its daily rhythm.
    let countryUTCOffset: [Int] = [-5 * 3600, 19_800, 8 * 3600, -3 * 3600, 3600, 0, 9 * 3600, 8 * 3600]
    /// Platform mix (ios, android, web) per country.
    let platform: [WeightedChoice] = [
        WeightedChoice([50, 35, 15]), WeightedChoice([15, 75, 10]), WeightedChoice([30, 60, 10]),
        WeightedChoice([20, 70, 10]), WeightedChoice([40, 45, 15]), WeightedChoice([50, 35, 15]),
        WeightedChoice([60, 30, 10]), WeightedChoice([50, 40, 10]),
    ]
    /// Activity by local hour 0…23: quiet nights, a morning rise, an evening peak.
    let localHour = WeightedChoice([2, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 8, 9, 8, 7, 7, 8, 9, 10, 11, 12, 11, 8, 4])

    // MARK: Activation

    /// Chance that a user of each segment ever activates.
    let activation: [Chance] = [Chance(0.20), Chance(0.60), Chance(0.92)]
    /// Days from signup to activation: 0, 1, 2, …
    let activationDelay = WeightedChoice([50, 22, 12, 8, 4, 2, 2])

    // MARK: Sessions and the purchase funnel

    /// Chance of one more session on an active day, per segment.
    let anotherSession: [Chance] = [Chance(0.15), Chance(0.25), Chance(0.45)]
    let maximumSessionsPerDay = 6
    /// Chance of one more `view_item` in a session (the first included).
    let anotherView = Chance(0.70)
    let maximumViewsPerSession = 15
    /// Chance a session with views adds to cart, per channel.
    let addToCart: [Chance] = [Chance(0.30), Chance(0.26), Chance(0.20), Chance(0.33), Chance(0.28)]
    let checkout = Chance(0.55)
    /// Chance a checkout becomes a purchase, per channel.
    let purchase: [Chance] = [Chance(0.75), Chance(0.65), Chance(0.60), Chance(0.78), Chance(0.72)]
    /// Seconds between events of a session, and between sessions.
    let eventGap = 5...120
    let sessionGap = 1800...21_600

    // MARK: Prices (integer cents, so amounts are exact)

    /// Whole-dollar price bands; most baskets are cheap, a few are large (a long right tail).
    let priceBands: [ClosedRange<Int>] = [2...9, 10...29, 30...79, 80...199, 200...599, 600...1999]
    let priceBand = WeightedChoice([30, 35, 20, 10, 4, 1])
    /// Price endings in cents: .99, .49, .00.
    let priceEndings = [99, 49, 0]
    let priceEnding = WeightedChoice([60, 15, 25])
    /// Chance of one more unit in the basket.
    let anotherUnit = Chance(0.15)

    // MARK: NPS

    /// Chance a session ends with an NPS survey.
    let npsSurvey = Chance(0.02)
    /// Score weights 0…10 per channel: referred users promote, social ones detract more.
    let npsScore: [WeightedChoice] = [
        WeightedChoice([1, 1, 1, 2, 2, 4, 6, 10, 18, 25, 30]),
        WeightedChoice([2, 2, 3, 3, 4, 7, 9, 14, 20, 20, 16]),
        WeightedChoice([5, 4, 5, 6, 7, 9, 10, 14, 15, 13, 12]),
        WeightedChoice([1, 0, 1, 1, 2, 3, 5, 9, 18, 28, 32]),
        WeightedChoice([2, 1, 2, 3, 4, 6, 8, 13, 20, 22, 19]),
    ]

    // MARK: Retention

    let retention = RetentionCurves()
}
