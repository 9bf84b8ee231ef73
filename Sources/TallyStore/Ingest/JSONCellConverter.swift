// Converts scanned JSON values to the payloads and strings of their final column type.

/// Reads the text of a `JSONCell` from the input and turns it into a column value.
struct JSONCellConverter {
    let base: UnsafePointer<UInt8>

    /// Calls `body` with the value's text: a string's decoded body, otherwise the JSON as written.
    func withText<R>(_ cell: JSONCell, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if cell.kind == .escapedString {
            var decoded: [UInt8] = []
            JSONString.decode(base, cell.start, cell.start + Int(cell.length), into: &decoded)
            return decoded.withUnsafeBytes(body)
        }
        return body(UnsafeRawBufferPointer(start: base + cell.start, count: Int(cell.length)))
    }

    func text(_ cell: JSONCell) -> [UInt8] { withText(cell) { Array($0) } }

    /// The payload of `cell` as `type` (not `string`), or nil when it does not parse.
    func payload(_ cell: JSONCell, as type: DataType, lenient: Bool) -> Int64? {
        if type == .string { return 0 }
        return withText(cell) { TypedValueParser.parse($0, as: type, lenient: lenient) }
    }

    /// Appends `cell` to `builder`; values that do not parse become null (callers check first).
    func append(_ cell: JSONCell, to builder: inout ColumnBuilder, lenient: Bool) {
        if cell.kind == .null {
            builder.appendNull()
            return
        }
        withText(cell) { bytes in
            let type = builder.type
            if type == .string {
                builder.append(utf8: bytes)
                return
            }
            guard let payload = TypedValueParser.parse(bytes, as: type, lenient: lenient) else {
                builder.appendNull()
                return
            }
            switch type {
            case .float: builder.append(float: Double(bitPattern: UInt64(bitPattern: payload)))
            case .bool: builder.append(bool: payload != 0)
            default: builder.append(int64: payload)
            }
        }
    }
}
