import JixiaoCore

/// The columns of a 自评表's indicator table, read from its caption row(s): which fields the layout has,
/// in which order, and where the captions sit.
struct IndicatorColumns {
    /// The columns, each named by its key in the vocabulary's `FieldVocabulary.Indicators.columns`.
    enum Field: String, CaseIterable {
        case level1, level2, name, initialTarget, adjustedTarget, actual, qualitativeNote, weight, score, deviation
    }

    /// Column of each caption found.
    private(set) var positions: [Field: Int] = [:]

    /// The Shanxi layout, for a table printed without its caption row.
    static let shanxi = IndicatorColumns(positions: [
        .level1: 1, .level2: 2, .name: 3, .initialTarget: 4, .adjustedTarget: 5, .actual: 6,
        .weight: 7, .score: 8, .deviation: 9,
    ])

    init(positions: [Field: Int] = [:]) { self.positions = positions }

    /// The field a caption names (`年初指 标值` included, and the national template's `年度指标值(A)`,
    /// `全年实际值`, `未完成原因分析`), nil for anything else.
    static func field(_ caption: String) -> Field? {
        Field.allCases.first { FieldVocabulary.Indicators.column($0.rawValue)?.accepts(caption) ?? false }
    }

    /// Adds the captions of one caption row; returns how many it recognised.
    @discardableResult
    mutating func add(_ line: TextLine) -> Int {
        var found = 0
        for cell in line.filled {
            guard let field = IndicatorColumns.field(Labels.caption(cell)) else { continue }
            if positions[field] == nil { positions[field] = cell.column }
            found += 1
        }
        return found
    }

    /// Whether a line is a caption row of the indicator table: at least three captions, 三级 or 实际完成值 among
    /// them (the funds block shares 分值, 得分 and 偏差原因).
    static func isCaptionRow(_ line: TextLine) -> Bool {
        let fields = line.filled.compactMap { field(Labels.caption($0)) }
        return fields.count >= 3 && (fields.contains(.name) || fields.contains(.actual))
    }

    /// Whether every filled cell of a line is a caption (the rest of a caption row split over lines).
    static func isCaptionOnly(_ line: TextLine) -> Bool {
        !line.filled.isEmpty
            && line.filled.allSatisfy {
                field(Labels.caption($0)) != nil || Labels.caption($0) == FieldVocabulary.Indicators.caption
            }
    }

    var isUsable: Bool { positions[.weight] != nil && positions[.actual] != nil }
    var hasDeviation: Bool { positions[.deviation] != nil }
    var hasNote: Bool { positions[.qualitativeNote] != nil }

    /// The value fields between 三级 and 分值, in printed order.
    var values: [Field] {
        [Field.initialTarget, .adjustedTarget, .actual, .qualitativeNote]
            .compactMap { field in positions[field].map { (field: field, column: $0) } }
            .sorted { $0.column < $1.column }.map(\.field)
    }

    func column(_ field: Field) -> Int? { positions[field] }
}
