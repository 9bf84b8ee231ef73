// Builds the validity of a computed column: starts from the inputs' nulls, adds new ones lazily.
import TallyStore

/// A validity bitmap under construction; stays nil (no nulls) until a null appears.
struct NullMask {
    private(set) var bitmap: ValidityBitmap?
    let count: Int

    init(count: Int, _ inputs: ValidityBitmap?...) {
        self.count = count
        let present = inputs.compactMap { $0 }
        guard let first = present.first else { bitmap = nil; return }
        var combined = first
        for other in present.dropFirst() {
            for row in 0..<count where !other.isValid(row) { combined.set(row, valid: false) }
        }
        bitmap = combined
    }

    @inline(__always)
    func isNull(_ row: Int) -> Bool {
        guard let bitmap else { return false }
        return !bitmap.isValid(row)
    }

    mutating func setNull(_ row: Int) {
        if bitmap == nil { bitmap = ValidityBitmap(count: count, allValid: true) }
        bitmap!.set(row, valid: false)
    }
}
