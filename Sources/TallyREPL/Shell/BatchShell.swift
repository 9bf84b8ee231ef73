// Statements from a pipe or a file: no prompts, errors with their line on stderr, go on unless --bail.
import TallyQuery
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs program text that arrives without a terminal: stdin, `tally run FILE`, or `-c`.
public struct BatchShell {
    private let shell: ShellState
    /// Stop at the first failing statement or command.
    private let bails: Bool

    public init(shell: ShellState, bails: Bool) {
        self.shell = shell
        self.bails = bails
    }

    /// Runs `text` line by line, as if typed, with `origin` in messages.
    /// - Returns: false when it stopped early because of `bails`.
    @discardableResult
    public func run(text: String, origin: String) -> Bool {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var accumulator = makeAccumulator(origin: origin)
        for line in lines {
            let withoutReturn = line.hasSuffix("\r") ? line.dropLast() : line
            if let chunk = accumulator.feed(String(withoutReturn)), !runChunk(chunk) { return false }
            if shell.shouldQuit { return true }
        }
        if let chunk = accumulator.finish(), !runChunk(chunk) { return false }
        return true
    }

    /// Reads standard input to its end, running statements as they become complete (so a long
    /// pipe shows results as it goes).
    @discardableResult
    public func runStandardInput() -> Bool {
        var accumulator = makeAccumulator(origin: "<stdin>")
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(0, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            buffer.append(contentsOf: chunk[0..<count])
            var lineStart = 0
            while let newline = buffer[lineStart...].firstIndex(of: 10) {
                var end = newline
                if end > lineStart && buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[lineStart..<end], as: UTF8.self)
                lineStart = newline + 1
                if let ready = accumulator.feed(line), !runChunk(ready) { return false }
                if shell.shouldQuit { return true }
            }
            buffer.removeFirst(lineStart)
        }
        if !buffer.isEmpty, let ready = accumulator.feed(String(decoding: buffer, as: UTF8.self)),
           !runChunk(ready) {
            return false
        }
        if let ready = accumulator.finish(), !runChunk(ready) { return false }
        return true
    }

    private func makeAccumulator(origin: String) -> StatementAccumulator {
        StatementAccumulator(origin: origin, locatesDotCommands: true) { [shell] text in
            shell.session.isComplete(text)
        }
    }

    /// - Returns: false when reading should stop.
    private func runChunk(_ chunk: InputChunk) -> Bool {
        shell.execute(chunk, stopOnError: bails) || !bails
    }
}
