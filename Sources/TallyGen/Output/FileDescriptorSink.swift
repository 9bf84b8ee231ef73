// A large output buffer flushed to a file descriptor with few, big write(2) calls.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Accumulates bytes in a 4 MiB buffer and writes it out whole, retrying partial writes and
/// interrupted calls. Rows are formatted straight into the buffer (see `CSVRowEncoder`), so no
/// `String` or array is created per row.
final class FileDescriptorSink {
    static let capacity = 4 << 20
    /// Room always guaranteed for one row; the longest possible row is well under this.
    static let rowReserve = 512

    private let descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = .allocate(capacity: Self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Makes room for at least one more row, flushing when the buffer is nearly full.
    @inline(__always)
    func reserveRow() throws {
        if count > Self.capacity - Self.rowReserve { try flush() }
    }

    /// Where the next byte goes; callers advance with `advance(by:)` after writing.
    @inline(__always)
    var cursor: UnsafeMutablePointer<UInt8> { buffer + count }

    @inline(__always)
    func advance(by written: Int) { count += written }

    /// Appends bytes that may be longer than a row (headers).
    func append(_ bytes: [UInt8]) throws {
        for byte in bytes {
            if count == Self.capacity { try flush() }
            buffer[count] = byte
            count += 1
        }
    }

    /// Writes everything buffered so far.
    func flush() throws {
        var offset = 0
        while offset < count {
            let written = write(descriptor, buffer + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw EventGenerator.WriteError(errno: errno)
            }
            offset += written
        }
        count = 0
    }
}
