import Foundation

extension SelfEvaluation.Analysis {
    /// One of the seven 项目绩效分析 texts: its key (in field paths `analysis.KEY` and in policies'
    /// `requiredAnalysis`), its printed caption and where it is kept.
    public struct Field: Sendable {
        public let key: String
        public let caption: String
        public let keyPath: WritableKeyPath<SelfEvaluation.Analysis, String> & Sendable
    }

    /// The seven texts in printed order.
    public static let fields: [Field] = [
        Field(key: "execution", caption: "项目实施和预算执行情况", keyPath: \.execution),
        Field(key: "output", caption: "产出情况", keyPath: \.output),
        Field(key: "benefit", caption: "效益情况", keyPath: \.benefit),
        Field(key: "satisfaction", caption: "满意度情况", keyPath: \.satisfaction),
        Field(key: "experience", caption: "主要经验做法", keyPath: \.experience),
        Field(key: "problems", caption: "存在的主要问题及原因分析", keyPath: \.problems),
        Field(key: "improvements", caption: "下一步改进措施及管理建议", keyPath: \.improvements),
    ]

    /// The captions of the texts `required` names that are empty (blank after trimming), in printed order.
    public func missing(_ required: [String]) -> [String] {
        SelfEvaluation.Analysis.fields.filter { field in
            required.contains(field.key) && self[keyPath: field.keyPath].allSatisfy(\.isWhitespace)
        }.map(\.caption)
    }
}
