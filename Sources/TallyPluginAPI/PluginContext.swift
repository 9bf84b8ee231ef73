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

    /// Shared by the contexts of one call's groups, so whole-input scans happen once per call.
    private let wholeInputExtents: WholeInputExtents

    public init(zone: ZoneCalendar = .utc, weekStart: Int = 0, wholeInput: Table? = nil,
                wholeInputExtents: WholeInputExtents = WholeInputExtents(),
                isCancelled: @escaping @Sendable () -> Bool = { false },
                progress: @escaping @Sendable (Double) -> Void = { _ in }) {
        self.zone = zone
        self.weekStart = weekStart
        self.wholeInput = wholeInput
        self.wholeInputExtents = wholeInputExtents
        self.cancellationCheck = isCancelled
        self.progressReport = progress
    }

    /// Smallest and largest non-null value of `wholeInput`'s `Int64`-backed column `name` (a
    /// timestamp or date column: the whole input's time range); nil without `wholeInput`, without
    /// such a column, or when it holds no value. Computed once per call, whatever the groups.
    public func wholeInputExtent(ofColumn name: String) -> ClosedRange<Int64>? {
        guard let wholeInput else { return nil }
        return wholeInputExtents.extent(ofColumn: name, in: wholeInput)
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
