// The `mode:` flags of `funnel`, parsed once at bind time so the scan never matches strings.
import TallyPluginAPI

/// The `mode:` flags of `funnel`, named and meaning exactly what ClickHouse's `windowFunnel` modes do.
public struct FunnelMode: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A step extends a chain only at a time strictly later than the chain's last step.
    public static let strictIncrease = FunnelMode(rawValue: 1 << 0)
    /// A row serves at most one step of a chain; every chain is kept, not just the newest per level.
    public static let strictOnce = FunnelMode(rawValue: 1 << 1)
    /// A step-k item when some chain already reached level k ends the user's scan.
    public static let strictDeduplication = FunnelMode(rawValue: 1 << 2)
    /// Rows matching no step take part (as step 0) and skipping a step ends the scan.
    public static let strictOrder = FunnelMode(rawValue: 1 << 3)
    /// Under `strict_order`, a step whose previous level is missing is skipped instead of ending the scan.
    public static let allowReentry = FunnelMode(rawValue: 1 << 4)

    /// Every flag with its word, in the order `.help` lists them.
    public static let words: [(word: String, flag: FunnelMode)] = [
        ("strict_increase", .strictIncrease),
        ("strict_once", .strictOnce),
        ("strict_deduplication", .strictDeduplication),
        ("strict_order", .strictOrder),
        ("allow_reentry", .allowReentry),
    ]

    /// The flags named by `words` (already checked by the engine against `FunnelMode.words`).
    /// - Throws: a `PluginError` naming `mode` for an unknown word or `allow_reentry` without `strict_order`.
    public init(words given: Set<String>) throws(PluginError) {
        var mode: FunnelMode = []
        for word in given.sorted() {
            guard let flag = Self.words.first(where: { $0.word == word })?.flag else {
                throw PluginError("unknown funnel mode `\(word)`", parameter: "mode",
                                  hints: ["modes: " + Self.words.map(\.word).joined(separator: ", ")])
            }
            mode.insert(flag)
        }
        if mode.contains(.allowReentry) && !mode.contains(.strictOrder) {
            throw PluginError("`allow_reentry` requires `strict_order`", parameter: "mode",
                              hints: ["write `mode: [strict_order, allow_reentry]`"])
        }
        self = mode
    }
}
