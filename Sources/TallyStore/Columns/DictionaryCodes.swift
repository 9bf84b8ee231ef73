// The per-row codes of a string column, stored at the narrowest width the dictionary allows.

/// Per-row dictionary codes, 1, 2 or 4 bytes each depending on the number of distinct values.
///
/// An event-name column with a few dozen names costs one byte per row; a user column with a
/// million users four. This is what keeps (user, time, event) within 16 bytes per event.
public enum DictionaryCodes: Sendable, Equatable {
    case u8([UInt8])
    case u16([UInt16])
    case u32([UInt32])

    /// Narrowest encoding of `codes` for a dictionary of `distinctCount` values.
    public init(_ codes: [UInt32], distinctCount: Int) {
        if distinctCount <= Int(UInt8.max) + 1 {
            self = .u8(codes.map { UInt8(truncatingIfNeeded: $0) })
        } else if distinctCount <= Int(UInt16.max) + 1 {
            self = .u16(codes.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            self = .u32(codes)
        }
    }

    public var count: Int {
        switch self {
        case .u8(let codes): return codes.count
        case .u16(let codes): return codes.count
        case .u32(let codes): return codes.count
        }
    }

    @inline(__always)
    public subscript(row: Int) -> UInt32 {
        switch self {
        case .u8(let codes): return UInt32(codes[row])
        case .u16(let codes): return UInt32(codes[row])
        case .u32(let codes): return codes[row]
        }
    }

    /// Every code as `UInt32`; a copy unless the storage already is 4 bytes wide.
    public var widened: [UInt32] {
        switch self {
        case .u8(let codes): return codes.map(UInt32.init)
        case .u16(let codes): return codes.map(UInt32.init)
        case .u32(let codes): return codes
        }
    }

    public var bytesPerCode: Int {
        switch self {
        case .u8: return 1
        case .u16: return 2
        case .u32: return 4
        }
    }

    public var byteCount: Int { count * bytesPerCode }

    /// The codes of rows `indices`, in that order, at the same width.
    public func gathered(_ indices: [Int]) -> DictionaryCodes {
        switch self {
        case .u8(let codes): return .u8(indices.map { codes[$0] })
        case .u16(let codes): return .u16(indices.map { codes[$0] })
        case .u32(let codes): return .u32(indices.map { codes[$0] })
        }
    }
}
