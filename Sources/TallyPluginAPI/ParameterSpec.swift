// One declared parameter of a plugin: name, type, default and documentation.

/// A parameter a plugin accepts.
public struct ParameterSpec: Sendable {
    /// Whether the parameter must be given, and what it is when it is not.
    public enum Requirement: Sendable {
        /// The call fails without it.
        case required
        /// Absent means "not given"; the plugin decides (for example: find the column by its
        /// common names). `meaning` says what absence means, for `.help`.
        case optional(meaning: String)
        /// Absent means this value; `text` is how `.help` shows it (`7d`, `week`).
        case defaultValue(ArgumentValue, text: String)
    }

    public var name: String
    public var type: ParameterType
    public var requirement: Requirement
    /// One or two sentences: what it means and its unit.
    public var doc: String

    public init(_ name: String, _ type: ParameterType, _ requirement: Requirement, doc: String) {
        self.name = name
        self.type = type
        self.requirement = requirement
        self.doc = doc
    }

    public var isRequired: Bool {
        if case .required = requirement { return true } else { return false }
    }

    /// The standard `user:` parameter: the column identifying users.
    public static let user = ParameterSpec(
        "user", .column, .optional(meaning: "found by name: " + ColumnRole.user.commonNames.joined(separator: ", ")),
        doc: "Column identifying the user.")
    /// The standard `time:` parameter: the event time column.
    public static let time = ParameterSpec(
        "time", .column, .optional(meaning: "found by name: " + ColumnRole.time.commonNames.joined(separator: ", ")),
        doc: "Timestamp column of the event.")
    /// The standard `event:` parameter: the event name column.
    public static let event = ParameterSpec(
        "event", .column, .optional(meaning: "found by name: " + ColumnRole.event.commonNames.joined(separator: ", ")),
        doc: "Column holding the event name; string steps and start events are matched against it.")
}
