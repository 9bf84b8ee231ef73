// The snapshot file layout: constants, type and encoding codes, and the doc that defines the format.

/// The binary columnar snapshot format (`save t to "x.tally"`, `load "x.tally" as t`).
///
/// A snapshot holds one table. Every integer is little-endian; every section starts at a multiple
/// of 8 bytes (padding is zero), so a later reader could map the file and use the buffers in place.
///
///     offset  size  header (64 bytes)
///     0       8     magic "TALLYSNP"
///     8       4     format version (u32), currently 1
///     12      4     flags (u32), 0
///     16      8     column count
///     24      8     row count
///     32      8     directory length in bytes (a multiple of 8; the directory starts at 64)
///     40      8     file length in bytes
///     48      8     header checksum: SnapshotHash of bytes 0..<48
///     56      8     directory checksum: SnapshotHash of the directory
///
/// The directory holds one entry per column, in table order, each a multiple of 8 bytes:
///
///     0       4     name length in bytes (u32)
///     4       1     type: 0 int, 1 float, 2 bool, 3 string, 4 timestamp, 5 duration, 6 date
///     5       1     encoding: 0 int64, 1 float64, 2 bool (one byte, 0 or 1), 3/4/5 dictionary codes u8/u16/u32
///     6       1     1 when a validity bitmap is present, else 0
///     7       1     0
///     8       8     dictionary value count (string columns; else 0)
///     16      96    four sections, each (offset, length, checksum) as three u64: values (or codes),
///                   validity bitmap, dictionary offsets, dictionary bytes; absent ones are all zero
///     112     n     the column name, UTF-8, zero-padded to a multiple of 8
///
/// Sections follow the directory. Values are `rowCount` little-endian elements of the encoding's
/// width. The validity bitmap is `(rowCount + 63) / 64` u64 words, bit `row % 64` of word `row / 64`
/// set when the row holds a value. A dictionary is `count + 1` u64 offsets into a UTF-8 arena
/// (value `code` is bytes `offsets[code] ..< offsets[code + 1]`); columns sharing one dictionary
/// in memory point at the same two sections. Each section's checksum is `SnapshotHash` of its
/// bytes, so damage anywhere in the file is found, and sections can be checked in parallel.
public enum SnapshotFormat {
    /// The first eight bytes of every snapshot.
    public static let magic: [UInt8] = Array("TALLYSNP".utf8)
    /// The version this build writes and the newest it reads.
    public static let version: UInt32 = 1
    /// The extension `save` suggests and `load` recognises.
    public static let fileExtension = ".tally"

    static let headerSize = 64
    static let entryFixedSize = 112
    static let sectionsPerColumn = 4

    /// True when `buffer` starts with the snapshot magic.
    public static func hasMagic(_ buffer: UnsafeRawBufferPointer) -> Bool {
        buffer.count >= magic.count && zip(buffer.prefix(magic.count), magic).allSatisfy { $0 == $1 }
    }

    /// `value` rounded up to a multiple of 8.
    static func aligned(_ value: Int) -> Int { (value + 7) & ~7 }

    /// Stable on-disk numbers for the logical types (independent of `DataType`'s declaration order).
    static let typeCodes: [DataType: UInt8] = [
        .int: 0, .float: 1, .bool: 2, .string: 3, .timestamp: 4, .duration: 5, .date: 6,
    ]

    static func type(code: UInt8) -> DataType? { typeCodes.first { $0.value == code }?.key }
}

/// How a column's values are laid out in its values section.
enum SnapshotEncoding: UInt8 {
    case int64 = 0
    case float64 = 1
    case bool = 2
    case codes8 = 3
    case codes16 = 4
    case codes32 = 5

    /// Bytes per row in the values section.
    var width: Int {
        switch self {
        case .int64, .float64: return 8
        case .bool, .codes8: return 1
        case .codes16: return 2
        case .codes32: return 4
        }
    }

    /// Whether this encoding can hold a column of `type`.
    func fits(_ type: DataType) -> Bool {
        switch self {
        case .int64: return type.isInt64Backed
        case .float64: return type == .float
        case .bool: return type == .bool
        case .codes8, .codes16, .codes32: return type == .string
        }
    }
}

/// Where one section lies in the file, and the checksum of its bytes.
struct SnapshotSection: Equatable {
    var offset: Int
    var length: Int
    var checksum: UInt64

    static let absent = SnapshotSection(offset: 0, length: 0, checksum: 0)
}

/// One directory entry: a column's name, type, encoding and sections.
struct SnapshotColumnEntry {
    var name: String
    var type: DataType
    var encoding: SnapshotEncoding
    var hasValidity: Bool
    var dictionaryCount: Int
    var values: SnapshotSection
    var validity: SnapshotSection
    var dictionaryOffsets: SnapshotSection
    var dictionaryBytes: SnapshotSection

    /// Bytes this entry takes in the directory.
    var encodedSize: Int { SnapshotFormat.entryFixedSize + SnapshotFormat.aligned(name.utf8.count) }
}

#if _endian(big)
#error("snapshots store little-endian buffers copied as they are; a big-endian port must swap them")
#endif
