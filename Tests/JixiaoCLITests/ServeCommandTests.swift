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
        let common = try CLI.run(["user", "add", "li", "--role", "admin", "--db", database], input: "password2024\n")
        #expect(common.status == 1 && common.stderr.contains("常见密码"))
        let ownName = try CLI.run(["user", "add", "lisi", "--role", "admin", "--db", database], input: "lisi-2024-x\n")
        #expect(ownName.status == 1 && ownName.stderr.contains("登录名"))
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

    @Test func accountsAreResetDisabledEnabledUnlockedAndDeletedFromTheCommandLine() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try CLI.run(["user", "add-unit", "209100-山西省社会保险局", "--db", database])
        _ = try CLI.run(
            ["user", "add", "zhang", "--role", "officer", "--unit", "209100", "--db", database],
            input: "blue-lamp-river\n")
        let admin = try CLI.run(
            ["user", "add", "root-admin", "--role", "admin", "--permanent", "--db", database], input: "Tq7#mV2p!xR\n")
        #expect(admin.status == 0, "\(admin.stderr)")
        #expect(
            try CLI.run(["user", "list", "--db", database]).stdout.contains(
                "zhang\tzhang\t经办人\t209100-山西省社会保险局\t待改初始密码"))
        #expect(
            try CLI.run(["user", "list", "--db", database]).stdout.contains("root-admin\troot-admin\t管理员\t全部单位\t正常"))
        let reset = try CLI.run(["user", "reset-password", "zhang", "--db", database], input: "green-door-42\n")
        #expect(reset.status == 0 && reset.stdout.contains("已重置 zhang 的密码"), "\(reset.stderr)")
        let weak = try CLI.run(["user", "reset-password", "zhang", "--db", database], input: "12345678\n")
        #expect(weak.status == 1 && weak.stderr.contains("过于简单"))
        #expect(try CLI.run(["user", "disable", "zhang", "--db", database]).stdout.contains("已停用 zhang"))
        #expect(try CLI.run(["user", "list", "--db", database]).stdout.contains("\t已停用"))
        #expect(try CLI.run(["user", "enable", "zhang", "--db", database]).stdout.contains("已启用 zhang"))
        let nothingToUnlock = try CLI.run(["user", "unlock", "zhang", "--db", database])
        #expect(nothingToUnlock.status == 1 && nothingToUnlock.stderr.contains("没有登录失败记录"))
        let unknown = try CLI.run(["user", "disable", "nobody", "--db", database])
        #expect(unknown.status == 1 && unknown.stderr.contains("没有登录名为“nobody”的用户"))
        #expect(try CLI.run(["user", "delete", "zhang", "--db", database]).stdout.contains("已删除用户 zhang"))
        #expect(!(try CLI.run(["user", "list", "--db", database]).stdout.contains("zhang")))
    }

    /// The systemd unit in the repository restarts on failure and its command line is one `jixiao serve`
    /// accepts (run here with the paths moved into a temporary folder and `--export`, so it exits at once).
    @Test func theSystemdUnitRestartsOnFailureWithACommandLineServeAccepts() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let unit = try String(contentsOf: CLI.root.appendingPathComponent("deploy/jixiao.service"), encoding: .utf8)
        let lines = unit.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map(String.init)
        #expect(lines.contains("Restart=on-failure"))
        let exec = try #require(lines.first { $0.hasPrefix("ExecStart=") })
        var arguments = exec.dropFirst("ExecStart=".count).split(separator: " ").map(String.init).dropFirst()
            .map { $0.replacingOccurrences(of: "/var/lib/jixiao", with: directory.path) }
        #expect(arguments.first == "serve")
        arguments += ["--export", directory.appendingPathComponent("out").path]
        let run = try CLI.run(Array(arguments))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已写出 0 个表单文件"))
    }
}
