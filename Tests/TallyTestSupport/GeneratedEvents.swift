// The same synthetic event log for Tally and for the Python peers: one CSV file, loaded by both.
import Foundation
import TallyGen
import TallyStore

/// `tally gen` data sets written once per test process and shared by every test that asks.
public enum GeneratedEvents {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var written: [String: String] = [:]

    /// Path of a CSV with `events` rows from seed `seed` (written on first use, in a temp folder).
    public static func csvPath(events: Int, seed: UInt64) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(events)-\(seed)"
        if let path = written[key] { return path }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-tests-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("events-\(key).csv").path
        try EventGenerator.write(EventGenerator.Options(events: events, seed: seed), format: .csv, toPath: path)
        written[key] = path
        return path
    }

    /// The same data set as a table, through the real CSV loader.
    public static func table(events: Int, seed: UInt64) throws -> Table {
        try TableLoader.load(path: try csvPath(events: events, seed: seed)).0
    }
}
