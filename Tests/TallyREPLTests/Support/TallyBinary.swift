// Finds the built `tally` executable and runs it with pipes, for command-line tests.
import Foundation
import XCTest

/// The real `tally` binary that `swift build` / `swift test` produced.
enum TallyBinary {
    /// `.build/<triple>/debug/tally` beside the test bundle, else `<package>/.build/debug/tally`.
    static func path(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var candidates: [String] = []
        if let bundleDirectory = CommandLine.arguments.first.map({ URL(fileURLWithPath: $0).deletingLastPathComponent() }) {
            candidates.append(bundleDirectory.appendingPathComponent("tally").path)
        }
        let packageRoot = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/tally").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        XCTFail("the tally executable was not found (looked at \(candidates.joined(separator: ", "))); run `swift build` first",
                file: file, line: line)
        throw XCTSkip("tally binary missing")
    }

    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `tally arguments` with `input` on stdin (a pipe, so not a terminal), at most `timeout`.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    workingDirectory: URL? = nil, timeout: TimeInterval = 20) throws -> Outcome {
        let process = Process()
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                XCTFail("tally \(arguments) did not finish within \(timeout) s")
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        while errorReader.isExecuting || !errorReader.isFinished { usleep(1_000) }
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }
}
