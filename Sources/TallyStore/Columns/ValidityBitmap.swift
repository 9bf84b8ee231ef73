// One bit per row: set when the row holds a value, clear when it is null.

/// A packed bitmap marking which rows of a column are non-null.
///
/// Columns without nulls carry no bitmap at all (`Column.validity == nil`), so the common
/// case costs nothing.
public struct ValidityBitmap: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` rows, all valid (`true`) or all null (`false`).
    public init(count: Int, allValid: Bool) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = Array(repeating: allValid ? ~0 : 0, count: wordCount)
        if allValid { clearTail() }
    }

    public init() {
        words = []
        count = 0
    }

    /// A bitmap of `count` rows from packed words: bit `row & 63` of word `row >> 6` is set when
    /// the row is valid. Bits past `count` are cleared. Used to rebuild a bitmap in bulk (snapshots).
    public init(words: [UInt64], count: Int) {
        precondition(words.count == (count + 63) >> 6, "a bitmap of \(count) rows needs \((count + 63) >> 6) words")
        self.words = words
        self.count = count
        clearTail()
    }

    @inline(__always)
    public func isValid(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    public mutating func set(_ row: Int, valid: Bool) {
        let bit: UInt64 = 1 << UInt64(row & 63)
        if valid { words[row >> 6] |= bit } else { words[row >> 6] &= ~bit }
    }

    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if valid { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Number of valid (non-null) rows.
    public var validCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var nullCount: Int { count - validCount }

    public var byteCount: Int { words.count * 8 }

    /// The rows at `indices`, in that order.
    public func gathered(_ indices: [Int]) -> ValidityBitmap {
        var result = ValidityBitmap(count: indices.count, allValid: false)
        for (position, row) in indices.enumerated() where isValid(row) {
            result.set(position, valid: true)
        }
        return result
    }

    private mutating func clearTail() {
        let tail = count & 63
        if tail != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(tail)) - 1 }
    }
}
