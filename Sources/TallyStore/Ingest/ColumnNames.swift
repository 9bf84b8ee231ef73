// Turns raw header names into usable, unique column names.

/// Names for the columns of a loaded table.
///
/// An empty name becomes `columnN` (N = 1-based position). A name already taken gets the first
/// free suffix `_2`, `_3`, …, so `id,id,id` becomes `id`, `id_2`, `id_3`. Earlier columns keep
/// their names; the first occurrence always keeps its own.
enum ColumnNames {
    static func unique(_ raw: [String]) -> [String] {
        var taken = Set<String>()
        var names: [String] = []
        names.reserveCapacity(raw.count)
        for (index, name) in raw.enumerated() {
            let base = name.isEmpty ? "column\(index + 1)" : name
            var candidate = base
            var suffix = 2
            while taken.contains(candidate) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            names.append(candidate)
        }
        return names
    }
}
