// The chance that a user is active k days after signup: a fast early decay onto a plateau.

/// Per-segment, per-weekday tables of the chance to be active on day `k` after signup.
///
/// The curve is `plateau + (dayOne − plateau) · (½·c/(c+k−1) + ½·rᵏ⁻¹)`: a hyperbolic
/// (power-law-like) term for the long tail and an exponential one for the first-week cliff,
/// settling on a plateau of loyal use — the shape real products show. It is computed with
/// +, ×, ÷ only (correctly rounded everywhere), never `pow`/`exp`, so every machine gets the same
/// thresholds.
struct RetentionCurves {
    private struct Shape {
        var dayOne: Double
        var plateau: Double
        /// Hyperbolic half-life in days.
        var c: Double
        /// Daily exponential decay factor.
        var r: Double
    }

    /// Beyond this many days the curve is taken as flat.
    static let horizon = 400

    /// Activity multipliers Monday…Sunday: a little lighter at weekends.
    private static let weekday: [Double] = [1.03, 1.04, 1.04, 1.03, 1.00, 0.93, 0.93]

    private static let shapes: [Shape] = [
        Shape(dayOne: 0.10, plateau: 0.002, c: 1.0, r: 0.50),  // drive-by
        Shape(dayOne: 0.32, plateau: 0.020, c: 3.0, r: 0.80),  // casual
        Shape(dayOne: 0.75, plateau: 0.380, c: 8.0, r: 0.92),  // core
    ]

    /// Thresholds laid out `[(segment · 7 + weekday) · (horizon + 1) + k]`.
    private let thresholds: [UInt64]

    init() {
        var table: [UInt64] = []
        table.reserveCapacity(Self.shapes.count * 7 * (Self.horizon + 1))
        for shape in Self.shapes {
            for factor in Self.weekday {
                var exponential = 1.0
                table.append(0)  // day 0 is the signup day, handled apart
                for k in 1...Self.horizon {
                    let hyperbolic = shape.c / (shape.c + Double(k - 1))
                    let decay = 0.5 * hyperbolic + 0.5 * exponential
                    let p = (shape.plateau + (shape.dayOne - shape.plateau) * decay) * factor
                    table.append(Chance(min(p, 0.99)).threshold)
                    exponential *= shape.r
                }
            }
        }
        thresholds = table
    }

    /// The chance, as a `Chance` threshold, that a user of `segment` is active on `weekday`
    /// (0 = Monday), `daysSinceSignup` ≥ 1 days after signing up.
    @inline(__always)
    func threshold(segment: Int, weekday: Int, daysSinceSignup: Int) -> UInt64 {
        let k = min(daysSinceSignup, Self.horizon)
        return thresholds[(segment * 7 + weekday) * (Self.horizon + 1) + k]
    }
}
