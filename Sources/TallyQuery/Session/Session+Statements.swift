// Runs one statement against the session: binds, executes, and only then changes the session.
import TallyStore
import Foundation

extension Session {
    var catalog: Catalog { Catalog(tables: tables, definitions: definitions, registry: registry, zone: settings.zone) }

    var executionContext: ExecutionContext {
        ExecutionContext(zone: settings.zone, weekStart: settings.weekStart, cancellation: cancellation)
    }

    /// Parses, binds and plans a pipeline without running it (for tests and `.explain`).
    public func plan(_ source: SourceText) throws(Diagnostic) -> LogicalPlan {
        let statements = try Parser.parse(source, parameters: parameters)
        guard statements.count == 1, case .pipeline(let pipeline) = statements[0].kind else {
            throw Diagnostic(kind: .semantic, message: "expected exactly one pipeline", source: source)
        }
        do {
            return try Binder(catalog: catalog).bind(pipeline)
        } catch {
            var diagnostic = error
            diagnostic.source = source
            throw diagnostic
        }
    }

    /// Runs a plan from `plan(_:)` with the session's settings and cancellation flag.
    /// - Throws: `Diagnostic` (`.cancelled` when the flag is set, `.runtime` for internal faults).
    public func execute(_ plan: LogicalPlan) throws(Diagnostic) -> Table {
        try Executor(context: executionContext).execute(plan)
    }

    func execute(_ statement: Statement, in source: SourceText) throws(Diagnostic) -> StatementResult.Output {
        switch statement.kind {
        case .pipeline(let pipeline):
            return .table(try run(pipeline))
        case .letBinding(let name, let pipeline):
            let table = try run(pipeline)
            register(table, as: name)
            return .message("\(name): \(table.rowCount) row\(table.rowCount == 1 ? "" : "s")")
        case .definition(let name, let parameters, let stages):
            definitions[name] = Definition(name: name, parameters: parameters, stages: stages)
            return .none
        case .setting(let name, let nameSpan, let value, let valueSpan):
            return try applySetting(name, nameSpan, value, valueSpan)
        case .explain(let pipeline):
            return .message(try Binder(catalog: catalog).bind(pipeline).outline)
        case .save(let table, let tableSpan, let path):
            return try save(table, tableSpan: tableSpan, to: path, span: statement.span)
        case .load(let path, let name, let types, let skipErrors):
            return try load(path, as: name, types: types, skipErrors: skipErrors, span: statement.span)
        }
    }

    private func run(_ pipeline: Pipeline) throws(Diagnostic) -> Table {
        let plan = try Binder(catalog: catalog).bind(pipeline)
        return try Executor(context: executionContext).execute(plan)
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let settingNames = ["timezone", "week_start"]

    private func applySetting(_ name: String, _ nameSpan: SourceSpan, _ value: String,
                              _ valueSpan: SourceSpan) throws(Diagnostic) -> StatementResult.Output {
        switch name.lowercased() {
        case "timezone":
            guard let zone = ZoneCalendar(identifier: value) else {
                throw Diagnostic(kind: .semantic, message: "unknown time zone `\(value)`", span: valueSpan,
                                 hints: Suggestion.hints(for: value, among: TimeZone.knownTimeZoneIdentifiers))
            }
            settings.zone = zone
            return .message("timezone = \(zone.identifier)")
        case "week_start":
            guard let day = Self.weekdays.firstIndex(of: value.lowercased()) else {
                let suggestion = Suggestion.hints(for: value, among: Self.weekdays)
                throw Diagnostic(kind: .semantic, message: "unknown weekday `\(value)`", span: valueSpan,
                                 hints: suggestion.isEmpty ? ["`week_start` takes a weekday name, monday … sunday"] : suggestion)
            }
            settings.weekStart = day
            return .message("week_start = \(Self.weekdays[day])")
        default:
            throw Diagnostic(kind: .semantic, message: "unknown setting `\(name)`", span: nameSpan,
                             hints: Suggestion.hints(for: name, among: Self.settingNames))
        }
    }

    private func load(_ path: String, as name: String, types: [(String, DataType)], skipErrors: Bool,
                      span: SourceSpan) throws(Diagnostic) -> StatementResult.Output {
        var options = LoadOptions(skipErrors: skipErrors, progress: loadProgress?(path))
        options.typeOverrides = Dictionary(types, uniquingKeysWith: { _, last in last })
        let table: Table, report: LoadReport
        let allowedPath: String
        do {
            allowedPath = try fileAccess?.checkRead(path) ?? path
        } catch {
            throw Diagnostic(kind: .semantic, message: error.message, span: span, hints: error.hints)
        }
        do {
            (table, report) = try TableLoader.load(path: allowedPath, options: options)
        } catch {
            // Named as written, not as the policy resolved it: a notebook's output must not
            // depend on the folder it was replayed in.
            var located = error
            if located.file == allowedPath { located.file = path }
            throw Diagnostic(kind: .badInput, message: error.message, span: span, loadError: located)
        }
        register(table, as: name)
        var message = "loaded \(table.rowCount) row\(table.rowCount == 1 ? "" : "s") into \(name)"
        if report.skippedRows > 0 {
            message += "; skipped \(report.skippedRows) bad row\(report.skippedRows == 1 ? "" : "s")"
            if let first = report.firstSkipped { message += ", the first at \(first)" }
        }
        return .message(message)
    }
}
