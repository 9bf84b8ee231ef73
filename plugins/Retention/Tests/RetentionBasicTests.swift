// Hand-computed retention on tiny logs: exact vs unbounded, predicates, ends of data, nulls.
import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RetentionBasicTests: XCTestCase {
    /// Weeks (Monday start) 03-04, 03-11, 03-18, 03-25; the data ends on 03-27 (week 03-25).
    /// a: signup 03-04, back 03-12 (k1) and 03-27 (k3). b: signup 03-06, back 03-06 (k0),
    /// purchase 03-20 (k2). c: signup 03-13 (cohort 03-11), back 03-14 (k0) and 03-27 (k2).
    private let threeUsers = eventTable([
        EventRow("a", utc(2024, 3, 4, 10), "signup"),
        EventRow("b", utc(2024, 3, 6, 9), "signup"),
        EventRow("b", utc(2024, 3, 6, 11), "app_open"),
        EventRow("a", utc(2024, 3, 12), "app_open"),
        EventRow("c", utc(2024, 3, 13), "signup"),
        EventRow("c", utc(2024, 3, 14), "app_open"),
        EventRow("b", utc(2024, 3, 20), "purchase"),
        EventRow("a", utc(2024, 3, 27), "app_open"),
        EventRow("c", utc(2024, 3, 27, 18), "app_open"),
    ])

    func test_exact_anyReturn_nullPastTheData() throws {
        let rows = compactRows(try runRetention(threeUsers, start: "signup", horizon: 4))
        XCTAssertEqual(rows, [
            "2024-03-04 0 2 2", "2024-03-04 1 2 1", "2024-03-04 2 2 1", "2024-03-04 3 2 1", "2024-03-04 4 2 null",
            "2024-03-11 0 1 1", "2024-03-11 1 1 0", "2024-03-11 2 1 1", "2024-03-11 3 1 null", "2024-03-11 4 1 null",
            "avg 0 3 3", "avg 1 3 1", "avg 2 3 2", "avg 3 2 1", "avg 4 0 null",
        ])
    }

    func test_unbounded_sameData() throws {
        let rows = compactRows(try runRetention(threeUsers, start: "signup", horizon: 4, mode: "unbounded"))
        XCTAssertEqual(rows, [
            "2024-03-04 0 2 2", "2024-03-04 1 2 2", "2024-03-04 2 2 2", "2024-03-04 3 2 1", "2024-03-04 4 2 null",
            "2024-03-11 0 1 1", "2024-03-11 1 1 1", "2024-03-11 2 1 1", "2024-03-11 3 1 null", "2024-03-11 4 1 null",
            "avg 0 3 3", "avg 1 3 3", "avg 2 3 3", "avg 3 2 1", "avg 4 0 null",
        ])
    }

    func test_returnPredicate_purchaseOnly() throws {
        let rows = compactRows(try runRetention(threeUsers, start: "signup", return: "purchase", horizon: 3))
        XCTAssertEqual(rows, [
            "2024-03-04 0 2 2", "2024-03-04 1 2 0", "2024-03-04 2 2 1", "2024-03-04 3 2 0",
            "2024-03-11 0 1 1", "2024-03-11 1 1 0", "2024-03-11 2 1 0", "2024-03-11 3 1 null",
            "avg 0 3 3", "avg 1 3 0", "avg 2 3 1", "avg 3 2 0",
        ])
    }

    /// Default start = any event: every user's cohort is their first event's week.
    func test_defaultStart_anyEvent() throws {
        let rows = compactRows(try runRetention(threeUsers, horizon: 1))
        XCTAssertEqual(rows, ["2024-03-04 0 2 2", "2024-03-04 1 2 1", "2024-03-11 0 1 1", "2024-03-11 1 1 0",
                              "avg 0 3 3", "avg 1 3 1"])
    }

    func test_horizonZero_onlyCohortSizes() throws {
        let rows = compactRows(try runRetention(threeUsers, start: "signup", horizon: 0))
        XCTAssertEqual(rows, ["2024-03-04 0 2 2", "2024-03-11 0 1 1", "avg 0 3 3"])
    }

    /// Start and return on the same row and at the same instant: both are in period 0, which is
    /// the cohort size whatever happens in it, so nothing is retained later.
    func test_sameTimestampStartAndReturn_onlyPeriodZero() throws {
        let table = eventTable([
            EventRow("a", utc(2024, 3, 4), "signup"),
            EventRow("a", utc(2024, 3, 4), "purchase"),
            EventRow("z", utc(2024, 3, 12), "app_open"),
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", return: "purchase", horizon: 1)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 0", "avg 0 1 1", "avg 1 1 0"])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 0", "avg 0 1 1", "avg 1 1 0"])
    }

    /// Return events in periods before the cohort never count; one in the cohort's own period but
    /// earlier than the start is in period 0 only.
    func test_returnBeforeStart_ignored() throws {
        let table = eventTable([
            EventRow("d", utc(2024, 2, 26), "purchase"),  // week 02-26: before the cohort
            EventRow("d", utc(2024, 3, 4, 8), "purchase"),  // same week, before the signup
            EventRow("d", utc(2024, 3, 5), "signup"),  // cohort 03-04
            EventRow("z", utc(2024, 3, 19), "app_open"),  // data runs to week 03-18
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", return: "purchase", horizon: 2)), [
            "2024-03-04 0 1 1", "2024-03-04 1 1 0", "2024-03-04 2 1 0", "avg 0 1 1", "avg 1 1 0", "avg 2 1 0",
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", return: "purchase", horizon: 2,
                                                    mode: "unbounded")),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 0", "2024-03-04 2 1 0", "avg 0 1 1", "avg 1 1 0",
                        "avg 2 1 0"])
    }

    /// Rows with a null user or a null time are ignored; a null start predicate is "not a start".
    /// A null-user row still has a time, so it extends the data; a null-time row does not.
    func test_nullUserTimeAndPredicate() throws {
        let table = eventTable([
            EventRow("a", utc(2024, 3, 4), "signup"),
            EventRow("b", utc(2024, 3, 5), nil),  // predicate null: b never starts
            EventRow("b", utc(2024, 3, 12), "app_open"),
            EventRow(nil, utc(2024, 3, 5), "signup"),  // no user
            EventRow("c", nil, "signup"),  // no time
            EventRow("a", nil, "app_open"),  // no time: not a return
            EventRow(nil, utc(2024, 3, 19), "app_open"),  // no user, but the data reaches week 03-18
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 3)), [
            "2024-03-04 0 1 1", "2024-03-04 1 1 0", "2024-03-04 2 1 0", "2024-03-04 3 1 null",
            "avg 0 1 1", "avg 1 1 0", "avg 2 1 0", "avg 3 0 null",
        ])
    }

    func test_emptyInput_typedEmptyTable() throws {
        let empty = eventTable([])
        let result = try runRetention(empty, start: "signup")
        XCTAssertEqual(result.rowCount, 0)
        XCTAssertEqual(result.fields, Retention.outputFields)
        XCTAssertEqual(try RetentionPlugin().outputFields(arguments: BoundArguments(), input: empty.fields),
                       Retention.outputFields)
    }

    func test_noStartEvent_noRows() throws {
        let table = eventTable([EventRow("a", utc(2024, 3, 4), "app_open")])
        XCTAssertEqual(try runRetention(table, start: "signup").rowCount, 0)
    }

    /// Grouped (`by`): the whole input sets the end of the data, so a group's later periods are
    /// known zeros rather than nulls.
    func test_wholeInput_setsEndOfData() throws {
        let group = eventTable([EventRow("a", utc(2024, 3, 4), "signup")])
        let whole = eventTable([EventRow("a", utc(2024, 3, 4), "signup"), EventRow("b", utc(2024, 3, 12), "signup")])
        XCTAssertEqual(compactRows(try runRetention(group, start: "signup", horizon: 2, wholeInput: whole)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 0", "2024-03-04 2 1 null",
                        "avg 0 1 1", "avg 1 1 0", "avg 2 0 null"])
        XCTAssertEqual(compactRows(try runRetention(group, start: "signup", horizon: 1)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 null", "avg 0 1 1", "avg 1 0 null"])
    }

    /// Rows out of time order give the same answer as sorted rows.
    func test_unsortedInput_sameAsSorted() throws {
        var rows: [EventRow] = []
        for index in 0..<threeUsers.rowCount {
            let cells = threeUsers.row(index)
            guard case .string(let user) = cells[0], case .timestamp(let time) = cells[1],
                  case .string(let event) = cells[2] else { return XCTFail("bad fixture") }
            rows.append(EventRow(user, time, event))
        }
        let reversed = eventTable(rows.reversed())
        for mode in ["exact", "unbounded"] {
            for cohort in ["first", "recurring"] {
                XCTAssertEqual(compactRows(try runRetention(reversed, start: "signup", horizon: 4, mode: mode, cohort: cohort)),
                               compactRows(try runRetention(threeUsers, start: "signup", horizon: 4, mode: mode, cohort: cohort)))
            }
        }
    }

    func test_integerUsersAndDateTimes() throws {
        // Scattered ids take the hash path; dates are local days already.
        let users = Column.int([5_000_000_000, 7, 5_000_000_000, -3])
        let days = Column.date([utc(2024, 3, 4), utc(2024, 3, 5), utc(2024, 3, 12), utc(2024, 3, 13)]
            .map { $0 / CivilTime.microsPerDay })
        let table = try Table([("uid", users), ("day", days)])
        let result = try runRetention(table, horizon: 1, extra: ["user": .column("uid"), "time": .column("day")])
        XCTAssertEqual(compactRows(result), ["2024-03-04 0 2 2", "2024-03-04 1 2 1", "2024-03-11 0 1 1",
                                             "2024-03-11 1 1 null", "avg 0 3 3", "avg 1 2 1"])
    }

    func test_missingUserColumn_error() {
        let table = try! Table([("ts", Column.timestamp([0]))])
        XCTAssertThrowsError(try runRetention(table)) { error in
            XCTAssertEqual((error as? PluginError)?.message,
                           "no user column: none is named `user_id`, `user`, `distinct_id`, `uid`, `customer_id`")
        }
    }
}
