// Joins the chunks of one column, parsed in parallel, into the finished Column.

extension ColumnAccumulator {
    /// The column made of `parts` in order (all of this column's type). The first part's arrays
    /// become the column's (no copy when they are wide enough) and the later parts are appended.
    /// The first part's dictionary keeps its codes; each later part's values are interned into
    /// it and its codes re-mapped, so the dictionary is in first-seen order over the whole input,
    /// exactly as a single-threaded parse builds it. The parts are emptied.
    ///
    /// - Complexity: O(rows of the later parts + distinct values of the later parts).
    static func concatenate(_ parts: [ColumnAccumulator]) -> Column {
        let first = parts[0]
        let total = parts.reduce(0) { $0 + $1.count }
        let validity = concatenatedValidity(parts, total: total)
        switch first.type {
        case .int, .timestamp, .duration, .date:
            return Column(type: first.type, storage: .int64(joined(parts, \.int64s)), validity: validity)
        case .float:
            return Column(type: .float, storage: .float(joined(parts, \.floats)), validity: validity)
        case .bool:
            return Column(type: .bool, storage: .bool(joined(parts, \.bools)), validity: validity)
        case .string:
            return concatenatedStrings(parts, total: total, validity: validity)
        }
    }

    /// The parts' `values` arrays end to end, each part's emptied. The first part's array is moved
    /// out before appending, so it is uniquely held and grows in place instead of being copied.
    private static func joined<Element>(_ parts: [ColumnAccumulator],
                                        _ values: ReferenceWritableKeyPath<ColumnAccumulator, [Element]>) -> [Element] {
        var joined = parts[0][keyPath: values]
        parts[0][keyPath: values] = []
        for part in parts.dropFirst() {
            joined.append(contentsOf: part[keyPath: values])
            part[keyPath: values] = []
        }
        return joined
    }

    private static func concatenatedStrings(_ parts: [ColumnAccumulator], total: Int,
                                            validity: ValidityBitmap?) -> Column {
        // Moved out, so interning the later parts' values does not copy the first part's tables.
        var dictionary = parts[0].dictionary
        parts[0].dictionary = StringDictionaryBuilder()
        // Per later part, its code -> merged code.
        let remaps: [[UInt32]] = parts.dropFirst().map { part in
            let values = part.dictionary.build()
            part.dictionary = StringDictionaryBuilder()
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
        var codes = parts[0].takeCodes(as: Code.self, reserving: total)
        for (part, remap) in zip(parts.dropFirst(), remaps) {
            let start = codes.count
            codes.append(contentsOf: repeatElement(0, count: part.count))
            codes.withUnsafeMutableBufferPointer { target in
                remap.withUnsafeBufferPointer { remap in
                    part.copyCodes(to: target.baseAddress! + start) { remap[Int($0)] }
                }
            }
            part.codes8 = []
            part.codes16 = []
            part.codes32 = []
        }
        return codes
    }

    /// This part's codes as `[Code]` (moved out when already that wide, else widened), with
    /// room for `reserving` codes.
    private func takeCodes<Code: FixedWidthInteger>(as _: Code.Type, reserving: Int) -> [Code] {
        // The merged dictionary holds this part's, so its width is at least this part's.
        var codes: [Code]
        switch codeWidth {
        case 1 where Code.self == UInt8.self: codes = unsafeBitCast(codes8, to: [Code].self)
        case 1: codes = Self.widened(codes8, reserving: reserving)
        case 2 where Code.self == UInt16.self: codes = unsafeBitCast(codes16, to: [Code].self)
        case 2: codes = Self.widened(codes16, reserving: reserving)
        default:
            precondition(Code.self == UInt32.self, "merged codes narrower than a part's")
            codes = unsafeBitCast(codes32, to: [Code].self)
        }
        // Dropped before growing, so the array is uniquely owned and grows in place.
        codes8 = []
        codes16 = []
        codes32 = []
        codes.reserveCapacity(reserving)
        return codes
    }

    /// Writes this part's codes, mapped by `map`, to `target` at `Code` width.
    @inline(__always)
    private func copyCodes<Code: FixedWidthInteger>(to target: UnsafeMutablePointer<Code>,
                                                    _ map: (UInt32) -> UInt32) {
        switch codeWidth {
        case 1:
            codes8.withUnsafeBufferPointer { source in
                for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(UInt32(source[row]))) }
            }
        case 2:
            codes16.withUnsafeBufferPointer { source in
                for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(UInt32(source[row]))) }
            }
        default:
            codes32.withUnsafeBufferPointer { source in
                for row in 0..<count { target[row] = Code(truncatingIfNeeded: map(source[row])) }
            }
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
