// Scores and segments of the users' R, F and M values, and the two output shapes built from them.
import TallyStore

/// The users' values with their scores and segments, in output order.
struct RFMTable: Sendable {
    var recency: [Int64]
    var frequency: [Int64]
    var monetary: [Double]
    var rScores: [Int]
    var fScores: [Int]
    var mScores: [Int]
    var bins: Int
    /// Index into `RFMSegments.rules` per user.
    var namedSegments: [Int]
    /// Index into `RFMSegments.valueGroups` per user.
    var valueGroups: [Int]

    init(recency: [Int64], frequency: [Int64], monetary: [Double], bins: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        self.bins = bins
        // Fewer days since the last event is better, so recency is scored on the negated days.
        rScores = QuantileScores.scores(recency.map { -$0 }, bins: bins)
        fScores = QuantileScores.scores(frequency, bins: bins)
        mScores = QuantileScores.scores(monetary, bins: bins)
        namedSegments = Self.namedSegments(r: rScores, f: fScores, m: mScores, bins: bins)
        // Above the mean, strictly; exact in integers for R and F (v·n vs Σv), in doubles for M.
        let count = Int64(recency.count)
        let recencyTotal = recency.reduce(0, +), frequencyTotal = frequency.reduce(0, +)
        let monetaryMean = monetary.reduce(0, +) / Double(max(1, recency.count))
        valueGroups = recency.indices.map { [recency, frequency, monetary] user in
            RFMSegments.valueGroup(isRecent: recency[user] * count < recencyTotal,
                                   isFrequent: frequency[user] * count > frequencyTotal,
                                   isHighValue: monetary[user] > monetaryMean)
        }
    }

    /// Each user's named segment; for up to 10 bins through a table of every score triple.
    private static func namedSegments(r: [Int], f: [Int], m: [Int], bins: Int) -> [Int] {
        guard bins <= 10 else {
            return r.indices.map { RFMSegments.namedSegment(r: r[$0], f: f[$0], m: m[$0], bins: bins) }
        }
        var segmentOfTriple = [Int](repeating: 0, count: bins * bins * bins)
        for triple in segmentOfTriple.indices {
            segmentOfTriple[triple] = RFMSegments.namedSegment(r: triple / (bins * bins) + 1, f: triple / bins % bins + 1,
                                                               m: triple % bins + 1, bins: bins)
        }
        return r.indices.map { segmentOfTriple[((r[$0] - 1) * bins + f[$0] - 1) * bins + m[$0] - 1] }
    }

    /// "545" for single-digit scores; "10-3-7" once bins reaches 10, so the text stays readable.
    static func code(r: Int, f: Int, m: Int, bins: Int) -> String {
        bins < 10 ? "\(r)\(f)\(m)" : "\(r)-\(f)-\(m)"
    }

    /// The rfm texts as a column: each score triple is one label, named once.
    private func codeColumn() -> Column {
        let bins = bins
        let labels = recency.indices.map { user in
            ((rScores[user] - 1) * bins + fScores[user] - 1) * bins + mScores[user] - 1
        }
        return CodedStringColumn.make(labels, labelCount: bins * bins * bins) { label in
            Self.code(r: label / (bins * bins) + 1, f: label / bins % bins + 1, m: label % bins + 1, bins: bins)
        }
    }

    /// One row per user.
    func perUser(userName: String, userColumn: Column) -> Table {
        let groups = RFMSegments.valueGroups
        return try! Table([
            (userName, userColumn),
            ("recency_days", .int(recency)),
            ("frequency", .int(frequency)),
            ("monetary", .float(monetary)),
            ("r_score", .int(rScores.map(Int64.init))),
            ("f_score", .int(fScores.map(Int64.init))),
            ("m_score", .int(mScores.map(Int64.init))),
            ("rfm", codeColumn()),
            ("segment", CodedStringColumn.make(namedSegments, labelCount: RFMSegments.rules.count) {
                RFMSegments.rules[$0].name
            }),
            ("value_segment", CodedStringColumn.make(valueGroups, labelCount: groups.count) { groups[$0].english }),
            ("value_segment_zh", CodedStringColumn.make(valueGroups, labelCount: groups.count) { groups[$0].chinese }),
        ])
    }

    /// One row per named segment that has users, in rule order.
    func summary() -> Table {
        var users = [Int64](repeating: 0, count: RFMSegments.rules.count)
        var spent = [Double](repeating: 0, count: RFMSegments.rules.count)
        for (user, segment) in namedSegments.enumerated() {
            users[segment] += 1
            spent[segment] += monetary[user]
        }
        let present = users.indices.filter { users[$0] > 0 }
        let total = Double(recency.count)
        return try! Table([
            ("segment", .string(present.map { RFMSegments.rules[$0].name })),
            ("users", .int(present.map { users[$0] })),
            ("share", .float(present.map { Double(users[$0]) / total })),
            ("monetary", .float(present.map { spent[$0] })),
            ("avg_monetary", .float(present.map { spent[$0] / Double(users[$0]) })),
        ])
    }
}
