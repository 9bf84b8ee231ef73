// Entry point: parse the command line, run, and turn every outcome into the documented exit status.
import ArgumentParser
import TallyREPL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints what an error means and ends the process with the documented status.
/// ArgumentParser's own code for a usage error is 64; Tally promises 2.
func exitReporting(_ error: any Error) -> Never {
    if let status = error as? ExitCode { exit(status.rawValue) }
    let message = TallyCommand.fullMessage(for: error)
    switch TallyCommand.exitCode(for: error) {
    case .success:
        // --help and `tally help run`: the text is the requested output.
        TextOutput.standardOutput.write(message.hasSuffix("\n") ? message : message + "\n")
        exit(ExitStatus.success)
    case .validationFailure:
        TextOutput.standardError.write(message + "\n")
        exit(ExitStatus.usage)
    default:
        // ArgumentParser words failures "Error: …"; Tally's diagnostics all read "error: …".
        let worded = message.hasPrefix("Error: ") ? "error: " + message.dropFirst(7) : Substring(message)
        TextOutput.standardError.write(worded + "\n")
        exit(ExitStatus.queryError)
    }
}

let command: any ParsableCommand
do {
    command = try TallyCommand.parseAsRoot()
} catch {
    exitReporting(error)
}

do {
    var runnable = command
    try runnable.run()
    exit(ExitStatus.success)
} catch {
    exitReporting(error)
}
