import Foundation
import JixiaoFormats

/// ArgumentParser's English usage errors, in Chinese: every message the parser writes for a command line it
/// cannot read (missing or unknown option, invalid value, extra argument), the `Usage:`/`See …` lines around
/// it. The one place where the parser's text is translated; a message not known here keeps its English.
enum ArgumentMessages {
    /// The whole text ArgumentParser would print, translated line by line.
    static func chinese(_ english: String) -> String {
        english.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line)
            if let rest = text.dropPrefix("Error: ") { return "错误：" + message(rest) }
            if let rest = text.dropPrefix("Help:  ") { return "说明：" + rest }
            if let rest = text.dropPrefix("Usage: ") { return "用法：" + rest }
            if let match = text.wholeMatch(of: #/\s\sSee '(.+)' for more information\./#) {
                return "  详见“\(match.1)”。"
            }
            return text
        }.joined(separator: "\n")
    }

    /// One error message (without `Error: `).
    static func message(_ text: String) -> String {
        if let m = text.wholeMatch(of: /Missing expected argument '(.+)'/) { return "缺少必需的参数 \(m.1)" }
        if let m = text.wholeMatch(of: /Missing one of: (.+)/) { return "缺少以下参数之一：\(list(String(m.1)))" }
        if let m = text.wholeMatch(of: /Missing value for '(.+)'/) { return "\(m.1) 缺少值" }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return "未知的选项 \(echo(m.1))；是否想用 \(m.2)？"
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'/) { return "未知的选项 \(echo(m.1))" }
        if let m = text.wholeMatch(of: /Unexpected argument '(.*)'/) { return "多余的参数“\(echo(m.1))”" }
        if let m = text.wholeMatch(of: /(\d+) unexpected arguments: (.*)/) {
            return "多余的参数 \(m.1) 个：\(list(String(m.2)))"
        }
        if let m = text.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return "选项 \(m.1) 不带值，却给了“\(echo(m.2))”"
        }
        if let m = text.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            return "同一参数给了两次（\(m.2) 与 \(m.1)）"
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(?:\. Please provide one of (.+)\.)?/) {
            let choices = m.3.map { "；可选：" + list(String($0)) } ?? ""
            return "\(m.2) 的值“\(echo(m.1))”无效\(choices)"
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(?:: (.+))?/) {
            return "\(m.2) 的值“\(echo(m.1))”无效" + (m.3.map { "（\($0)）" } ?? "")
        }
        return text
    }

    /// `'a' and 'b'`, `'a', 'b' or 'c'`, `'a', 'b'` → `a、b、c`.
    static func list(_ text: String) -> String {
        text.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
            echo($0.element)
        }
        .joined(separator: "、")
    }

    static func echo(_ text: Substring) -> String { EchoedText.cut(text) }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
