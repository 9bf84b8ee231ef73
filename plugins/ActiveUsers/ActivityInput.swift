// Finding the user and time columns of a call and turning its rows into (user, day) pairs.
import TallyPluginAPI
import TallyStore

/// The input side shared by every active-users plugin.
enum ActivityInput {
    /// The `user:` and `time:` parameters every active-users plugin takes.
    static let parameters: [ParameterSpec] = [.user, .time]

    /// Indices of the user and time columns in `fields`.
    /// - Throws: when a column cannot be found or has the wrong type (naming the parameter).
    static func columns(in fields: [Field], arguments: BoundArguments) throws(PluginError) -> (user: Int, time: Int) {
        let user = try ColumnRole.user.resolve(in: fields, explicit: arguments.column("user"))
        let time = try ColumnRole.time.resolve(in: fields, explicit: arguments.column("time"))
        return (user, time)
    }

    /// The distinct (user, local day) pairs of `input`. When the call is grouped, the day range
    /// is widened to the whole input's so that every group's series covers the same days.
    static func userDays(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> UserDays {
        let (userIndex, timeIndex) = try columns(in: input.fields, arguments: arguments)
        return try userDays(input, userIndex: userIndex, timeIndex: timeIndex,
                            alignTo: alignment(input, userIndex, timeIndex, context), context: context)
    }

    /// The distinct (user, local day) pairs of `input`'s columns `userIndex` and `timeIndex`,
    /// over its range of days widened to `alignTo`.
    static func userDays(_ input: Table, userIndex: Int, timeIndex: Int, alignTo: ClosedRange<Int64>?,
                         context: PluginContext) throws(PluginError) -> UserDays {
        let userIDs = DenseUserIDs(input.columns[userIndex])
        try context.checkCancellation()
        return try UserDays(userIDs: userIDs, time: input.columns[timeIndex], zone: context.zone,
                            alignTo: alignTo, context: context)
    }

    /// The whole input's day range when the call is grouped, so every group's series covers it.
    static func alignment(_ input: Table, _ userIndex: Int, _ timeIndex: Int,
                          _ context: PluginContext) -> ClosedRange<Int64>? {
        // A group holding every row has the whole input's range already.
        guard let whole = context.wholeInput, whole.rowCount != input.rowCount,
              let wholeUser = whole.index(of: input.fields[userIndex].name),
              let wholeTime = whole.index(of: input.fields[timeIndex].name) else { return nil }
        // Without null users, the rows that count are those with a time: the call's shared
        // extent of the time column, scanned once for all groups instead of once per group.
        if whole.columns[wholeUser].validity == nil {
            guard let extent = context.wholeInputExtent(ofColumn: input.fields[timeIndex].name) else { return nil }
            if whole.columns[wholeTime].type == .date { return extent }
            return context.zone.day(ofUTC: extent.lowerBound)...context.zone.day(ofUTC: extent.upperBound)
        }
        return LocalDays.range(of: whole, userIndex: wholeUser, timeIndex: wholeTime, zone: context.zone)
    }
}
