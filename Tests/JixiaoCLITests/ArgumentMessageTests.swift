import Foundation
import Testing

@testable import JixiaoCLI

/// What a user sees for a command line the parser cannot read: Chinese, with the option named, exit 64.
@Suite struct ArgumentMessageTests {
    @Test func missingOptionIsChinese() throws {
        let result = try CLI.run(["import", "决算公开.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("错误：缺少必需的参数 --out <DIR>"), "\(result.stderr)")
        #expect(result.stderr.contains("用法：jixiao import"))
        #expect(result.stderr.contains("详见“jixiao import --help”。"))
        #expect(!result.stderr.contains("Error:") && !result.stderr.contains("Usage:"))
    }

    @Test func invalidFormatNamesTheChoices() throws {
        let result = try CLI.run(["score", "Forms", "--format", "yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("错误：--format <format> 的值“yaml”无效；可选：text、json"), "\(result.stderr)")
    }

    @Test func unknownOptionAndExtraArgument() throws {
        let unknown = try CLI.run(["score", "Forms", "--bogus"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("错误：未知的选项 --bogus"), "\(unknown.stderr)")
        let extra = try CLI.run(["rules", "多余"])
        #expect(extra.stderr.contains("错误：多余的参数“多余”"), "\(extra.stderr)")
    }

    @Test func helpIsStillPrinted() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("jixiao score Forms/2023"))
    }

    @Test func everyKnownMessageIsTranslatedAndValuesAreCut() {
        let cases = [
            ("Missing value for '--out <DIR>'", "--out <DIR> 缺少值"),
            ("Unknown option '--outt'. Did you mean '--out'?", "未知的选项 --outt；是否想用 --out？"),
            ("2 unexpected arguments: 'a', 'b'", "多余的参数 2 个：a、b"),
            ("The option '--overwrite' does not take any value, but 'x' was specified.", "选项 --overwrite 不带值，却给了“x”"),
            (
                "The value 'x' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'xml'.",
                "--format <format> 的值“x”无效；可选：text、json、xml"
            ),
        ]
        for (english, chinese) in cases { #expect(ArgumentMessages.message(english) == chinese) }
        let long = String(repeating: "长", count: 500)
        let message = ArgumentMessages.message("Unexpected argument '\(long)'")
        #expect(message == "多余的参数“" + String(repeating: "长", count: 80) + "…”")
    }
}
