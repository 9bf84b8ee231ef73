// The options of one `retention` call, read once from the bound arguments.
import TallyPluginAPI

/// How a period counts as retained.
public enum RetentionMode: String, Sendable, CaseIterable {
    /// Retained in period k when a return event falls in period k.
    case exact
    /// Retained in period k when a return event falls in period k or later.
    case unbounded
}

/// Which start events open a cohort entry.
public enum RetentionCohortKind: String, Sendable, CaseIterable {
    /// Only a user's first start event: each user is in one cohort.
    case first
    /// Every start event: a user enters the cohort of every period holding one of their start events.
    case recurring
}

/// Everything `retention` needs besides the data.
public struct RetentionOptions: Sendable, Equatable {
    public static let defaultPeriod = CalendarPeriod.week
    public static let defaultHorizon: Int64 = 8
    /// Upper bound of `horizon:`; the output has (horizon + 1) rows per cohort.
    public static let maximumHorizon: Int64 = 10_000

    public var period: CalendarPeriod
    /// The last period number reported (periods 0…horizon).
    public var horizon: Int
    public var mode: RetentionMode
    public var cohortKind: RetentionCohortKind

    public init(period: CalendarPeriod = defaultPeriod, horizon: Int = Int(defaultHorizon),
                mode: RetentionMode = .exact, cohortKind: RetentionCohortKind = .first) {
        self.period = period
        self.horizon = horizon
        self.mode = mode
        self.cohortKind = cohortKind
    }

    /// The options of a call; absent arguments take their defaults (the engine normally fills them).
    public init(arguments: BoundArguments) {
        self.init(period: arguments.period("period") ?? Self.defaultPeriod,
                  horizon: Int(arguments.integer("horizon") ?? Self.defaultHorizon),
                  mode: arguments.choice("mode").flatMap(RetentionMode.init(rawValue:)) ?? .exact,
                  cohortKind: arguments.choice("cohort").flatMap(RetentionCohortKind.init(rawValue:)) ?? .first)
    }
}
