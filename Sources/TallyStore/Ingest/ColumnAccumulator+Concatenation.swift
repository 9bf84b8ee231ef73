// Joins the chunks of one column, parsed in parallel, into the finished Column (one copy).

extension ColumnAccumulator {
    /// The column made of `parts` in order (all of this column's type). The first part's
    /// dictionary keeps its codes; each later part's values are interned into it and its codes
    /// re-mapped, so the dictionary is in first-seen order over the whole input, exactly as a
    /// single-threaded parse builds it. Each part's memory is freed once copied.
    ///
    /// - Complexity: O(rows + distinct values of the later parts).
    static func concatenate(_ parts: [ColumnAccumulator]) -> Column {
        let type = parts[0].type
        let total = parts.reduce(0) { $0 + $1.count }
        let validity = concatenatedValidity(parts, total: total)
        switch type {
        case .int, .timestamp, .duration, .date:
            let values = concatenatedValues(parts, total: total, as: Int64.self)
            return Column(type: type, storage: .int64(values), validity: validity)
        case .float:
            let values = concatenatedValues(parts, total: total, as: Double.self)
            return Column(type: type, storage: .float(values), validity: validity)
        case .bool:
            let values = concatenatedValues(parts, total: total, as: Bool.self)
            return Column(type: type, storage: .bool(values), validity: validity)
        case .string:
            return concatenatedStrings(parts, total: total, validity: validity)
        }
    }

    /// Fixed-width values copied back to back (bit patterns are copied as they are).
    private static func concatenatedValues<Element>(_ parts: [ColumnAccumulator], total: Int,
                                                    as: Element.Type) -> [Element] {
        let values = [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            var offset = 0
            for part in parts {
                UnsafeMutableRawPointer(buffer.baseAddress! + offset)
                    .copyMemory(from: part.values, byteCount: part.count * MemoryLayout<Element>.stride)
                offset += part.count
                part.release()
            }
            initialized = total
        }
        return values
    }

    private static func concatenatedStrings(_ parts: [ColumnAccumulator], total: Int,
                                            validity: ValidityBitmap?) -> Column {
        // Moved out, so interning the later parts' values does not copy the first part's tables.
        var dictionary = parts[0].dictionary
        parts[0].dictionary = StringDictionaryBuilder()
        // Per later part, its code -> merged code.
        let remaps: [[UInt32]] = parts.dropFirst().map { part in
            let values = part.dictionary.build()
            return values.bytes.withUnsafeBytes { arena in
                (0..<values.count).map { code in
                    dictionary.intern(UnsafeRawBufferPointer(rebasing: arena[values.offsets[code]..<values.offsets[code + 1]]))
                }
            }
        }
        let built = dictionary.build()
        let codes: DictionaryCodes
        if built.count <= 256 {
            codes = .u8(concatenatedCodes(parts, remaps: remaps, total: total, as: UInt8.self))
        } else if built.count <= 65_536 {
            codes = .u16(concatenatedCodes(parts, remaps: remaps, total: total, as: UInt16.self))
        } else {
            codes = .u32(concatenatedCodes(parts, remaps: remaps, total: total, as: UInt32.self))
        }
        return Column(type: .string, storage: .string(codes, built), validity: validity)
    }

    /// Every part's codes at the merged width; parts after the first through their re-map.
    private static func concatenatedCodes<Code: FixedWidthInteger>(_ parts: [ColumnAccumulator], remaps: [[UInt32]],
                                                                  total: Int, as: Code.Type) -> [Code] {
        [Code](unsafeUninitializedCapacity: total) { buffer, initialized in
            var offset = 0
            for (index, part) in parts.enumerated() {
                let target = buffer.baseAddress! + offset
                if index == 0 {
                    part.copyCodes(to: target) { $0 }
                } else {
                    remaps[index - 1].withUnsafeBufferPointer { remap in
                        part.copyCodes(to: target) { remap[Int($0)] }
                    }
                }
                offset += part.count
                part.release()
            }
            initialized = total
        }
    }

    /// Writes this part's codes, mapped by `map`, to `target` at `Code` width.
    @inline(__always)
    private func copyCodes<Code: FixedWidthInteger>(to target: UnsafeMutablePointer<Code>,
                                                    _ map: (UInt32) -> UInt32) {
        switch width {
        case 1:
            let source = values.assumingMemoryBound(to: UInt8.self)
            for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(UInt32(source[row]))) }
        case 2:
            let source = values.assumingMemoryBound(to: UInt16.self)
            for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(UInt32(source[row]))) }
        default:
            let source = values.assumingMemoryBound(to: UInt32.self)
            for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(source[row])) }
        }
    }

    /// The parts' null marks back to back, or nil when no part has a null.
    private static func concatenatedValidity(_ parts: [ColumnAccumulator], total: Int) -> ValidityBitmap? {
        guard parts.contains(where: { $0.validityWords != nil }) else { return nil }
        var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
        var offset = 0
        words.withUnsafeMutableBufferPointer { target in
            for part in parts {
                let partWords = (part.count + 63) >> 6
                for index in 0..<partWords {
                    var word = part.validityWords?[index] ?? ~0
                    let valid = part.count - index * 64
                    if valid < 64 { word &= (1 << UInt64(valid)) - 1 }
                    let bit = offset + index * 64
                    target[bit >> 6] |= word << UInt64(bit & 63)
                    if bit & 63 != 0, (bit >> 6) + 1 < target.count {
                        target[(bit >> 6) + 1] |= word >> UInt64(64 - (bit & 63))
                    }
                }
                offset += part.count
            }
        }
        return ValidityBitmap(words: words, count: total)
    }
}
