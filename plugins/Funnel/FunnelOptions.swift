// The arguments of one `funnel` call, read and checked once before any row is touched.
import TallyPluginAPI
import TallyStore

/// A `funnel` call's settings: the steps as boolean columns, the window, the modes and the roles.
public struct FunnelOptions: Sendable {
    /// The most steps a funnel may have (ClickHouse's limit, and a step mask fits a `UInt32`).
    public static let maximumSteps = 32
    /// The default `within`: 7 days in microseconds.
    public static let defaultWithin: Int64 = 7 * 86_400 * 1_000_000

    /// One boolean column per step over the input rows (null where the predicate is null).
    public var steps: [Column]
    /// What the user wrote for each step, for the `name` output column.
    public var labels: [String]
    /// Microseconds a chain may span from its step-1 time to its last step, inclusive.
    public var within: Int64
    public var mode: FunnelMode
    /// One row per user with its level instead of one row per step.
    public var perUser: Bool
    /// Index of the user column in the input.
    public var userColumn: Int
    /// Index of the time column (timestamp or date) in the input.
    public var timeColumn: Int

    public init(steps: [Column], labels: [String], within: Int64 = FunnelOptions.defaultWithin, mode: FunnelMode = [],
                perUser: Bool = false, userColumn: Int, timeColumn: Int) {
        self.steps = steps
        self.labels = labels
        self.within = within
        self.mode = mode
        self.perUser = perUser
        self.userColumn = userColumn
        self.timeColumn = timeColumn
    }

    /// - Throws: unless 1…32 steps were given.
    static func checkStepCount(_ count: Int) throws(PluginError) {
        guard (1...maximumSteps).contains(count) else {
            throw PluginError("`steps` needs 1 to \(maximumSteps) steps, got \(count)", parameter: "steps")
        }
    }

    static func checkWithin(_ within: Int64) throws(PluginError) {
        guard within >= 0 else { throw PluginError("`within` must not be negative", parameter: "within") }
    }

    /// The `name` of a step: an event name written as a string literal (`"signup"`) loses its
    /// quotes; a predicate keeps its text (`event == "purchase" and amount > 50`).
    static func stepName(_ label: String) -> String {
        guard label.count >= 2, label.first == "\"", label.last == "\"",
              !label.dropFirst().dropLast().contains("\"") else { return label }
        return String(label.dropFirst().dropLast())
    }

    /// Reads bound arguments against the input schema.
    /// - Throws: a `PluginError` naming the parameter at fault.
    public init(arguments: BoundArguments, fields: [Field]) throws(PluginError) {
        let steps = arguments.predicates("steps") ?? []
        try Self.checkStepCount(steps.count)
        let within = arguments.duration("within") ?? Self.defaultWithin
        try Self.checkWithin(within)
        self.init(steps: steps.map(\.column), labels: steps.map { Self.stepName($0.label) }, within: within,
                  mode: try FunnelMode(words: arguments.flags("mode")),
                  perUser: arguments.boolean("per_user") ?? false,
                  userColumn: try ColumnRole.user.resolve(in: fields, explicit: arguments.column("user")),
                  timeColumn: try ColumnRole.time.resolve(in: fields, explicit: arguments.column("time")))
    }
}
