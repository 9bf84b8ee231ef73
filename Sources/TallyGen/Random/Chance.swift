// A probability stored as a 64-bit threshold, so a trial is one compare against a raw draw.

/// A probability in [0, 1] as an integer threshold: an event happens when a uniform `UInt64`
/// falls below it.
///
/// Converting once (with exact IEEE operations: a multiply by 2⁶⁴ and a truncation) keeps trials
/// free of floating point, so outcomes cannot differ between machines.
struct Chance: Sendable {
    let threshold: UInt64

    init(_ probability: Double) {
        if probability <= 0 {
            threshold = 0
        } else if probability >= 1 {
            threshold = .max
        } else {
            threshold = UInt64(probability * 18_446_744_073_709_551_616.0)
        }
    }

    static let never = Chance(0)
}
