// The fixed words of the output (names, digit pairs) as raw bytes in one allocation.

/// Byte copies of every name the writer emits, so encoding a row is a handful of short copies.
final class TextPool {
    /// A word's place in the pool.
    struct Word {
        var offset: Int
        var length: Int
    }

    private let storage: UnsafeMutablePointer<UInt8>
    let events: [Word]
    let channels: [Word]
    let countries: [Word]
    let platforms: [Word]
    /// "00", "01", … "99": two bytes each from `digitPairs`.
    let digitPairs: UnsafeMutablePointer<UInt8>

    init() {
        var bytes: [UInt8] = []
        func add(_ names: [String]) -> [Word] {
            names.map { name in
                let word = Word(offset: bytes.count, length: name.utf8.count)
                bytes.append(contentsOf: name.utf8)
                return word
            }
        }
        events = add(Vocabulary.eventNames)
        channels = add(Vocabulary.channels)
        countries = add(Vocabulary.countries)
        platforms = add(Vocabulary.platforms)
        storage = .allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        digitPairs = .allocate(capacity: 200)
        for value in 0..<100 {
            digitPairs[2 * value] = UInt8(ascii: "0") + UInt8(value / 10)
            digitPairs[2 * value + 1] = UInt8(ascii: "0") + UInt8(value % 10)
        }
    }

    deinit {
        storage.deallocate()
        digitPairs.deallocate()
    }

    /// Copies `word` to `target` and returns the number of bytes written.
    @inline(__always)
    func copy(_ word: Word, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target.update(from: storage + word.offset, count: word.length)
        return word.length
    }
}
