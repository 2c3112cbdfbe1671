import Foundation
import JixiaoCore
import Testing

@testable import JixiaoFormats

/// Writing a form file and reading it back gives the same model (verbatim texts included).
@Suite struct FormFileWriterTests {
    static let formsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Forms").path

    /// The model without source-line bookkeeping, which depends on the layout of the file.
    static func withoutLines(_ form: Form) -> Form {
        switch form {
        case .selfEvaluation(var f):
            f.lines = [:]
            return .selfEvaluation(f)
        case .targetTable(var t):
            t.lines = [:]
            return .targetTable(t)
        }
    }

    @Test func everyBundledFormRoundTrips() throws {
        let loaded = FormLocator.load([Self.formsFolder])
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.forms.count == 20)
        for item in loaded.forms {
            let text = FormFileWriter.yaml(item.form)
            let back = try FormFileReader.read(Data(text.utf8), file: item.file)
            #expect(Self.withoutLines(back) == Self.withoutLines(item.form), "\(item.file)")
            #expect(FormFileWriter.yaml(back) == text, "writer is not deterministic for \(item.file)")
        }
    }

    @Test func awkwardTextsSurvive() throws {
        let form = ExampleForms.selfEvaluation {
            $0.project = "带\"引号\"与\\反斜杠: #号\n换行\t制表"
            $0.indicators = []
            $0.funds.sources = []
            $0.analysis.problems = "- 列表样式开头"
            $0.printedTotal = "100.00"
        }
        let back = try FormFileReader.read(Data(FormFileWriter.yaml(form).utf8), file: "x.yaml")
        #expect(Self.withoutLines(back) == form)
    }
}
