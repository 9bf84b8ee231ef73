// What the binder may look names up in: tables, definitions, plugins.
import TallyStore
import TallyPluginAPI

/// A `def name(params) = stages` definition: a reusable stage sequence.
public struct Definition: Sendable {
    public var name: String
    public var parameters: [String]
    public var stages: [Stage]
}

/// The names a statement binds against, captured from the session when it starts.
struct Catalog {
    var tables: [(name: String, table: Table)]
    var definitions: [String: Definition]
    var registry: PluginRegistry
    /// The session time zone: a date argument of a plugin means local midnight in it.
    var zone: ZoneCalendar = .utc

    func table(_ name: String) -> Table? { tables.first { $0.name == name }?.table }
}
