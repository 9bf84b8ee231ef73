// `tally gen`: the public face of the synthetic event generator.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TallyStore

/// A deterministic synthetic event log of a small e-commerce app, for demos, tests and benchmarks.
///
/// Users sign up over the date range through five acquisition channels (each with its own
/// weekly rhythm and trend), in eight countries (each on its own clock), on one platform each.
/// Each user's first event is `signup`; most `activation` within days; then on active days
/// they play sessions: `app_open`, `view_item`s, and a funnel `add_to_cart` → `checkout` →
/// `purchase` (with a skewed `amount`) whose conversion depends on the channel; a few sessions
/// end in an `nps_survey` with a 0–10 `score`. Retention decays quickly over the first week,
/// then slowly onto a plateau of loyal users.
///
/// Rows come out **sorted by time**: the log is simulated one UTC day at a time and each day is
/// sorted (stably, so a user's events keep their causal order within a second). Memory holds
/// one day of events and ~12 bytes per user, whatever the total.
///
/// The same `Options` give byte-identical output on every machine: one seeded xoshiro256**
/// stream, integer arithmetic and exact IEEE operations only, amounts formatted from cents.
///
/// Columns, in order: `ts` (timestamp, `2024-01-03T09:15:22Z`), `user_id` (`u000123`), `event`,
/// `channel`, `country`, `platform`, `amount` (float, only on `purchase`), `score` (int, only on
/// `nps_survey`); absent values are empty in CSV and `null` in JSON Lines.
public enum EventGenerator {
    /// The seed of the demo table.
    public static let demoSeed: UInt64 = 20_240_101
    /// Rows in the demo table.
    public static let demoEventCount = 100_000

    /// Streams the log to an open file descriptor (not closed afterwards).
    ///
    /// - Parameters:
    ///   - progress: called after each simulated day with the number of rows written so far.
    /// - Throws: `WriteError` when the descriptor refuses bytes.
    /// - Complexity: O(events) time; memory is one day of events plus ~12 bytes per user.
    public static func write(_ options: Options, format: OutputFormat = .csv, to descriptor: Int32,
                             progress: ((Int) -> Void)? = nil) throws {
        let sink = FileDescriptorSink(descriptor: descriptor)
        var encoder = RowEncoder(format: format)
        try sink.append(encoder.header)
        var written = 0
        try simulate(options) { batch, rows in
            encoder.begin(day: batch.day)
            try batch.events.withUnsafeBufferPointer { events in
                for index in 0..<rows {
                    try sink.reserveRow()
                    sink.advance(by: encoder.encode(events[index], to: sink.cursor))
                }
            }
            written += rows
            progress?(written)
        }
        try sink.flush()
    }

    /// Writes the log to `path` (created or truncated), or to standard output when `path` is
    /// nil or `-`.
    ///
    /// - Throws: `WriteError` naming the path when it cannot be opened or written.
    public static func write(_ options: Options, format: OutputFormat = .csv, toPath path: String?,
                             progress: ((Int) -> Void)? = nil) throws {
        guard let path, path != "-" else {
            return try write(options, format: format, to: STDOUT_FILENO, progress: progress)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(errno: errno, path: path) }
        defer { close(descriptor) }
        do {
            try write(options, format: format, to: descriptor, progress: progress)
        } catch let error as WriteError {
            throw WriteError(errno: error.errno, path: path)
        }
    }

    /// The same rows `write` emits, built straight into a table (strings dictionary-encoded).
    public static func table(_ options: Options) -> Table {
        var assembler = TableAssembler(capacity: options.events)
        simulate(options) { batch, rows in assembler.append(batch, rows: rows) }
        return assembler.finish()
    }

    /// The demo table `events`: fixed seed, 100k events starting 2024-01-01.
    public static func demoTable() -> Table {
        table(Options(events: demoEventCount, seed: demoSeed))
    }

    /// Runs the simulation day by day, handing each day and how many of its rows to keep, until
    /// exactly `options.events` rows have been handed out.
    static func simulate(_ options: Options, _ body: (DayBatch, Int) throws -> Void) rethrows {
        var simulator = DaySimulator(seed: options.seed, firstDay: options.start,
                                     plannedDays: options.days, plannedUsers: options.plannedUsers)
        var remaining = max(0, options.events)
        while remaining > 0 {
            let batch = simulator.nextDay()
            let rows = min(remaining, batch.events.count)
            try body(batch, rows)
            remaining -= rows
        }
    }
}
