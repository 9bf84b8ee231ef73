// The two shapes `stickiness` answers in, read from its `days_of:` argument once.
import TallyPluginAPI
import TallyStore

/// What `stickiness` computes.
enum StickinessForm: Equatable {
    /// DAU ÷ MAU per day (no `days_of:`).
    case daily
    /// Users by number of active days in each week or month (`days_of: week|month`).
    case activeDays(CalendarPeriod)

    init(_ arguments: BoundArguments) {
        switch arguments.choice("days_of") {
        case "week": self = .activeDays(.week)
        case "month": self = .activeDays(.month)
        default: self = .daily
        }
    }

    var fields: [Field] {
        switch self {
        case .daily:
            return [Field(name: "day", type: .date), Field(name: "dau", type: .int), Field(name: "mau", type: .int),
                    Field(name: "stickiness", type: .float)]
        case .activeDays:
            return [Field(name: "period", type: .date), Field(name: "active_days", type: .int),
                    Field(name: "users", type: .int), Field(name: "share", type: .float)]
        }
    }
}
