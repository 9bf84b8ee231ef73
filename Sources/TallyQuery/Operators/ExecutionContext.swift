// What running operators need besides their input: settings and the cancellation flag.
import TallyStore

/// Settings and controls for one execution.
struct ExecutionContext {
    var zone: ZoneCalendar
    /// 0 = Monday … 6 = Sunday.
    var weekStart: Int
    var cancellation: CancellationFlag

    /// Rows processed between cancellation checks in long loops.
    static let chunkSize = 1 << 16

    /// Throws when the user asked to cancel.
    func checkCancellation() throws(Diagnostic) {
        if cancellation.isCancelled { throw Diagnostic(kind: .cancelled, message: "query cancelled") }
    }
}
