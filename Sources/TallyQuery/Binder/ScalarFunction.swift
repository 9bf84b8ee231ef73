// The built-in scalar functions the binder can resolve a call to.

/// Built-in scalar functions. Type rules live in `ScalarFunctionBinder`, kernels in `Functions/`.
public enum ScalarFunction: String, Sendable, CaseIterable {
    // time buckets and parts, in the session time zone
    case hour, day, date, week, month, year, bin, dayofweek, hourofday
    // strings
    case lower, upper, length, trim, substring, concat, replace
    // math
    case abs, round, floor, ceil, sqrt, ln, log10, exp, pow, least, greatest, coalesce
    // casts
    case int, float, string, timestamp, bool, duration
}

/// Aggregate functions, allowed in `summarize`.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, countif, dcount, sum, avg, min, max, median, percentile, first, last
}
