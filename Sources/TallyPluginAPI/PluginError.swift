// A plugin's failure, located at a parameter or a row so the engine can point at it.

/// A failure raised by a plugin. The engine turns it into a diagnostic with a caret under the
/// named argument (or the stage name).
public struct PluginError: Error, Sendable, Equatable {
    public var message: String
    /// The parameter at fault, if any.
    public var parameter: String?
    /// The 0-based input row at fault, if any (the engine reports it 1-based).
    public var row: Int?
    public var hints: [String]
    public var isCancellation: Bool

    public init(_ message: String, parameter: String? = nil, row: Int? = nil, hints: [String] = []) {
        self.message = message
        self.parameter = parameter
        self.row = row
        self.hints = hints
        self.isCancellation = false
    }

    public static var cancelled: PluginError {
        var error = PluginError("query cancelled")
        error.isCancellation = true
        return error
    }
}
