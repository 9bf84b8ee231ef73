// The exit statuses of `tally`, in one place.

/// Exit statuses, as promised in `tally --help`.
enum ExitStatus {
    static let success: Int32 = 0
    /// A statement failed (syntax, unknown name, runtime error, cancellation).
    static let queryError: Int32 = 1
    /// The command line itself was wrong.
    static let usage: Int32 = 2
    /// A data file could not be read as asked (sysexits' EX_DATAERR).
    static let badInput: Int32 = 65
}

