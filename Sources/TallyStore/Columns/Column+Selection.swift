// Gathering the rows a filter selected: unsafe buffers, no per-row checks, split over the cores.
import Dispatch

extension Column {
    /// The rows at `rows`, in that order: the same column as `gathered(rows)`.
    ///
    /// Meant for selections (a `where`'s rows): reading scattered rows is bound by memory latency,
    /// so large selections are gathered by two workers at once, each filling its half of the
    /// result; validity is packed 64 rows per word.
    /// - Precondition: every index is in `0..<count`.
    /// - Complexity: O(rows.count), one allocation per buffer.
    public func selecting(_ rows: [Int]) -> Column {
        let newValidity = validity.map { $0.selecting(rows) }
        switch storage {
        case .int64(let values):
            return Column(type: type, storage: .int64(Self.select(values, rows)), validity: newValidity)
        case .float(let values):
            return Column(type: type, storage: .float(Self.select(values, rows)), validity: newValidity)
        case .bool(let values):
            return Column(type: type, storage: .bool(Self.select(values, rows)), validity: newValidity)
        case .string(let codes, let dictionary):
            let selected: DictionaryCodes
            switch codes {
            case .u8(let values): selected = .u8(Self.select(values, rows))
            case .u16(let values): selected = .u16(Self.select(values, rows))
            case .u32(let values): selected = .u32(Self.select(values, rows))
            }
            return Column(type: type, storage: .string(selected, dictionary), validity: newValidity)
        }
    }

    /// Selections at least this long are split over two workers.
    static let parallelSelectionCount = 1 << 14

    private static func select<Element>(_ values: [Element], _ rows: [Int]) -> [Element] {
        if rows.isEmpty { return [] }
        return values.withUnsafeBufferPointer { values in
            rows.withUnsafeBufferPointer { rows in
                [Element](unsafeUninitializedCapacity: rows.count) { output, initialized in
                    let shared = SelectionBuffers(values: values, rows: rows, output: output)
                    if rows.count >= parallelSelectionCount {
                        DispatchQueue.concurrentPerform(iterations: 2) { part in
                            let half = shared.rows.count / 2
                            shared.fill(part == 0 ? 0..<half : half..<shared.rows.count)
                        }
                    } else {
                        shared.fill(0..<rows.count)
                    }
                    initialized = rows.count
                }
            }
        }
    }
}

/// The source, the row indices and the result of one selection, shared by its two workers:
/// the source and indices are only read, and each worker writes a disjoint range of the result.
private struct SelectionBuffers<Element>: @unchecked Sendable {
    let values: UnsafeBufferPointer<Element>
    let rows: UnsafeBufferPointer<Int>
    let output: UnsafeMutableBufferPointer<Element>

    func fill(_ range: Range<Int>) {
        let source = values.baseAddress!, target = output.baseAddress!
        for position in range { (target + position).initialize(to: source[rows[position]]) }
    }
}

extension ValidityBitmap {
    /// The rows at `rows`, in that order: the same bitmap as `gathered(rows)`, packed a word at a time.
    /// - Precondition: every index is in `0..<count`.
    public func selecting(_ rows: [Int]) -> ValidityBitmap {
        let wordCount = (rows.count + 63) >> 6
        let packed = words.withUnsafeBufferPointer { source in
            rows.withUnsafeBufferPointer { rows in
                [UInt64](unsafeUninitializedCapacity: wordCount) { output, initialized in
                    for word in 0..<wordCount {
                        var bits: UInt64 = 0
                        let first = word << 6
                        for offset in 0..<min(64, rows.count - first) {
                            let row = rows[first + offset]
                            bits |= ((source[row >> 6] >> UInt64(row & 63)) & 1) << UInt64(offset)
                        }
                        output[word] = bits
                    }
                    initialized = wordCount
                }
            }
        }
        return ValidityBitmap(words: packed, count: rows.count)
    }
}
