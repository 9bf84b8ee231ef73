// One simulated event, packed small because a day's worth is buffered before sorting.

/// An event of one day: 16 bytes, so a day of a 100M-event log (≈1M events) stays ≈16 MB.
struct GeneratedEvent {
    /// Seconds since midnight UTC of the batch's day.
    var second: Int32
    /// Dense user number; its id is `u` + (user + 1) zero-padded.
    var user: UInt32
    /// Cents for `purchase`, the 0–10 score for `nps_survey`, unused (0) otherwise.
    var payload: Int32
    var kind: EventKind
    /// The user's fixed attributes, copied in (they fit the struct's padding) so a batch can be
    /// written without looking users up.
    var channel: UInt8
    var country: UInt8
    var platform: UInt8
}

/// All events of one UTC day, sorted by time (stable: equal seconds keep generation order, so
/// each user's events stay in their causal order).
struct DayBatch {
    /// Days since 1970-01-01.
    var day: Int64
    var events: [GeneratedEvent]
}
