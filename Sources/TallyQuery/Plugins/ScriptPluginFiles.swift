// Script plugins: `.tally` files of `def` statements found in plugin folders.
import Foundation
import TallyPluginAPI

/// Finds script plugins on disk and registers them.
///
/// Each `def` of a `.tally` file becomes a `ScriptPlugin` named like the def. Its summary is the
/// comment block just above the def when there is one, else the file's leading comment block.
public enum ScriptPluginFiles {
    /// A file that could not be used, or a plugin that was skipped, as one line for stderr.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "warning: \(path): \(message)" }
    }

    /// The folders searched, in order: `./plugins`, then `$XDG_CONFIG_HOME/tally/plugins`
    /// (`~/.config/tally/plugins` when XDG_CONFIG_HOME is unset or empty).
    public static func defaultDirectories(environment: [String: String] = ProcessInfo.processInfo.environment,
                                          currentDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        var config = environment["XDG_CONFIG_HOME"] ?? ""
        if config.isEmpty { config = (environment["HOME"] ?? NSHomeDirectory()) + "/.config" }
        let local = currentDirectory + "/plugins"
        let user = config + "/tally/plugins"
        return local == user ? [local] : [local, user]
    }

    /// Registers every def of every `*.tally` file in `directories` (files sorted by name).
    /// A name already taken (a built-in, or an earlier file) is not fatal: that def is skipped
    /// with a warning naming both places, so one bad file never stops Tally from starting.
    public static func register(from directories: [String], into registry: inout PluginRegistry) -> [Warning] {
        var warnings: [Warning] = []
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names.sorted() where name.hasSuffix(".tally") {
                let path = directory + "/" + name
                guard let data = FileManager.default.contents(atPath: path) else {
                    warnings.append(Warning(path: path, message: "cannot be read"))
                    continue
                }
                let source = String(decoding: data, as: UTF8.self)
                let plugins: [ScriptPlugin]
                do {
                    plugins = try scriptPlugins(in: source, path: path)
                } catch {
                    warnings.append(Warning(path: path, message: "skipped, it does not parse:\n" + DiagnosticRenderer.render(error)))
                    continue
                }
                if plugins.isEmpty { warnings.append(Warning(path: path, message: "defines no plugin (no `def` statement)")) }
                for plugin in plugins {
                    do {
                        try registry.register(plugin)
                    } catch {
                        warnings.append(Warning(path: path, message: "plugin `\(plugin.name)` skipped: \(error)"))
                    }
                }
            }
        }
        return warnings
    }

    /// The defs of a script file as plugins, found by the real parser.
    /// - Throws: the syntax error, located in `path`, when the file does not parse.
    public static func scriptPlugins(in source: String, path: String) throws(Diagnostic) -> [ScriptPlugin] {
        let statements = try Parser.parse(SourceText(origin: path, text: source))
        let lines = source.components(separatedBy: "\n")
        let leading = commentBlock(lines, endingBefore: lines.firstIndex { !isComment($0) && !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? lines.count,
                                   fromTop: true)
        var plugins: [ScriptPlugin] = []
        for statement in statements {
            guard case .definition(let name, _, _) = statement.kind else { continue }
            let line = lineIndex(ofByte: statement.span.start, in: source)
            let above = commentBlock(lines, endingBefore: line, fromTop: false)
            plugins.append(ScriptPlugin(name: name, summary: above.isEmpty ? leading : above, source: source, path: path))
        }
        return plugins
    }

    private static func isComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#") || trimmed.hasPrefix("//")
    }

    /// The comment lines directly above line `end` (or the file's first comment block), joined.
    private static func commentBlock(_ lines: [String], endingBefore end: Int, fromTop: Bool) -> String {
        var texts: [String] = []
        if fromTop {
            for line in lines.prefix(end) where isComment(line) { texts.append(strip(line)) }
        } else {
            var index = end - 1
            while index >= 0, isComment(lines[index]) {
                texts.insert(strip(lines[index]), at: 0)
                index -= 1
            }
        }
        // Only the first paragraph of the comment is the summary.
        while texts.first == "" { texts.removeFirst() }
        if let blank = texts.firstIndex(of: "") { texts = Array(texts[..<blank]) }
        return texts.joined(separator: " ")
    }

    private static func strip(_ line: String) -> String {
        var text = line.trimmingCharacters(in: .whitespaces)
        text = String(text.drop { $0 == "#" || $0 == "/" })
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func lineIndex(ofByte offset: Int, in source: String) -> Int {
        source.utf8.prefix(offset).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}
