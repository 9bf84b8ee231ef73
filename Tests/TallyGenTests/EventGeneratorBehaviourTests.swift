// Test plan: the simulated product looks like one — signup first, payloads on the right events,
// a narrowing funnel, decaying retention, channel-dependent conversion and NPS.
import XCTest
import TallyGen

final class EventGeneratorBehaviourTests: XCTestCase {
    /// One medium log shared by the tests (generation is deterministic, so sharing is safe).
    nonisolated(unsafe) static var cachedRows: [CSVRow]?

    private func rows() throws -> [CSVRow] {
        if let rows = Self.cachedRows { return rows }
        let rows = try GeneratedLog(.init(events: 200_000, seed: 42)).rows
        Self.cachedRows = rows
        return rows
    }

    func test_everyUsersFirstEvent_isSignup_andSignupHappensOnce() throws {
        var seen = Set<Substring>()
        var signups: [Substring: Int] = [:]
        for row in try rows() {
            if seen.insert(row.userId).inserted { XCTAssertEqual(row.event, "signup", String(row.userId)) }
            if row.event == "signup" { signups[row.userId, default: 0] += 1 }
        }
        XCTAssertEqual(signups.count, seen.count)
        XCTAssertTrue(signups.values.allSatisfy { $0 == 1 })
    }

    func test_activation_atMostOncePerUser_andFollowsSignup() throws {
        var activations: [Substring: Int] = [:]
        for row in try rows() where row.event == "activation" { activations[row.userId, default: 0] += 1 }
        let users = Set(try rows().map(\.userId))
        XCTAssertTrue(activations.values.allSatisfy { $0 == 1 })
        // A real share activates, not all.
        let share = Double(activations.count) / Double(users.count)
        XCTAssertGreaterThan(share, 0.3)
        XCTAssertLessThan(share, 0.8)
    }

    func test_amount_onlyAndAlwaysOnPurchase() throws {
        for row in try rows() {
            XCTAssertEqual(row.amount.isEmpty, row.event != "purchase", "\(row.fields)")
            if let amount = Double(row.amount) { XCTAssertGreaterThan(amount, 0) }
        }
    }

    func test_score_onlyOnNPS_between0And10() throws {
        for row in try rows() {
            XCTAssertEqual(row.score.isEmpty, row.event != "nps_survey", "\(row.fields)")
            if let score = Int(row.score) { XCTAssertTrue((0...10).contains(score)) }
        }
    }

    func test_funnel_narrowsAtEveryStep() throws {
        var counts: [Substring: Int] = [:]
        for row in try rows() { counts[row.event, default: 0] += 1 }
        let steps = ["app_open", "view_item", "add_to_cart", "checkout", "purchase"].map { counts[Substring($0)] ?? 0 }
        XCTAssertGreaterThan(steps[1], steps[2])
        XCTAssertGreaterThan(steps[2], steps[3])
        XCTAssertGreaterThan(steps[3], steps[4])
        XCTAssertGreaterThan(steps[4], 0)
        XCTAssertGreaterThan(counts["nps_survey"] ?? 0, 0)
        XCTAssertEqual(counts.count, 8)
    }

    func test_retention_decays_andKeepsAPlateau() throws {
        // Active users on day k after signup, among those who signed up in the first 30 days.
        var signupDay: [Substring: Int] = [:]
        var activeByOffset: [Int: Set<Substring>] = [:]
        for row in try rows() {
            let day = Self.dayNumber(row.day)
            if row.event == "signup" { signupDay[row.userId] = day }
            guard let start = signupDay[row.userId], start < Self.dayNumber("2024-01-31") else { continue }
            activeByOffset[day - start, default: []].insert(row.userId)
        }
        let active = { (k: Int) in activeByOffset[k]?.count ?? 0 }
        XCTAssertGreaterThan(active(1), active(7))
        XCTAssertGreaterThan(active(7), active(28))
        XCTAssertGreaterThan(active(28), active(0) / 50, "a plateau of loyal users remains")
        XCTAssertLessThan(active(1), active(0) / 2)
    }

    func test_amounts_areSkewed_meanAboveMedian() throws {
        let amounts = try rows().compactMap { Double($0.amount) }.sorted()
        let mean = amounts.reduce(0, +) / Double(amounts.count)
        let median = amounts[amounts.count / 2]
        XCTAssertGreaterThan(mean, median * 1.5)
    }

    func test_referralPromotes_moreThanSocial() throws {
        var scores: [Substring: [Int]] = [:]
        for row in try rows() { if let score = Int(row.score) { scores[row.channel, default: []].append(score) } }
        let average = { (channel: Substring) -> Double in
            let values = scores[channel] ?? []
            return Double(values.reduce(0, +)) / Double(max(values.count, 1))
        }
        XCTAssertGreaterThan(average("referral"), average("social") + 0.5)
    }

    func test_channelAndCountry_areFixedPerUser() throws {
        var attributes: [Substring: [Substring]] = [:]
        for row in try rows() {
            let mine = [row.channel, row.country, row.platform]
            if let known = attributes[row.userId] { XCTAssertEqual(known, mine) } else { attributes[row.userId] = mine }
        }
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` in 2024 (enough for these tests).
    static func dayNumber(_ date: Substring) -> Int {
        let parts = date.split(separator: "-").map { Int($0)! }
        let monthStarts = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335]
        return 19_723 + monthStarts[parts[1] - 1] + parts[2] - 1
    }
}
