// The two steps of `TimeOrderedFunnel` over one chunk of rows: the rows are split among the
// workers to compute step masks and sort step rows by their user's worker (each row's masks
// computed once), then each worker applies its own list to its own users' slots.
import TallyStore

/// One chunk's step masks and, per worker and per share of rows, the chunk-local positions of
/// the step rows of that worker's users, in row order.
struct ChunkRows: @unchecked Sendable {
    let parts: Int
    /// Rows per chunk.
    let capacity: Int
    /// Rows each sorting worker takes from a chunk (the last may take fewer).
    let shareRows: Int
    /// Per chunk row: bit k set when the row is step k + 1.
    let masks: UnsafeMutablePointer<UInt8>
    /// The list of worker `part`'s step rows in share `share` starts at `listStride × (part × parts + share)`.
    let lists: UnsafeMutablePointer<Int32>
    /// One slot more than a share's rows: the branch-free compaction writes one position past its last kept row.
    let listStride: Int
    /// `counts[part × parts + share]`: the length of that list.
    let counts: UnsafeMutablePointer<Int>
    /// Per share: whether a time decreased in it (or from the row before it).
    let decreases: UnsafeMutableBufferPointer<Bool>

    init(parts: Int, capacity: Int) {
        self.parts = parts
        self.capacity = max(capacity, 1)
        shareRows = (self.capacity + parts - 1) / parts
        listStride = shareRows + 1
        masks = .allocate(capacity: self.capacity)
        lists = .allocate(capacity: listStride * parts * parts)
        counts = .allocate(capacity: parts * parts)
        counts.initialize(repeating: 0, count: parts * parts)
        decreases = .allocate(capacity: parts)
        decreases.initialize(repeating: false)
    }

    func deallocate() {
        masks.deallocate()
        lists.deallocate()
        counts.deallocate()
        decreases.deallocate()
    }
}

/// The first step over a chunk: one share of its rows, checked for order, masked and sorted into
/// the workers' lists. Every loop is branch-free.
struct ChunkSorter<Code: FixedWidthInteger & UnsignedInteger>: @unchecked Sendable {
    let codes: UnsafePointer<Code>
    let times: UnsafePointer<Int64>
    let steps: StepPointers
    let chunk: ChunkRows
    /// The chunk's first row in the input.
    let chunkStart: Int
    /// The chunk's rows.
    let count: Int

    func run(share: Int) {
        let parts = chunk.parts
        let lower = min(count, share * chunk.shareRows)
        let upper = min(count, lower + chunk.shareRows)
        let time = times + chunkStart
        var decreases: UInt8 = 0
        var previous = chunkStart + lower > 0 ? time[lower - 1] : Int64.min
        for index in lower..<upper {
            let value = time[index]
            decreases |= unsafeBitCast(value < previous, to: UInt8.self)
            previous = value
        }
        chunk.decreases[share] = decreases != 0
        let masks = chunk.masks
        for index in lower..<upper { masks[index] = 0 }
        for step in 0..<steps.count {
            let values = UnsafeRawPointer(steps.base[step] + chunkStart).assumingMemoryBound(to: UInt8.self)
            for index in lower..<upper { masks[index] |= values[index] << UInt8(step) }
        }
        let code = codes + chunkStart
        if parts == 1 {
            let list = chunk.lists
            var kept = 0
            for index in lower..<upper {
                list[kept] = Int32(truncatingIfNeeded: index)
                kept += masks[index] != 0 ? 1 : 0
            }
            chunk.counts[0] = kept
            return
        }
        if parts == 2 {
            // Two write positions in registers: the general loop below keeps them in memory, and
            // every row's store then waits for the previous row's count.
            let even = chunk.lists + chunk.listStride * share, odd = chunk.lists + chunk.listStride * (2 + share)
            var keptEven = 0, keptOdd = 0
            for index in lower..<upper {
                let position = Int32(truncatingIfNeeded: index)
                even[keptEven] = position
                odd[keptOdd] = position
                let isStep = masks[index] != 0 ? 1 : 0
                let isOdd = Int(code[index]) & 1
                keptEven += isStep & (isOdd ^ 1)
                keptOdd += isStep & isOdd
            }
            chunk.counts[share] = keptEven
            chunk.counts[2 + share] = keptOdd
            return
        }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: parts) { kept in
            // kept[part] is the write position of `part`'s list for this share.
            for part in 0..<parts { kept[part] = chunk.listStride * (part * parts + share) }
            let partMask = parts - 1
            let lists = chunk.lists
            for index in lower..<upper {
                let part = Int(code[index]) & partMask
                lists[kept[part]] = Int32(truncatingIfNeeded: index)
                kept[part] += masks[index] != 0 ? 1 : 0
            }
            for part in 0..<parts {
                chunk.counts[part * parts + share] = kept[part] - chunk.listStride * (part * parts + share)
            }
        }
    }
}

/// The second step over a chunk: one worker's step rows, share by share (so in row order),
/// applied to its users' slots.
struct ChunkApplier<Code: FixedWidthInteger & UnsignedInteger> {
    enum Outcome { case applied, unordered, inexact }

    let codes: UnsafePointer<Code>
    let times: UnsafePointer<Int64>
    let chunk: ChunkRows
    let chunkStart: Int
    let part: Int

    /// - Returns: `.unordered` when a user has a lower step after a higher one at the same time (see
    ///   `ChainSlots.apply`); `.inexact` when 32-bit slots meet a time that is not a whole second
    ///   (the pass must run again with 64-bit slots).
    func run<Slot>(into slots: ChainSlots<Slot>) -> Outcome {
        let parts = chunk.parts
        let shift = parts.trailingZeroBitCount
        let scale = slots.layout.scale, origin = slots.layout.origin
        let code = codes + chunkStart
        let time = times + chunkStart
        let masks = chunk.masks
        for share in 0..<parts {
            let list = chunk.lists + chunk.listStride * (part * parts + share)
            let listCount = chunk.counts[part * parts + share]
            var blockStart = 0
            while blockStart < listCount {
                let blockEnd = min(listCount, blockStart + TimeOrderedFunnel.blockRows)
                // Loads the block's user state ahead of the branchy updates below, which would
                // otherwise wait for one cache miss at a time.
                var touched = 0
                for position in blockStart..<blockEnd {
                    touched &+= slots.touch(user: Int(code[Int(list[position])]) >> shift)
                }
                slots.keep(touched)
                for position in blockStart..<blockEnd {
                    let index = Int(list[position])
                    var bits = masks[index]
                    let user = Int(code[index]) >> shift
                    let micros = time[index] &* scale
                    let slotTime: Slot
                    if Slot.bitWidth == 64 {
                        slotTime = Slot(truncatingIfNeeded: micros)
                    } else {
                        // Seconds since the origin (a constant divisor: a multiply, not a division).
                        let offset = micros &- origin
                        let seconds = offset / ChainLayout.secondMicros
                        guard offset == seconds &* ChainLayout.secondMicros else { return .inexact }
                        slotTime = Slot(truncatingIfNeeded: seconds)
                    }
                    repeat {
                        // A lower step after a higher one at the same time: only the regrouping path orders that.
                        guard slots.apply(step: bits.trailingZeroBitCount + 1, time: slotTime, user: user) else {
                            return .unordered
                        }
                        bits &= bits - 1
                    } while bits != 0
                }
                blockStart = blockEnd
            }
        }
        return .applied
    }
}
