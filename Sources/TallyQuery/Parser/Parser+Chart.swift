// Parsing of the `chart` stage: a chart kind and `name: value` options.

extension Parser {
    /// chartStage -> `chart` kind (`,`? option)*
    /// option -> name `:` (column (`,` column)* | string)
    ///
    /// A comma after a column continues the list unless the next words are `name:`, so
    /// `chart line x: day, y: users, revenue` reads as x = day and y = users, revenue.
    mutating func parseChartStage() throws(Diagnostic) -> ChartStageSyntax {
        let kinds = ChartSpec.Kind.allCases.map(\.rawValue)
        guard current.kind == .identifier else { throw unexpected("a chart kind (line, bar or heatmap)") }
        let word = advance()
        guard let kind = ChartSpec.Kind(rawValue: word.text.lowercased()) else {
            let hints = Suggestion.hints(for: word.text, among: kinds)
            throw Diagnostic(kind: .syntax, message: "unknown chart kind `\(word.text)`", span: word.span,
                             hints: hints.isEmpty ? ["chart kinds are line, bar and heatmap"] : hints)
        }
        var options: [ChartOption] = []
        while !atStageEnd {
            if !options.isEmpty { _ = acceptSymbol(",") }
            guard current.kind == .identifier else { throw unexpected("a chart option such as `\(kind.optionNames[0]):`") }
            let name = advance()
            let optionName = name.text.lowercased()
            guard kind.optionNames.contains(optionName) else {
                let hints = Suggestion.hints(for: name.text, among: kind.optionNames)
                let list = kind.optionNames.map { "`\($0):`" }.joined(separator: ", ")
                throw Diagnostic(kind: .syntax, message: "unknown option `\(name.text)` for a \(kind.rawValue) chart",
                                 span: name.span, hints: hints + ["\(kind.rawValue) charts take \(list)"])
            }
            if options.contains(where: { $0.name == optionName }) {
                throw Diagnostic(kind: .syntax, message: "option `\(optionName)` is given twice", span: name.span)
            }
            _ = try expectSymbol(":", "after `\(name.text)`")
            let value: ChartOption.Value
            if optionName == "title" {
                guard case .string(let text) = current.kind else { throw unexpected("a string for the title") }
                _ = advance()
                value = .text(text)
            } else {
                var columns: [(name: String, span: SourceSpan)] = []
                repeat {
                    let column = try expectIdentifier("a column name")
                    columns.append((column.text, column.span))
                } while optionName == "y" && continuesColumnList && acceptSymbol(",")
                value = .columns(columns)
            }
            options.append(ChartOption(name: optionName, nameSpan: name.span, value: value))
        }
        return ChartStageSyntax(kind: kind, kindSpan: word.span, options: options)
    }

    /// At `, column` (more columns), not at `, name:` (the next option).
    private var continuesColumnList: Bool {
        current.isSymbol(",") && tokens[index + 1].kind == .identifier && !tokens[index + 2].isSymbol(":")
    }
}
