// Runs the independent Python computations (DuckDB, chDB) that tests compare Tally against.
import Foundation

/// A Python script computing a metric with a peer engine, run as a child process.
///
/// The peers are installed by `.ci/run` (`pip install -r Tests/requirements.txt`). A missing
/// peer is a failure with the install command in the message, never a skip: a cross-check
/// that did not run has not passed.
public enum PythonPeer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Runs `python3 script arguments…` (script relative to the repository root) with `input`
    /// on stdin and returns its stdout.
    /// - Throws: `Failure` with the script's stderr when it exits non-zero.
    public static func run(_ script: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent(script).path] + arguments
        process.currentDirectoryURL = repositoryRoot
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1_000) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            let hint = message.contains("ModuleNotFoundError")
                ? "\ninstall the peers with: python3 -m pip install -r Tests/requirements.txt" : ""
            throw Failure(description: "python3 \(script) failed (\(process.terminationStatus)):\n\(message)\(hint)")
        }
        return output
    }

    /// Runs a script and decodes its stdout as JSON.
    public static func json<T: Decodable>(_ type: T.Type, _ script: String, arguments: [String] = [],
                                          input: Data? = nil) throws -> T {
        let data = try run(script, arguments: arguments, input: input)
        return try JSONDecoder().decode(T.self, from: data)
    }
}
