import Foundation

/// What a PDF page adds around a table and a text export keeps as lines of their own: page numbers,
/// watermarks, and the unit note above a table (`金额单位：万元`, implied by the form). Such a line is never
/// part of a form.
enum PageFurniture {
    /// Words that mark a watermark or a draft stamp when they make up a short line of their own.
    static let watermarkWords = ["仅供", "内部审核", "内部资料", "内部使用", "草稿", "样稿", "保密", "水印", "审核稿", "征求意见稿"]
    /// The unit note, compacted.
    static let unitNotes: Set<String> = ["单位:万元", "单位:元", "金额单位:万元", "金额单位:元"]

    static func isFurniture(_ line: TextLine) -> Bool {
        let filled = line.filled
        guard filled.count == 1, let text = filled.first?.compact else { return false }
        return isPageNumber(text) || isWatermark(text) || unitNotes.contains(text)
    }

    /// `12`, `- 12 -`, `—12—`, `第12页`, `第 3 页 共 10 页`, `3/10`, `Page 3`.
    static func isPageNumber(_ text: String) -> Bool {
        // Every pattern matches at most 14 characters, one a digit; most lines are neither, and skip the regexes.
        guard text.utf8.count <= 14 * 4, text.contains(where: \.isNumber) else { return false }
        let patterns = [
            #"^[-—–－]?\d{1,4}[-—–－]?$"#, #"^第\d{1,4}页(,?共\d{1,4}页)?$"#, #"^\d{1,4}/\d{1,4}$"#,
            #"^(?i)page\d{1,4}(of\d{1,4})?$"#,
        ]
        return patterns.contains { text.range(of: $0, options: .regularExpression) != nil }
    }

    static func isWatermark(_ text: String) -> Bool {
        text.count <= 20 && watermarkWords.contains { text.contains($0) }
    }
}
