// What `tally gen` is asked to generate.
import TallyStore

extension EventGenerator {
    /// What to generate.
    public struct Options: Sendable, Equatable {
        /// Exactly this many rows are produced.
        public var events: Int
        public var seed: UInt64
        /// First day, as days since 1970-01-01 (the store's `date` representation).
        public var start: Int64
        /// Days over which `users` sign up. The log ends when `events` rows are reached, which
        /// with the default ratio of users to events is close to the end of this range.
        public var days: Int
        /// Users signing up over `days`; by default one per 40 events.
        public var users: Int?

        /// - Parameters:
        ///   - events: number of rows.
        ///   - seed: the seed; equal options give equal bytes.
        ///   - start: first day (days since 1970-01-01), by default 2024-01-01.
        ///   - days: length of the acquisition period, 90 by default.
        ///   - users: users arriving over `days`, by default `events / 40` (at least one).
        public init(events: Int, seed: UInt64 = 42,
                    start: Int64 = CivilTime.days(year: 2024, month: 1, day: 1),
                    days: Int = 90, users: Int? = nil) {
            self.events = events
            self.seed = seed
            self.start = start
            self.days = days
            self.users = users
        }

        /// `users`, or its default.
        public var plannedUsers: Int { max(1, users ?? events / 40) }

        /// The day number of an ISO date `YYYY-MM-DD` (for `--start`), or nil when it is not one.
        public static func day(fromISODate text: String) -> Int64? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
                  (1...12).contains(month), (1...CivilTime.daysInMonth(year: year, month: month)).contains(day)
            else { return nil }
            return CivilTime.days(year: year, month: month, day: day)
        }
    }
}
