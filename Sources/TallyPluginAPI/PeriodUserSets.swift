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
    ///
    /// With `times` (the column `segments` was cut from with `.deferred` order check), the same
    /// pass checks that no time is smaller than the one before it; the answer is false when one
    /// is, and then the segments were meaningless and whatever `body` did must be dropped
    /// (the pass stops early, so `body` may have missed periods).
    /// - Returns: false when `times` are not in order; true otherwise.
    /// - Complexity: O(rows + periods × userCount / 64).
    @discardableResult
    public static func forEachPeriod(codes: DictionaryCodes, userCount: Int, segments: PeriodSegments,
                                     checkingOrderOf times: [Int64]? = nil,
                                     _ body: @Sendable (_ position: Int, _ users: UnsafeBufferPointer<UInt64>) -> Void) -> Bool {
        switch codes {
        case .u8(let values): forEachPeriod(values, userCount: userCount, segments: segments, times: times, body)
        case .u16(let values): forEachPeriod(values, userCount: userCount, segments: segments, times: times, body)
        case .u32(let values): forEachPeriod(values, userCount: userCount, segments: segments, times: times, body)
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
        _ codes: [Code], userCount: Int, segments: PeriodSegments, times: [Int64]?,
        _ body: @Sendable (Int, UnsafeBufferPointer<UInt64>) -> Void
    ) -> Bool {
        let words = (userCount + 63) / 64
        let parts = TwoCoreSplit.parts(rows: codes.count)
        let splits = segments.positionSplits(parts: parts)
        var decreases = [Bool](repeating: false, count: parts)
        let checksOrder = times != nil
        let timeValues = times ?? []
        codes.withUnsafeBufferPointer { codeBuffer in
            timeValues.withUnsafeBufferPointer { timeBuffer in
                decreases.withUnsafeMutableBufferPointer { decreaseBuffer in
                    let codes = SharedBuffer(codeBuffer), times = SharedBuffer(timeBuffer)
                    let found = SharedBuffer(decreaseBuffer)
                    TwoCoreSplit.run(parts: parts) { part in
                        let users = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(words, 1))
                        defer { users.deallocate() }
                        users.initialize(repeating: 0)
                        guard let bits = users.baseAddress else { return }
                        let firstRow = segments.starts[splits[part]]
                        // The first row of a part is compared with the last row of the part before.
                        var previous = checksOrder ? times[max(firstRow - 1, 0)] : 0
                        for position in splits[part]..<splits[part + 1] {
                            let rows = segments.rows(ofPosition: position)
                            if checksOrder {
                                var decreased: UInt8 = 0
                                for row in rows {
                                    let time = times[row]
                                    decreased |= time < previous ? 1 : 0
                                    previous = time
                                    let code = Int(codes[row])
                                    bits[code &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: code & 63)
                                }
                                if decreased != 0 {
                                    found[part] = true
                                    return
                                }
                            } else {
                                for row in rows {
                                    let code = Int(codes[row])
                                    bits[code &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: code & 63)
                                }
                            }
                            body(position, UnsafeBufferPointer(users))
                            users.update(repeating: 0)
                        }
                    }
                }
            }
        }
        return !decreases.contains(true)
    }
}
