import Foundation
import JixiaoFormats
import Testing

/// libyaml's English reaches the user in Chinese, and a huge value is never echoed whole.
@Suite struct MessageTranslationTests {
    static func problem(_ yaml: String) -> String? {
        do {
            _ = try FormFileReader.read(Data(yaml.utf8), file: "坏.yaml")
            return nil
        } catch {
            return error.problem
        }
    }

    @Test func libyamlProblemsAreChinese() {
        let alias = Self.problem("form: self-evaluation\nyear: *nowhere\n")
        #expect(alias?.contains("引用了未定义的别名") == true, "\(alias ?? "read")")
        #expect(alias?.contains("undefined alias") == false)
        let colon = Self.problem("form: self-evaluation\nproject: a: b\n")
        #expect(colon?.contains("此处不能有“: ”") == true, "\(colon ?? "read")")
    }

    @Test func aHugeValueIsCutInTheMessage() throws {
        let huge = String(repeating: "x", count: 1_000_000)
        do {
            _ = try ProjectConfiguration.read(Data("policy: \(huge)\n".utf8), file: ".jixiao.yml")
            Issue.record("read")
        } catch {
            #expect(
                error.problem.contains("“" + String(repeating: "x", count: 80) + "…”"), "\(error.problem.prefix(200))")
            #expect(error.description.count < 400)
        }
        #expect(EchoedText.cut("短") == "短")
    }
}
