// Time-order detection, zone day order, period segments and per-period user bitsets against brute force.
import TallyStore
import XCTest
@testable import TallyPluginAPI

/// A small deterministic generator for random test data.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// The bitsets handed to `forEachPeriod`'s body, which runs on two threads at once.
private final class CollectedBitsets: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[UInt64]]

    init(periods: Int) { stored = Array(repeating: [], count: periods) }

    func store(_ bits: [UInt64], at position: Int) { lock.withLock { stored[position] = bits } }

    var bitsets: [[UInt64]] { lock.withLock { stored } }
}

final class PeriodSegmentsTests: XCTestCase {
    let newYork = ZoneCalendar(identifier: "America/New_York")!
    let shanghai = ZoneCalendar(identifier: "Asia/Shanghai")!
    /// Set back from 00:01 to 23:01 the day before on 2010-11-07 (02:31Z): the local day decreases.
    let stJohns = ZoneCalendar(identifier: "America/St_Johns")!

    private func micros(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0, _ minute: Int64 = 0) -> Int64 {
        CivilTime.days(year: year, month: month, day: day) * CivilTime.microsPerDay
            + hour * CivilTime.microsPerHour + minute * CivilTime.microsPerMinute
    }

    /// `count` non-decreasing timestamps from `start`, with ties, gaps of days and same-instant runs.
    /// Consecutive times are 0…`step` seconds apart, sometimes a few days.
    private func sortedTimes(_ count: Int, from start: Int64, seed: UInt64, step: Int = 4 * 3600) -> [Int64] {
        var random = TestRandom(seed: seed)
        var time = start
        return (0..<count).map { _ in
            switch random.next(below: 10) {
            case 0: break  // a tie
            case 1 where step > 60: time += Int64(random.next(below: 3)) * CivilTime.microsPerDay
            default: time += Int64(random.next(below: step)) * CivilTime.microsPerSecond
            }
            return time
        }
    }

    func test_timeOrder_tiesPass_anyDecreaseFails_inEitherHalf() {
        var values = (0..<((1 << 20) + 9)).map { Int64($0 / 3) }
        XCTAssertTrue(TimeOrder.isNonDecreasing(values))
        XCTAssertTrue(TimeOrder.isNonDecreasing([]))
        XCTAssertTrue(TimeOrder.isNonDecreasing([5]))
        XCTAssertFalse(TimeOrder.isNonDecreasing([5, 4]))
        // Decreases at the first pair, across the two halves' boundary, and at the last pair.
        for row in [1, values.count / 2, values.count / 2 + 1, values.count - 1] {
            let saved = values[row]
            values[row] = values[row - 1] - 1
            XCTAssertFalse(TimeOrder.isNonDecreasing(values), "decrease at \(row)")
            values[row] = saved
        }
    }

    func test_localDayNeverDecreases_onlyFailsAcrossASetBackOverMidnight() {
        XCTAssertTrue(ZoneCalendar.utc.localDayNeverDecreases(fromUTC: .min, throughUTC: .max))
        XCTAssertTrue(newYork.localDayNeverDecreases(fromUTC: micros(2024, 1, 1), throughUTC: micros(2025, 1, 1)))
        XCTAssertTrue(shanghai.localDayNeverDecreases(fromUTC: micros(2024, 1, 1), throughUTC: micros(2025, 1, 1)))
        XCTAssertFalse(stJohns.localDayNeverDecreases(fromUTC: micros(2010, 11, 1), throughUTC: micros(2010, 11, 10)))
        // Up to the instant of the change, and from just after it, the days are in order.
        XCTAssertTrue(stJohns.localDayNeverDecreases(fromUTC: micros(2010, 11, 1), throughUTC: micros(2010, 11, 7, 2, 30)))
        XCTAssertTrue(stJohns.localDayNeverDecreases(fromUTC: micros(2010, 11, 7, 2, 31), throughUTC: micros(2010, 11, 20)))
        // Too long a span to walk hour by hour.
        XCTAssertFalse(newYork.localDayNeverDecreases(fromUTC: micros(1900, 1, 1), throughUTC: micros(2100, 1, 1)))
    }

    /// Every row's period, computed directly, equals the period of the segment holding it.
    func test_segments_matchEachRowsPeriod_randomSortedTimes() throws {
        for (zone, seed) in [(ZoneCalendar.utc, 1 as UInt64), (newYork, 2), (shanghai, 3)] {
            let times = sortedTimes(5_000, from: micros(2023, 12, 20, 17), seed: seed)
            for period in CalendarPeriod.allCases {
                for weekStart in [0, 6] {
                    let label = "\(zone.identifier) \(period) \(weekStart)"
                    let segments = try XCTUnwrap(PeriodSegments(time: .timestamp(times), period: period, zone: zone,
                                                                weekStart: weekStart, maximumPeriods: 10_000), label)
                    var expected = [Int64]()
                    for time in times { expected.append(period.index(ofUTC: time, zone: zone, weekStart: weekStart)) }
                    XCTAssertEqual(segments.firstPeriod, expected.first, label)
                    XCTAssertEqual(segments.lastPeriod, expected.last, label)
                    XCTAssertEqual(segments.starts.last, times.count, label)
                    for position in 0..<segments.periodCount {
                        for row in segments.rows(ofPosition: position) {
                            XCTAssertEqual(expected[row], segments.firstPeriod + Int64(position), "\(label) row \(row)")
                        }
                    }
                    let splits = segments.positionSplits(parts: 2)
                    XCTAssertEqual(splits.first, 0)
                    XCTAssertEqual(splits.last, segments.periodCount)
                    XCTAssertLessThanOrEqual(splits[0], splits[1])
                    XCTAssertLessThanOrEqual(splits[1], splits[2])
                }
            }
        }
    }

    func test_segments_dateColumn_withEmptyPeriods() throws {
        let segments = try XCTUnwrap(PeriodSegments(time: .date([10, 10, 11, 14, 14, 14]), period: .day, zone: .utc,
                                                    maximumPeriods: 100))
        XCTAssertEqual(segments.firstPeriod, 10)
        XCTAssertEqual(segments.starts, [0, 2, 3, 3, 3, 6])
        XCTAssertEqual(segments.rows(ofPosition: 2), 3..<3)
    }

    func test_segments_refuseNullsDisorderBackwardDaysAndTooManyPeriods() {
        var builder = ColumnBuilder(type: .timestamp)
        builder.append(int64: 1)
        builder.appendNull()
        XCTAssertNil(PeriodSegments(time: builder.finish(), period: .day, zone: .utc, maximumPeriods: 100))
        XCTAssertNil(PeriodSegments(time: .timestamp([]), period: .day, zone: .utc, maximumPeriods: 100))
        XCTAssertNil(PeriodSegments(time: .timestamp([micros(2024, 1, 2), micros(2024, 1, 1)]), period: .day, zone: .utc,
                                    maximumPeriods: 100))
        let overTheSetBack = [micros(2010, 11, 7, 2, 20), micros(2010, 11, 7, 2, 40)]
        XCTAssertNil(PeriodSegments(time: .timestamp(overTheSetBack), period: .day, zone: stJohns, maximumPeriods: 100))
        XCTAssertNotNil(PeriodSegments(time: .timestamp(overTheSetBack), period: .day, zone: .utc, maximumPeriods: 100))
        XCTAssertNil(PeriodSegments(time: .date([0, 100]), period: .day, zone: .utc, maximumPeriods: 100))
        XCTAssertNotNil(PeriodSegments(time: .date([0, 99]), period: .day, zone: .utc, maximumPeriods: 100))
    }

    /// Each period's bitset holds exactly the codes of its rows, for every code width, on one
    /// core and on two.
    func test_periodUserSets_matchBruteForce_everyCodeWidth() throws {
        for (users, rows) in [(200, 3_000), (1_000, 3_000), (70_000, 20_000), (5_000, (1 << 20) + 77)] {
            var random = TestRandom(seed: UInt64(users))
            let names = (0..<rows).map { _ in "u\(random.next(below: users))" }
            let column = Column.string(names)
            let codes = try XCTUnwrap(column.codes)
            let userCount = try XCTUnwrap(column.dictionary).count
            let times = sortedTimes(rows, from: micros(2024, 2, 1), seed: UInt64(rows), step: rows > 100_000 ? 20 : 4 * 3600)
            let segments = try XCTUnwrap(PeriodSegments(time: .timestamp(times), period: .day, zone: .utc,
                                                        maximumPeriods: 100_000))
            let words = (userCount + 63) / 64
            let collected = CollectedBitsets(periods: segments.periodCount)
            PeriodUserSets.forEachPeriod(codes: codes, userCount: userCount, segments: segments) { position, bits in
                collected.store(Array(bits), at: position)
            }
            let found = collected.bitsets
            for position in 0..<segments.periodCount {
                var expected = [UInt64](repeating: 0, count: words)
                for row in segments.rows(ofPosition: position) {
                    let code = Int(codes[row])
                    expected[code / 64] |= 1 << UInt64(code % 64)
                }
                XCTAssertEqual(found[position].count, words)
                XCTAssertEqual(found[position], expected, "\(users) users, position \(position)")
                XCTAssertEqual(expected.withUnsafeBufferPointer(PeriodUserSets.count(of:)),
                               Set(segments.rows(ofPosition: position).map { codes[$0] }).count)
            }
        }
    }

    /// With the order check deferred to the pass over the codes, any decrease is caught there:
    /// at the first rows, at the boundary of the two cores' rows, and at the last row.
    func test_deferredOrderCheck_catchesEveryDecrease() throws {
        let rows = (1 << 20) + 33
        let column = Column.string((0..<rows).map { "u\($0 % 1_000)" })
        let codes = try XCTUnwrap(column.codes)
        var times = sortedTimes(rows, from: micros(2024, 2, 1), seed: 12, step: 20)
        let check = { (times: [Int64]) -> Bool? in
            guard let segments = PeriodSegments(time: .timestamp(times), period: .day, zone: self.newYork,
                                                maximumPeriods: 1_000, orderCheck: .deferred) else { return nil }
            return PeriodUserSets.forEachPeriod(codes: codes, userCount: 1_000, segments: segments,
                                                checkingOrderOf: times) { _, _ in }
        }
        XCTAssertEqual(check(times), true)
        let sorted = try XCTUnwrap(PeriodSegments(time: .timestamp(times), period: .day, zone: newYork, maximumPeriods: 1_000))
        let boundary = sorted.starts[sorted.positionSplits(parts: 2)[1]]
        for row in [1, boundary, boundary + 1, rows / 3, rows - 1] {
            let saved = times[row]
            times[row] = times[row - 1] - 1
            // Either the cutting already sees a period out of range, or the pass finds the decrease.
            XCTAssertNotEqual(check(times), true, "decrease at \(row)")
            times[row] = saved
        }
        // A decrease within the same period leaves the cutting possible: only the pass catches it.
        times[rows / 2] = times[rows / 2 - 1] - 1
        XCTAssertEqual(check(times), false)
    }
}
