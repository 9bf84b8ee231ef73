// `tally gen` and the demo table: the only file that touches TallyGen's EventGenerator.
//
import ArgumentParser
import TallyGen
import TallyStore

/// Output formats of `tally gen`.
enum GenFormat: String, ExpressibleByArgument, CaseIterable {
    case csv
    case jsonl
}

/// `tally gen [--events N] [--seed S] [--users N] [--start DATE] [--format csv|jsonl] [--output FILE]`
struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write a deterministic synthetic event log (CSV or JSON Lines).",
        discussion: """
            Users with an acquisition channel and country sign up, activate, open the app, view \
            items, add to cart, check out and purchase (with an amount), and sometimes answer an NPS \
            survey (score 0-10); retention decays like a real product's. The same options and seed \
            always give the same bytes.
            """
    )

    @Option(help: "Number of events to write.")
    var events: Int = 100_000

    @Option(help: "Random seed; the same seed gives the same log.")
    var seed: UInt64 = 1

    @Option(help: "Number of users (default: chosen from --events).")
    var users: Int?

    @Option(help: ArgumentHelp("First day of the log, YYYY-MM-DD.", valueName: "date"))
    var start: String?

    @Option(help: "Output format: csv or jsonl.")
    var format: GenFormat = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: "Days over which users sign up.")
    var days: Int = 90

    func validate() throws {
        if events < 0 { throw ValidationError("--events must be 0 or more") }
        if let users, users <= 0 { throw ValidationError("--users must be at least 1") }
        if days <= 0 { throw ValidationError("--days must be at least 1") }
        if let start, EventGenerator.Options.day(fromISODate: start) == nil {
            throw ValidationError("--start \(start): expected a date like 2024-01-01")
        }
    }

    func run() throws {
        var options = EventGenerator.Options(events: events, seed: seed, days: days, users: users)
        if let start, let day = EventGenerator.Options.day(fromISODate: start) { options.start = day }
        do {
            try EventGenerator.write(options, format: format == .csv ? .csv : .jsonLines, toPath: output)
        } catch let error as EventGenerator.WriteError {
            throw GenFailure(message: String(describing: error))
        }
    }
}

/// The demo table `events`: about 100k events from a fixed seed.
enum DemoData {
    static func table() -> Table? { EventGenerator.demoTable() }
}

/// A failed write of `tally gen` (exit status 1), with the system's reason.
struct GenFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
