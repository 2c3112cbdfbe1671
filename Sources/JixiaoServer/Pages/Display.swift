import Foundation
import JixiaoCore

/// How values appear on pages: times in China Standard Time, states and grades as badges.
enum Display {
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func state(_ state: WorkflowState?) -> HTML {
        guard let state else { return "<span class=\"badge\">目标表</span>" }
        return "<span class=\"badge state-\(state.rawValue)\">\(state.label)</span>"
    }

    /// A form's recomputed grade in the policy's label; 未评分 for a form published unscored.
    static func grade(_ figures: FormFigures?, policy: ScoringPolicy) -> HTML {
        guard let figures else { return "<span class=\"badge\">—</span>" }
        guard let grade = figures.grade else { return "<span class=\"badge\">\(FormScore.unscoredLabel)</span>" }
        return "<span class=\"badge grade-\(String(describing: grade))\">\(policy.label(of: grade))</span>"
    }

    /// Errors and warnings of a form as a compact count.
    static func findings(_ figures: FormFigures?) -> HTML {
        guard let figures else { return .empty }
        var parts: [HTML] = []
        if figures.errorCount > 0 { parts.append("<span class=\"count error\">错误 \(figures.errorCount)</span>") }
        if figures.warningCount > 0 { parts.append("<span class=\"count warning\">警告 \(figures.warningCount)</span>") }
        return parts.isEmpty ? "<span class=\"count ok\">无</span>" : HTML(raw: parts.map(\.text).joined(separator: " "))
    }

    /// A 万元 amount with two places, or `—`.
    static func amount(_ value: Decimal?) -> String { value.map { DecimalText.fixed($0) } ?? "—" }
}
