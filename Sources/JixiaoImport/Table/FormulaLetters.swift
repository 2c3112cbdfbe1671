import JixiaoCore

extension Labels {
    /// A caption without the letters the national template (财预〔2020〕10号) prints after it to say how its
    /// columns relate: `全年预算数(A)`, `全年执行数（B）`, `执行率(B/A)`, `年度指标值（Ａ）` → the column's label.
    /// Only a trailing parenthesis of Latin letters (ASCII or full-width) with `/`, `×`, `*`, `%` or digits is
    /// dropped, never a unit (`项目资金(万元)`). `caption` is compact (parentheses already folded).
    static func withoutFormulaLetters(_ caption: String) -> String {
        guard caption.hasSuffix(")"), let open = caption.lastIndex(of: "(") else { return caption }
        let inner = caption[caption.index(after: open)..<caption.index(before: caption.endIndex)]
        // Full-width letters and signs (Ａ, ／, ％) read as their ASCII twins.
        let folded = NameFolding.key(String(inner)).unicodeScalars
        let hasLetter = folded.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        let allowed = folded.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                || "/×*%.".unicodeScalars.contains($0)
        }
        guard hasLetter, allowed else { return caption }
        return String(caption[..<open])
    }
}
