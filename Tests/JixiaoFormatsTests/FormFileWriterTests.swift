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

    /// The columns and cells only some layouts print (money unit, funds 分值 and 到位数, split targets, 权重,
    /// 折算得分, a single indicator set, sources under their own names, …) survive writing and reading.
    @Test func everyOptionalFieldRoundTrips() throws {
        let forms: [Form] = [
            .selfEvaluation(ExampleForms.everyColumnSelfEvaluationValue()),
            .targetTable(ExampleForms.singleSetTargetTableValue()),
        ]
        for form in forms {
            let text = FormFileWriter.yaml(form)
            let back = try FormFileReader.read(Data(text.utf8), file: "x.yaml")
            #expect(Self.withoutLines(back) == form, "\(text)")
            #expect(FormFileWriter.yaml(back) == text)
        }
        let text = FormFileWriter.yaml(forms[0])
        for line in [
            "amountUnit: \"元\"", "received: \"1000000\"", "nature: \"≥\"", "unit: \"台\"",
            "weightPercent: \"15\"", "convertedScore: \"15\"", "totalWeight: \"100\"", "truncated: true",
        ] {
            #expect(text.contains(line), "\(line)")
        }
        let table = FormFileWriter.yaml(forms[1])
        #expect(
            !table.contains("period:\n") && table.contains("label: \"财政拨款\"") && table.contains("amountUnit: \"万元\""))
    }

    /// Files written before these fields existed read as before: their unit is the kind's default, a missing
    /// grade key is "no grade printed", and writing them back adds nothing.
    @Test func oldFilesReadUnchanged() throws {
        let loaded = FormLocator.load([Self.formsFolder])
        for item in loaded.forms {
            let original = try String(contentsOfFile: item.file, encoding: .utf8)
            let written = FormFileWriter.yaml(item.form)
            let newKeys = [
                "amountUnit:", "totalWeight:", "received:", "weightPercent:", "scoreCoefficient:", "convertedScore:",
                "executionTarget:", "label:", "truncated:",
            ]
            for key in newKeys {
                #expect(!written.contains(key), "\(item.file): \(key)")
            }
            switch item.form {
            case .selfEvaluation(let form):
                #expect(form.amountUnit == .wanYuan && form.printedGrade != nil)
                #expect(original.contains("grade:"))
            case .targetTable(let table):
                #expect(table.amountUnit == .yuan && table.funds.period != nil && table.indicators.period != nil)
                #expect(table.funds.annual.hasTemplateSources)
            }
        }
    }

    @Test func anUnknownAmountUnitIsRefusedWithItsLine() throws {
        let text = FormFileWriter.yaml(ExampleForms.selfEvaluation()).replacingOccurrences(
            of: "agency: \"209100-示例局\"\n", with: "agency: \"209100-示例局\"\namountUnit: \"千元\"\n")
        #expect {
            try FormFileReader.read(Data(text.utf8), file: "x.yaml")
        } throws: { error in
            let error = error as? FormFileError
            return error?.fieldPath == "amountUnit" && error?.line == 6 && error?.problem.contains("千元") == true
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
