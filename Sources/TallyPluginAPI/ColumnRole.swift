// Finding the user, time and event columns of an event table by their common names.
import TallyStore

/// A column an event metric needs, found by common names unless the call names it.
public enum ColumnRole: String, Sendable, CaseIterable {
    case user, time, event

    /// Names tried in order (exact match first, then case-insensitive).
    public var commonNames: [String] {
        switch self {
        case .user: return ["user_id", "user", "distinct_id", "uid", "customer_id"]
        case .time: return ["ts", "timestamp", "time", "event_time", "created_at"]
        case .event: return ["event", "event_name", "name", "action"]
        }
    }

    /// The types a column in this role may have.
    public var acceptedTypes: [DataType] {
        switch self {
        case .user: return [.string, .int]
        case .time: return [.timestamp, .date]
        case .event: return [.string]
        }
    }

    /// The index of this role's column in `fields`: `explicit` when the call named one (the
    /// engine has checked it exists), else the first common name present.
    /// - Throws: a `PluginError` naming the parameter when nothing fits or the type is wrong.
    public func resolve(in fields: [Field], explicit: String?) throws(PluginError) -> Int {
        let index: Int?
        if let explicit {
            index = fields.firstIndex { $0.name == explicit }
        } else {
            index = commonNames.lazy.compactMap { name in fields.firstIndex { $0.name == name } }.first
                ?? commonNames.lazy.compactMap { name in
                    fields.firstIndex { $0.name.lowercased() == name }
                }.first
        }
        guard let index else {
            throw PluginError("no \(rawValue) column: none is named " + commonNames.map { "`\($0)`" }.joined(separator: ", "),
                              parameter: explicit == nil ? nil : rawValue,
                              hints: ["name it with `\(rawValue): column`"])
        }
        let type = fields[index].type
        guard acceptedTypes.contains(type) else {
            throw PluginError("the \(rawValue) column `\(fields[index].name)` is \(type), expected "
                              + acceptedTypes.map(\.description).joined(separator: " or "),
                              parameter: explicit == nil ? nil : rawValue)
        }
        return index
    }
}
