// Runs a program on a pseudo-terminal and talks to it like a person at a keyboard, with timeouts.
import Foundation
import XCTest

/// A child process whose stdin, stdout and stderr are the slave side of a new pseudo-terminal,
/// which is also its controlling terminal (so Ctrl-C typed into the master sends SIGINT).
final class PseudoTerminal {
    let processID: pid_t
    private let master: Int32
    /// Everything the program printed so far.
    private var output: [UInt8] = []
    /// Where `expect` starts looking, in bytes of `output` (what is before was already matched).
    private var searchStart = 0

    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Starts `executable` with `arguments` and exactly `environment`.
    init(executable: String, arguments: [String], environment: [String: String]) throws {
        // posix_openpt/grantpt/unlockpt/ptsname are hidden from Swift's Glibc module (they need
        // _XOPEN_SOURCE), so this does what they do on Linux: open the multiplexer, unlock the
        // new terminal and ask its number, with the ioctls' values from <asm-generic/ioctls.h>.
        let getNumber: UInt = 0x8004_5430  // TIOCGPTN
        let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlocked: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, setLock, &unlocked) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw PseudoTerminalError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc applies POSIX_SPAWN_SETSID first), so it becomes the controlling tty.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSessionID: Int16 = 0x80  // POSIX_SPAWN_SETSID, not exported to Swift by Glibc
        posix_spawnattr_setflags(&attributes, setSessionID)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw PseudoTerminalError("posix_spawn failed: \(String(cString: strerror(result)))") }
        processID = child
    }

    deinit {
        var status: Int32 = 0
        if waitpid(processID, &status, WNOHANG) == 0 {
            kill(processID, SIGKILL)
            waitpid(processID, &status, 0)
        }
        close(master)
    }

    /// Types `text` (use "\r" for Enter, "\t" for Tab, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until the output after the previous match contains `needle`; fails after `timeout`.
    /// - Returns: the text from the previous match up to and including `needle`.
    @discardableResult
    func expect(_ needle: String, timeout: TimeInterval = 10, file: StaticString = #filePath,
                line: UInt = #line) throws -> String {
        guard let matched = waitFor(needle, timeout: timeout) else {
            XCTFail("timed out waiting for \(needle.debugDescription); output so far:\n\(transcript)",
                    file: file, line: line)
            throw PseudoTerminalError("timeout")
        }
        return matched
    }

    /// Like `expect`, but a timeout is an answer (nil), not a failure.
    func waitFor(_ needle: String, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = Self.endOfFirstMatch(of: Array(needle.utf8), in: output, from: searchStart) {
                let matched = String(decoding: output[searchStart..<end], as: UTF8.self)
                searchStart = end
                return matched
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readSome(waitingAtMost: remaining) else { return nil }
        }
    }

    /// Waits for the program to exit; kills it and fails after `timeout`.
    func waitForExit(timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = readSome(waitingAtMost: 0.05)
            let done = waitpid(processID, &status, WNOHANG)
            if done == processID {
                // WIFEXITED / WEXITSTATUS, spelled out: the macros are not imported.
                if status & 0x7F == 0 { return (status >> 8) & 0xFF }
                return 128 + (status & 0x7F)
            }
        }
        XCTFail("tally did not exit within \(timeout) s; output:\n\(transcript)", file: file, line: line)
        throw PseudoTerminalError("no exit")
    }

    /// Appends whatever arrives within the wait; false when nothing came (or the terminal closed).
    private func readSome(waitingAtMost seconds: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, seconds * 1000)))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        output += buffer[0..<count]
        return true
    }

    /// Byte search (String search would treat "\r\n" as one character and miss a lone "\n").
    private static func endOfFirstMatch(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for position in start...(haystack.count - needle.count)
        where haystack[position..<(position + needle.count)].elementsEqual(needle) {
            return position + needle.count
        }
        return nil
    }
}

struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
