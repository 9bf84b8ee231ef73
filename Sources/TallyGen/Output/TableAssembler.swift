// Builds the generated events into an in-memory Table, the same values the writers emit.
import TallyStore

/// Collects day batches into columns. String columns are encoded directly: each value gets the
/// next dictionary code on first appearance, so no row is hashed.
struct TableAssembler {
    /// A string column over a fixed vocabulary (or user numbers), coded in order of appearance.
    private struct CodedColumn {
        var codeOfIndex: [Int32] = []
        var values: [String] = []
        var codes: [UInt32] = []

        init(capacity: Int) { codes.reserveCapacity(capacity) }

        mutating func append(index: Int, name: () -> String) {
            if index >= codeOfIndex.count {
                codeOfIndex.append(contentsOf: repeatElement(-1, count: index + 1 - codeOfIndex.count))
            }
            var code = codeOfIndex[index]
            if code < 0 {
                code = Int32(values.count)
                codeOfIndex[index] = code
                values.append(name())
            }
            codes.append(UInt32(code))
        }

        func finish() -> Column {
            let dictionary = StringDictionary(values)
            return Column(type: .string, storage: .string(DictionaryCodes(codes, distinctCount: values.count), dictionary))
        }
    }

    private var timestamps: [Int64] = []
    private var users: CodedColumn
    private var events: CodedColumn
    private var channels: CodedColumn
    private var countries: CodedColumn
    private var platforms: CodedColumn
    private var amounts: ColumnBuilder
    private var scores: ColumnBuilder

    init(capacity: Int) {
        timestamps.reserveCapacity(capacity)
        users = CodedColumn(capacity: capacity)
        events = CodedColumn(capacity: capacity)
        channels = CodedColumn(capacity: capacity)
        countries = CodedColumn(capacity: capacity)
        platforms = CodedColumn(capacity: capacity)
        amounts = ColumnBuilder(type: .float, capacity: capacity)
        scores = ColumnBuilder(type: .int, capacity: capacity)
    }

    mutating func append(_ batch: DayBatch, rows: Int) {
        let midnight = batch.day * CivilTime.microsPerDay
        for event in batch.events.prefix(rows) {
            timestamps.append(midnight + Int64(event.second) * CivilTime.microsPerSecond)
            users.append(index: Int(event.user)) { Self.userId(event.user) }
            events.append(index: Int(event.kind.rawValue)) { event.kind.name }
            channels.append(index: Int(event.channel)) { Vocabulary.channels[Int(event.channel)] }
            countries.append(index: Int(event.country)) { Vocabulary.countries[Int(event.country)] }
            platforms.append(index: Int(event.platform)) { Vocabulary.platforms[Int(event.platform)] }
            if event.kind == .purchase {
                amounts.append(float: Double(event.payload) / 100)
            } else {
                amounts.appendNull()
            }
            if event.kind == .npsSurvey {
                scores.append(int64: Int64(event.payload))
            } else {
                scores.appendNull()
            }
        }
    }

    func finish() -> Table {
        let columns = [
            Column.timestamp(timestamps), users.finish(), events.finish(), channels.finish(),
            countries.finish(), platforms.finish(), amounts.finish(), scores.finish(),
        ]
        // Equal lengths and distinct names hold by construction.
        return try! Table(Array(zip(Vocabulary.columns, columns)))
    }

    /// `u` and the 1-based user number, zero-padded to six digits, as the writers print it.
    static func userId(_ user: UInt32) -> String {
        let digits = String(user + 1)
        return "u" + String(repeating: "0", count: max(0, Vocabulary.userIdMinimumDigits - digits.count)) + digits
    }
}
