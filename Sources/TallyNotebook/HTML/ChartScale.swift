// Linear scales with round tick values, and compact number text for SVG coordinates.

/// Maps a value range onto a pixel range, with "nice" ticks (steps of 1, 2 or 5 × 10ⁿ).
struct ChartScale {
    let low: Double
    let high: Double
    let pixelLow: Double
    let pixelHigh: Double
    let ticks: [Double]

    /// A scale covering `values` (and 0, so bars and rates start at zero) in about `tickCount` steps.
    init(covering values: [Double], from pixelLow: Double, to pixelHigh: Double, tickCount: Int = 4) {
        var low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 1)
        if high == low { high = low + 1 }
        let step = Self.niceStep((high - low) / Double(tickCount))
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        self.low = low
        self.high = high
        self.pixelLow = pixelLow
        self.pixelHigh = pixelHigh
        let count = Int(((high - low) / step).rounded())
        ticks = (0...count).map { low + Double($0) * step }
    }

    func pixel(_ value: Double) -> Double {
        pixelLow + (value - low) / (high - low) * (pixelHigh - pixelLow)
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for multiple in [1.0, 2, 5, 10] where power * multiple >= raw { return power * multiple }
        return power * 10
    }
}

/// Text for numbers inside SVG markup.
enum SVGNumber {
    /// A coordinate rounded to 0.1 px, without a trailing `.0` (`56`, `123.5`).
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(tenths / 10)
    }

    /// A tick label: integers plainly, others with up to 3 significant decimals (`0.25`, `1.5`, `12000`).
    static func label(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String((value * 1000).rounded() / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// Series colours: distinguishable for common colour-vision deficiencies (Okabe–Ito).
enum ChartPalette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
