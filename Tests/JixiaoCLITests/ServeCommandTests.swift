import Foundation
import Testing

/// `jixiao serve --import/--export` and `jixiao user`, run as a user would (the server itself is tested
/// over HTTP in JixiaoServerTests).
@Suite struct ServeCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "jixiao-serve-cli-\(UUID().uuidString)")
    var database: String { directory.appendingPathComponent("jixiao.sqlite").path }

    @Test func importThenExportTheWholeStore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let run = try CLI.run(["serve", "--db", database, "--import", "Forms", "--export", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("导入 20 张，跳过 0 张"))
        #expect(run.stdout.contains("已写出 20 个表单文件"))
        let check = try CLI.run(["score", out])
        #expect(check.status == 0)
        #expect(check.stdout.contains("共 10 张自评表"))
        let again = try CLI.run(["serve", "--db", database, "--import", "Forms", "--export", out])
        #expect(again.stdout.contains("导入 0 张，跳过 20 张"))
    }

    @Test func usersAndUnitsFromTheCommandLine() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            try CLI.run(["user", "add-unit", "209100-山西省社会保险局", "--db", database]).stdout.contains(
                "已创建单位 209100-山西省社会保险局"))
        let officer = try CLI.run(
            ["user", "add", "zhang", "--name", "张三", "--role", "officer", "--unit", "209100", "--db", database],
            input: "a-long-password\n")
        #expect(officer.status == 0, "\(officer.stderr)")
        #expect(officer.stdout.contains("已创建用户 zhang（经办人）"))
        let weak = try CLI.run(["user", "add", "li", "--role", "admin", "--db", database], input: "short\n")
        #expect(weak.status == 1 && weak.stderr.contains("密码至少 8 位"))
        let unknownUnit = try CLI.run(
            ["user", "add", "wang", "--role", "officer", "--unit", "999", "--db", database], input: "a-long-password\n")
        #expect(unknownUnit.status == 1 && unknownUnit.stderr.contains("单位“999”不存在"))
        let noUnit = try CLI.run(
            ["user", "add", "zhao", "--role", "officer", "--db", database], input: "a-long-password\n")
        #expect(noUnit.status == 64 && noUnit.stderr.contains("经办人须且只能属于一个单位"))
        let badRole = try CLI.run(["user", "add", "qian", "--role", "boss", "--db", database])
        #expect(badRole.status == 64 && badRole.stderr.contains("未知的角色"))
        let list = try CLI.run(["user", "list", "--db", database])
        #expect(list.stdout.contains("zhang\t张三\t经办人\t209100-山西省社会保险局"))
    }
}
