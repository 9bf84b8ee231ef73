// Dropping the already-parsed pages of a mapped input file from memory.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum InputPages {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Tells the kernel the whole pages of `base[from..<to]` are not needed now. Only for a
    /// read-only file mapping: its pages are re-read from the file if touched again (on anonymous
    /// memory this would zero them).
    /// - Returns: the offset released up to (a page boundary), to pass as `from` next time.
    static func release(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let origin = UInt(bitPattern: base)
        let mask = UInt(pageSize - 1)
        let low = (origin &+ UInt(max(0, from)) &+ mask) & ~mask
        let high = (origin &+ UInt(max(0, to))) & ~mask
        guard high > low, let address = UnsafeMutableRawPointer(bitPattern: low) else { return from }
        _ = madvise(address, Int(high - low), MADV_DONTNEED)
        return Int(high - origin)
    }
}
