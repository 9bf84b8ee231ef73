// The two segmentations of RFM: named segments from the scores, and the eight value groups from the means.

/// A named segment rule: the first rule whose recency-score range and FM floor hold names the user.
public struct RFMSegmentRule: Sendable, Equatable {
    public var name: String
    /// Recency scores (on the 1–5 scale) the rule accepts.
    public var recency: ClosedRange<Int>
    /// The least f_score + m_score (on the 1–5 scale) the rule accepts: twice the FM average.
    public var minimumFrequencyPlusMonetary: Int
}

/// The named score segments and the classic eight value groups.
public enum RFMSegments {
    /// The named segments, in the order they are tried; the last one catches everything left.
    /// Scores are on the 1–5 scale (see `fivePointScore`); fm = (f + m) / 2.
    public static let rules: [RFMSegmentRule] = [
        RFMSegmentRule(name: "champions", recency: 4...5, minimumFrequencyPlusMonetary: 8),
        RFMSegmentRule(name: "loyal", recency: 3...5, minimumFrequencyPlusMonetary: 6),
        RFMSegmentRule(name: "potential loyalist", recency: 4...5, minimumFrequencyPlusMonetary: 4),
        RFMSegmentRule(name: "new", recency: 5...5, minimumFrequencyPlusMonetary: 2),
        RFMSegmentRule(name: "promising", recency: 4...4, minimumFrequencyPlusMonetary: 2),
        RFMSegmentRule(name: "need attention", recency: 3...3, minimumFrequencyPlusMonetary: 4),
        RFMSegmentRule(name: "about to sleep", recency: 3...3, minimumFrequencyPlusMonetary: 2),
        RFMSegmentRule(name: "can't lose", recency: 1...1, minimumFrequencyPlusMonetary: 8),
        RFMSegmentRule(name: "at risk", recency: 1...2, minimumFrequencyPlusMonetary: 6),
        RFMSegmentRule(name: "hibernating", recency: 2...2, minimumFrequencyPlusMonetary: 2),
        RFMSegmentRule(name: "lost", recency: 1...5, minimumFrequencyPlusMonetary: 2),
    ]

    /// A score on 1…bins mapped onto 1…5: ⌈5 · score / bins⌉ (the identity when bins = 5).
    @inline(__always)
    public static func fivePointScore(_ score: Int, bins: Int) -> Int {
        (5 * score + bins - 1) / bins
    }

    /// The index in `rules` of the named segment for these scores (each 1…bins).
    public static func namedSegment(r: Int, f: Int, m: Int, bins: Int) -> Int {
        let recency = fivePointScore(r, bins: bins)
        let frequencyPlusMonetary = fivePointScore(f, bins: bins) + fivePointScore(m, bins: bins)
        for (index, rule) in rules.enumerated()
        where rule.recency.contains(recency) && frequencyPlusMonetary >= rule.minimumFrequencyPlusMonetary {
            return index
        }
        return rules.count - 1
    }

    /// The eight value groups, indexed by `valueGroup`: English and the Chinese original.
    public static let valueGroups: [(english: String, chinese: String)] = [
        ("important value", "重要价值客户"),        // R high, F high, M high
        ("important development", "重要发展客户"),  // R high, F low,  M high
        ("important maintenance", "重要保持客户"),  // R low,  F high, M high
        ("important retention", "重要挽留客户"),    // R low,  F low,  M high
        ("general value", "一般价值客户"),          // R high, F high, M low
        ("general development", "一般发展客户"),    // R high, F low,  M low
        ("general maintenance", "一般保持客户"),    // R low,  F high, M low
        ("general retention", "一般挽留客户"),      // R low,  F low,  M low
    ]

    /// The index in `valueGroups` for a user who is (or is not) better than the mean on each measure.
    @inline(__always)
    public static func valueGroup(isRecent: Bool, isFrequent: Bool, isHighValue: Bool) -> Int {
        (isHighValue ? 0 : 4) + (isRecent ? 0 : 2) + (isFrequent ? 0 : 1)
    }
}
