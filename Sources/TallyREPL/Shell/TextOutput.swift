// Where the shell writes: a file descriptor in the program, a buffer in tests.
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A destination for text. Writing goes straight to the descriptor with `write(2)`, so output
/// never sits in a buffer when the process exits or readline redraws its prompt.
public struct TextOutput: Sendable {
    private let sink: @Sendable (String) -> Void

    /// Output to a closure (tests collect the text).
    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Output to file descriptor `fd` (1 = stdout, 2 = stderr).
    public static func fileDescriptor(_ fd: Int32) -> TextOutput {
        TextOutput { text in
            var text = text
            text.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    public static let standardOutput = TextOutput.fileDescriptor(1)
    public static let standardError = TextOutput.fileDescriptor(2)

    public func write(_ text: String) { sink(text) }

    /// The width in cells of the terminal on `fd`, or nil when it is not a terminal.
    public static func terminalColumns(fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
