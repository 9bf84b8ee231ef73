// The 95% interval around a Net Promoter Score, Wald or adjusted Wald.

/// A point estimate with its 95% interval, all on the −100…100 scale.
struct NPSInterval: Sendable, Equatable {
    /// The normal quantile for 95% used by the definition: exactly 1.96.
    static let z = 1.96

    /// Half the width of the interval.
    var marginOfError: Double
    /// center − margin, clamped to −100.
    var low: Double
    /// center + margin, clamped to 100.
    var high: Double

    /// The interval for `promoters` and `detractors` out of `responses` (> 0).
    ///
    /// Wald: with p = promoters/n and d = detractors/n, the centre is 100·(p − d) and the margin
    /// 100·z·√((p + d − (p − d)²)/n). Adjusted Wald (Rocks 2016): the same on n' = n + 3 with
    /// p' = (promoters + ¾)/n', d' = (detractors + ¾)/n', centred on 100·(p' − d').
    init(promoters: Int, detractors: Int, responses: Int, interval: NPSOptions.Interval) {
        let pseudo = interval == .adjustedWald ? 0.75 : 0
        let n = Double(responses) + 4 * pseudo
        let p = (Double(promoters) + pseudo) / n
        let d = (Double(detractors) + pseudo) / n
        let center = 100 * (p - d)
        let variance = max(0, p + d - (p - d) * (p - d)) / n
        marginOfError = 100 * Self.z * variance.squareRoot()
        low = max(-100, center - marginOfError)
        high = min(100, center + marginOfError)
    }
}
