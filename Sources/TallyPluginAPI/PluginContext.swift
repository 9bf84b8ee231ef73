// What a running plugin may know about its surroundings: settings, cancellation, progress.
import TallyStore

/// Session settings and controls handed to a running plugin.
public struct PluginContext: Sendable {
    /// The session time zone: calendar periods are computed in it.
    public var zone: ZoneCalendar
    /// First day of the week: 0 = Monday … 6 = Sunday.
    public var weekStart: Int
    /// When the call has `by`, the whole input across all groups, so that a plugin can use the
    /// same calendar range for every group (zero-filled periods line up). Otherwise the input.
    public var wholeInput: Table?
    private let cancellationCheck: @Sendable () -> Bool
    private let progressReport: @Sendable (Double) -> Void

    public init(zone: ZoneCalendar = .utc, weekStart: Int = 0, wholeInput: Table? = nil,
                isCancelled: @escaping @Sendable () -> Bool = { false },
                progress: @escaping @Sendable (Double) -> Void = { _ in }) {
        self.zone = zone
        self.weekStart = weekStart
        self.wholeInput = wholeInput
        self.cancellationCheck = isCancelled
        self.progressReport = progress
    }

    /// True once the user asked to cancel; long loops check it every ~64k rows.
    public var isCancelled: Bool { cancellationCheck() }

    /// Throws `PluginError.cancelled` when the user asked to cancel.
    public func checkCancellation() throws(PluginError) {
        if cancellationCheck() { throw PluginError.cancelled }
    }

    /// Reports the fraction done, 0…1.
    public func progress(_ fraction: Double) { progressReport(fraction) }
}
