// A shell whose output is collected in memory, with a small event table registered.
import TallyPluginAPI
import TallyQuery
import TallyREPL
import TallyStore

/// Collects what a `ShellState` writes.
final class CollectedText: @unchecked Sendable {
    // Tests run the shell on one thread; the box only satisfies `TextOutput`'s @Sendable sink.
    var text = ""
}

struct ShellHarness {
    let shell: ShellState
    let output = CollectedText()
    let errors = CollectedText()

    init(mode: OutputMode = .table, registry: PluginRegistry = PluginRegistry()) throws {
        let session = Session(registry: registry)
        let output = self.output
        let errors = self.errors
        shell = ShellState(session: session, mode: mode, output: TextOutput { output.text += $0 },
                           errorOutput: TextOutput { errors.text += $0 })
        session.register(try Self.events(), as: "events")
        session.register(try Table([("country", Column.string(["CN", "SG"]))]), as: "countries")
    }

    /// user_id, event, ts, amount: four rows, one null amount.
    static func events() throws -> Table {
        try Table([
            ("user_id", Column.string(["u1", "u2", "u1", "u3"])),
            ("event", Column.string(["signup", "purchase", "purchase", "page view"])),
            ("ts", Column.timestamp([0, 1_000_000, 2_000_000, 2_000_000])),
            ("amount", Column.float([0, 9.5, 20, 0], validity: {
                var bitmap = ValidityBitmap(count: 4, allValid: true)
                bitmap.set(3, valid: false)
                return bitmap
            }())),
        ])
    }
}
