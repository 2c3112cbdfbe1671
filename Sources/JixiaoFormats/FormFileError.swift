import Foundation

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

    public init(
        file: String, line: Int? = nil, column: Int? = nil, fieldPath: String? = nil,
        problem: String, fix: String
    ) {
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

/// Why a file could not be read, in Chinese, from what the file system says about its path (the system's
/// own error text is English).
public enum FileReadProblem {
    public static func describe(_ path: String) -> (problem: String, fix: String) {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        if !manager.fileExists(atPath: path, isDirectory: &isDirectory) { return ("文件不存在", "检查文件路径的拼写") }
        if isDirectory.boolValue { return ("这是一个文件夹，不是文件", "给出文件夹中的文件") }
        if !manager.isReadableFile(atPath: path) { return ("没有读取该文件的权限", "检查文件权限，或换一个有权限的用户运行") }
        return ("无法读取文件", "确认文件所在的磁盘可以访问、文件没有被其他程序锁定")
    }
}
