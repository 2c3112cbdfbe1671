import Foundation
import JixiaoFormats

/// Reading a document file's bytes with a size cap, and the Chinese message when it cannot be read.
enum DocumentFile {
    static func read(_ url: URL, maximumBytes: Int, format: String) throws(ImportError) -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        guard let size, let data = try? Data(contentsOf: url) else {
            let reason = FileReadProblem.describe(url.path)
            throw ImportError(file: url.path, problem: reason.problem, fix: reason.fix)
        }
        guard size > 0, !data.isEmpty else {
            throw ImportError(file: url.path, problem: "文件为空（0 字节）", fix: "重新下载或导出该\(format)")
        }
        guard data.count <= maximumBytes else {
            throw ImportError(
                file: url.path,
                problem: "文件大小 \(data.count / 1024 / 1024) MB，超过\(format)上限 \(maximumBytes / 1024 / 1024) MB",
                fix: "确认这是决算/预算公开文档；只保留含绩效自评表或目标表的部分后再导入")
        }
        return data
    }
}
