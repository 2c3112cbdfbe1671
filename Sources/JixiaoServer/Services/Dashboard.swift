import Foundation
import JixiaoCore

/// The reviewer's view of a year: counts by grade as printed and as recomputed, execution rates, totals of
/// funds — all aggregated by the store over every matching form — and one page of the forms in the chosen
/// order.
public struct Dashboard: Sendable {
    public struct Filter: Sendable, Hashable {
        public var year: Int?
        /// The unit, by id; `unitText` is what the address said (an id, a 单位代码 or a name).
        public var unitID: Int64?
        public var unitText: String?
        public var grade: Grade?
        public var state: WorkflowState?
        public var ruleID: String?
        /// Project name contains.
        public var search: String?
        public var sort: FormSort
        /// 1-based page of the form list.
        public var page: Int

        public init(
            year: Int? = nil, unitID: Int64? = nil, unitText: String? = nil, grade: Grade? = nil,
            state: WorkflowState? = nil, ruleID: String? = nil, search: String? = nil, sort: FormSort = FormSort(),
            page: Int = 1
        ) {
            self.year = year
            self.unitID = unitID
            self.unitText = unitText
            self.grade = grade
            self.state = state
            self.ruleID = ruleID
            self.search = search
            self.sort = sort
            self.page = page
        }

        /// The query string of this filter with some parameters replaced (links to pages and sorts).
        public func query(year: Int?, page: Int? = nil, sort: FormSort? = nil) -> String {
            let sort = sort ?? self.sort
            return HTML.query([
                ("year", year.map(String.init)), ("unit", unitID.map(String.init)), ("grade", grade?.rawValue),
                ("state", state?.rawValue), ("rule", ruleID), ("q", search),
                ("sort", sort.key == .errorsFirst ? nil : sort.key.rawValue), ("desc", sort.descending ? "1" : nil),
                ("page", page.map(String.init)),
            ])
        }
    }

    public static let pageSize = 50

    public let filter: Filter
    /// The year shown (the latest with forms when none was asked for).
    public let year: Int?
    public let years: [Int]
    public let units: [BudgetUnit]
    public let ruleIDs: [String]
    /// The forms of the current page.
    public let page: Page<FormRecord>
    public let aggregates: FormAggregates
    /// The department summary sentence of the shown forms, when one unit is chosen (`DepartmentSummary`).
    public let summaries: [UnitSummary]
    /// The states the summary sentence counts (every state but 已删除, unless the filter names one).
    public let summaryStates: [WorkflowState]
    /// The policy the figures were computed under: its labels name the grades.
    public let policy: ScoringPolicy

    public var printedGrades: [Grade: Int] {
        var counts: [Grade: Int] = [:]
        for (text, count) in aggregates.printedGrades {
            if let grade = policy.grade(ofLabel: text) { counts[grade, default: 0] += count }
        }
        return counts
    }

    /// Forms whose printed grade is none of 优/良/中/差.
    public var unreadablePrinted: Int {
        aggregates.printedGrades.filter { policy.grade(ofLabel: $0.key) == nil }.map(\.value).reduce(0, +)
    }

    public var rateBuckets: [(label: String, count: Int)] {
        RateBucket.allCases.map { ($0.label, aggregates.rateBuckets[$0] ?? 0) }
    }

    public func unit(_ id: Int64) -> BudgetUnit? { units.first { $0.id == id } }
}

extension Dashboard {
    /// The unit an address names: its id, its 单位代码, its name or its `代码-名称` label.
    static func unit(_ text: String, in units: [BudgetUnit]) -> BudgetUnit? {
        let text = text.trimmed
        if let id = Int64(text), let unit = units.first(where: { $0.id == id }) { return unit }
        return units.first { $0.code == text || $0.name == text || $0.label == text }
    }
}
