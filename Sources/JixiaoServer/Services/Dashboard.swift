import Foundation
import JixiaoCore

/// The reviewer's view of a year: counts by grade as printed and as recomputed, execution rates, totals of
/// funds, and the forms, those with error-level findings first.
public struct Dashboard: Sendable {
    public struct Filter: Sendable, Hashable {
        public var year: Int?
        public var unitID: Int64?
        public var grade: Grade?
        public var state: WorkflowState?
        public var ruleID: String?
        /// 1-based page of the form list.
        public var page: Int

        public init(
            year: Int? = nil, unitID: Int64? = nil, grade: Grade? = nil, state: WorkflowState? = nil,
            ruleID: String? = nil, page: Int = 1
        ) {
            self.year = year
            self.unitID = unitID
            self.grade = grade
            self.state = state
            self.ruleID = ruleID
            self.page = page
        }
    }

    /// Execution-rate classes of the chart (percent, lower bound inclusive).
    public struct RateBucket: Sendable, Hashable {
        public let label: String
        public let count: Int
    }

    public static let pageSize = 100

    public let filter: Filter
    /// The year shown (the latest with forms when none was asked for).
    public let year: Int?
    public let years: [Int]
    public let units: [BudgetUnit]
    public let ruleIDs: [String]
    /// Every form matching the filter, errors first.
    public let records: [FormRecord]
    /// Printed grades; forms whose printed grade is none of 优/良/中/差 are counted in `unreadablePrinted`.
    public let printedGrades: [Grade: Int]
    public let unreadablePrinted: Int
    public let recomputedGrades: [Grade: Int]
    public let rateBuckets: [RateBucket]
    /// Σ over the matching forms (万元), summed first and rounded after.
    public let declared: Decimal
    public let fullYearBudget: Decimal
    public let executed: Decimal
    public let withErrors: Int
    /// The department summary sentence of the shown forms, when one unit is chosen (`DepartmentSummary`).
    public let summaries: [UnitSummary]

    init(
        filter: Filter, year: Int?, years: [Int], units: [BudgetUnit], ruleIDs: [String], records: [FormRecord],
        summaries: [UnitSummary] = []
    ) {
        self.summaries = summaries
        self.filter = filter
        self.year = year
        self.years = years
        self.units = units
        self.ruleIDs = ruleIDs
        self.records = records
        var printed: [Grade: Int] = [:]
        var recomputed: [Grade: Int] = [:]
        var unreadable = 0
        var declared = Decimal(0)
        var budget = Decimal(0)
        var executed = Decimal(0)
        var buckets = Array(repeating: 0, count: Dashboard.bucketLabels.count)
        var errors = 0
        for record in records {
            guard let figures = record.figures else { continue }
            if let grade = Grade(label: figures.printedGrade) {
                printed[grade, default: 0] += 1
            } else {
                unreadable += 1
            }
            recomputed[figures.grade, default: 0] += 1
            declared += figures.declared ?? 0
            budget += figures.fullYearBudget ?? 0
            executed += figures.executed ?? 0
            buckets[Dashboard.bucket(of: figures.executionRate)] += 1
            if figures.errorCount > 0 { errors += 1 }
        }
        printedGrades = printed
        unreadablePrinted = unreadable
        recomputedGrades = recomputed
        self.declared = declared.round2
        self.fullYearBudget = budget.round2
        self.executed = executed.round2
        rateBuckets = zip(Dashboard.bucketLabels, buckets).map { RateBucket(label: $0, count: $1) }
        withErrors = errors
    }

    static let bucketLabels = ["无法计算", "<60%", "60–70%", "70–80%", "80–90%", "90–100%", "100%", ">100%"]

    static func bucket(of rate: Decimal?) -> Int {
        guard let rate else { return 0 }
        switch rate {
        case ..<60: return 1
        case ..<70: return 2
        case ..<80: return 3
        case ..<90: return 4
        case ..<100: return 5
        case 100: return 6
        default: return 7
        }
    }

    public var pageCount: Int { max(1, (records.count + Dashboard.pageSize - 1) / Dashboard.pageSize) }

    /// The forms of the current page.
    public var page: ArraySlice<FormRecord> {
        let page = min(max(filter.page, 1), pageCount)
        let start = (page - 1) * Dashboard.pageSize
        return records[start..<min(records.count, start + Dashboard.pageSize)]
    }

    public func unit(_ id: Int64) -> BudgetUnit? { units.first { $0.id == id } }
}
