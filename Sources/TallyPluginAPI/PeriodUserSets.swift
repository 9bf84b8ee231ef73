// Per calendar period, the set of users with a row in it, as a bitset over dictionary codes.
import TallyStore

/// Builds, period by period, the bitset of the users active in each period of time-ordered rows.
///
/// A string user column's dictionary codes already are dense user ids, so a period's users are
/// the bits `codes[row]` for its rows: one load and one OR per row into a bitset of
/// ⌈users / 64⌉ words that stays in cache (296k users: 37 KB). Periods are split over two cores
/// by rows; each core reuses one bitset, clearing it after each period.
public enum PeriodUserSets {
    /// Whether `column` has the shape the bitsets need: strings without nulls, with a dictionary
    /// at most `maximumUsers` long (a group of a big table keeps the whole dictionary).
    public static func canUse(_ column: Column, maximumUsers: Int) -> Bool {
        guard column.validity == nil, let dictionary = column.dictionary else { return false }
        return dictionary.count <= maximumUsers
    }

    /// Calls `body(position, users)` for every period position of `segments`, where `users` is
    /// the bitset of the codes of `codes` on that period's rows (bit `c % 64` of word `c / 64`),
    /// `⌈userCount / 64⌉` words long.
    ///
    /// `body` runs concurrently for periods of different halves; `users` is scratch, valid
    /// only during the call. Every code must be below `userCount`.
    /// - Complexity: O(rows + periods × userCount / 64).
    public static func forEachPeriod(codes: DictionaryCodes, userCount: Int, segments: PeriodSegments,
                                     _ body: @Sendable (_ position: Int, _ users: UnsafeBufferPointer<UInt64>) -> Void) {
        switch codes {
        case .u8(let values): forEachPeriod(values, userCount: userCount, segments: segments, body)
        case .u16(let values): forEachPeriod(values, userCount: userCount, segments: segments, body)
        case .u32(let values): forEachPeriod(values, userCount: userCount, segments: segments, body)
        }
    }

    /// The number of users in a bitset (its set bits).
    /// - Complexity: O(words).
    public static func count(of users: UnsafeBufferPointer<UInt64>) -> Int {
        var total = 0
        for word in users { total &+= word.nonzeroBitCount }
        return total
    }

    private static func forEachPeriod<Code: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ codes: [Code], userCount: Int, segments: PeriodSegments,
        _ body: @Sendable (Int, UnsafeBufferPointer<UInt64>) -> Void
    ) {
        let words = (userCount + 63) / 64
        let parts = TwoCoreSplit.parts(rows: codes.count)
        let splits = segments.positionSplits(parts: parts)
        codes.withUnsafeBufferPointer { codeBuffer in
            let codes = SharedBuffer(codeBuffer)
            TwoCoreSplit.run(parts: parts) { part in
                let users = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(words, 1))
                defer { users.deallocate() }
                users.initialize(repeating: 0)
                guard let bits = users.baseAddress else { return }
                for position in splits[part]..<splits[part + 1] {
                    for row in segments.rows(ofPosition: position) {
                        let code = Int(codes[row])
                        bits[code &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: code & 63)
                    }
                    body(position, UnsafeBufferPointer(users))
                    users.update(repeating: 0)
                }
            }
        }
    }
}
