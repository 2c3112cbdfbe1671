/// A form file that cannot be read: where (file, line, column, field path), what is wrong and how to fix it.
/// Messages are Chinese; the field path stays in the model's English keys so it can be searched for.
public struct FormFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// `indicators[3].weight`
    public var fieldPath: String?
    public var problem: String
    public var fix: String

    public init(file: String, line: Int? = nil, column: Int? = nil, fieldPath: String? = nil,
                problem: String, fix: String) {
        self.file = file
        self.line = line
        self.column = column
        self.fieldPath = fieldPath
        self.problem = problem
        self.fix = fix
    }

    /// `Forms/a.yaml:12:5: 字段 indicators[3].weight：……。修改建议：……`
    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        let field = fieldPath.map { "字段 \($0)：" } ?? ""
        return "\(place): \(field)\(problem)。修改建议：\(fix)"
    }
}
