import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao import FILE.xml`: an exported form or batch back into the model. The file must validate, and a
/// batch must match its manifest's checksums; otherwise nothing is imported from it.
public struct XMLFormImporter: FormImporter {
    public static let extensions: Set<String> = ["xml"]

    /// The policies a batch may have been exported under (built-in, and those loaded with `--policy`).
    public var policies: PolicyLibrary

    public init() { policies = PolicyLibrary() }

    public init(policies: PolicyLibrary) { self.policies = policies }

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        var forms: [ImportedForm] = []
        let reading: XMLFormFile.Reading
        do {
            reading = try XMLFormFile.read(path: url.path, displayName: url.relativePath, policies: policies) { read in
                forms.append(ImportedForm(form: read.form, origin: "第 \(read.line) 行", lines: read.line...read.line))
            }
        } catch {
            throw ImportError(file: url.relativePath, problem: error.message, fix: "请报告此问题")
        }
        guard reading.problems.isEmpty else {
            return ImportResult(
                unreadable: reading.problems.map {
                    UnreadablePart(
                        line: $0.line, location: $0.file, reason: $0.message + ($0.original.map { "（\($0)）" } ?? ""))
                })
        }
        return ImportResult(forms: forms)
    }
}
