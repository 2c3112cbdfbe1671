import Foundation
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoXLSX
import Testing

@testable import JixiaoServer

/// The whole workflow in a real headless Chromium against a live server over the bundled forms: an officer
/// signs in with the administrator's initial password and must change it; drafts a self-evaluation from a
/// target table (every input named in the accessibility tree), enters values and watches the grade change as
/// they type; their session ends while they type and they sign in again in place, nothing lost; they print the
/// form (the print view) and download it as Excel (which imports back), then submit; a reviewer returns it with
/// a comment; the officer sees the comment.
///
/// Screenshots of the key pages are written to `$JIXIAO_SCREENSHOTS` when set (the README's are made with
/// `JIXIAO_SCREENSHOTS=docs/screenshots swift test --filter BrowserEndToEndTests`).
@Suite(.serialized) struct BrowserEndToEndTests {
    @Test(
        .enabled(if: BrowserInstallation.available, "Chromium（Debian 软件包 chromium）未安装且无法自动安装，跳过浏览器端到端测试"),
        .timeLimit(.minutes(5)))
    func officerFillsSubmitsReviewerReturnsOfficerSeesTheComment() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await TestStores.make(in: directory)
        _ = try await StoreTransfer(store: store, policy: .national).importForms([
            CLIPaths.root.appendingPathComponent("Forms").path
        ])
        let units = try await store.units()
        let office = try #require(units.first { $0.code == "209100" })
        let officer = try await store.createUser(
            NewUser(
                login: "officer", displayName: "officer", role: .officer, unitID: office.id,
                passwordHash: Fixture.passwordHash, mustChangePassword: true))
        let newPassword = "blue-lamp-river-7"
        _ = try await Fixture.user("reviewer", .reviewer, reviews: Set(units.map(\.id)), in: store)
        let target = try #require(
            try await store.records(FormQuery(kind: .targetTable, units: .all)).first { $0.project == "维修维护费" })
        let configuration = ServerConfiguration(
            exportDirectory: directory.appendingPathComponent("exports").path, autosaveDelay: 700)
        let app = Application(router: ServerApplication.router(store: store, configuration: configuration))

        try await app.test(.live) { client in
            let base = "http://localhost:\(try #require(client.port))"
            let browser = try Chromium()
            defer { browser.quit() }
            try await browser.attach()
            let shots = Screenshots(browser)

            // Officer: the initial password must be changed first.
            try await signIn(browser, base, "officer", expecting: "/account")
            #expect(try await browser.text(".message.notice").contains("初始密码"))
            try await browser.type(Fixture.password, into: "[name=current]")
            try await browser.type(newPassword, into: "[name=new]")
            try await browser.type(newPassword, into: "[name=confirmation]")
            try await shots.take("officer-change-password")
            try await browser.click("#password-form button[type=submit]")
            try await browser.waitForPage("done=password", timeout: BrowserEndToEndTests.passwordCheck)
            #expect(try await store.user(id: officer.id)?.mustChangePassword == false)

            // Draft from the target table.
            try await browser.navigate("\(base)/forms")
            try await browser.click("input[name=target][value=\"\(target.id)\"] + button")
            try await browser.waitForPage("done=created")
            let formPath = try #require(try await browser.evaluate("location.pathname") as? String)
            try await browser.wait(
                for: "document.querySelector('#live-status').textContent.includes('已按当前填写重算')", "first recomputation")
            // A fresh draft has no score yet: it is 未评分, not 差.
            #expect(try await browser.text("[data-live=grade]") == "未评分")
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"funds.total.declared\"]').value") as? String
                    == "53.86")
            try await shots.take("officer-new-draft")

            // Every input and text area has a name in the accessibility tree: its row and column.
            try await browser.send("Accessibility.enable")
            let tree = try await browser.send("Accessibility.getFullAXTree")
            let nodes = tree["nodes"] as? [[String: Any]] ?? []
            let fields = nodes.filter { (($0["role"] as? [String: Any])?["value"] as? String) == "textbox" }
            let names = fields.map { (($0["name"] as? [String: Any])?["value"] as? String) ?? "" }
            #expect(fields.count > 60, "\(fields.count) text fields")
            #expect(names.allSatisfy { !$0.isEmpty }, "unnamed fields: \(names.filter(\.isEmpty).count)")
            #expect(names.contains("第 1 行指标·实际完成值") && names.contains("资金总额·全年执行数"))
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"funds.total.executed\"]').inputMode")
                    as? String == "decimal")

            // The keyboard walks the editor in reading order: Tab from a row's actual value reaches its weight.
            try await browser.evaluate("document.querySelector('[name=\"indicators[0].actual\"]').focus()")
            try await browser.press("Tab", code: 9)
            #expect(try await browser.evaluate("document.activeElement.name") as? String == "indicators[0].weight")
            try await browser.press("Tab", code: 9, shift: true)
            #expect(try await browser.evaluate("document.activeElement.name") as? String == "indicators[0].actual")

            // Enter execution and each indicator's weight, actual value and score; the page recomputes as we type.
            try await browser.type("53.86", into: "[name=\"funds.total.fullYearBudget\"]")
            try await browser.type("52.5", into: "[name=\"funds.total.executed\"]")
            try await browser.type("53.86", into: "[name=\"funds.sources[0].fullYearBudget\"]")
            try await browser.type("52.5", into: "[name=\"funds.sources[0].executed\"]")
            try await browser.wait(
                for: "document.querySelector('[data-live=executionScore]').textContent === '9.75'",
                "execution score 9.75")
            let rows: [(actual: String, weight: String)] = [
                ("32台", "15"), ("20小时", "15"), ("达成预期指标", "10"), ("18万元", "10"),
                ("达成预期指标", "30"), ("95%", "10"),
            ]
            for (index, row) in rows.enumerated() {
                try await browser.type(row.actual, into: "[name=\"indicators[\(index)].actual\"]")
                try await browser.type(row.weight, into: "[name=\"indicators[\(index)].weight\"]")
                try await browser.type(row.weight, into: "[name=\"indicators[\(index)].score\"]")
            }
            try await browser.wait(
                for: "document.querySelector('[data-live=total]').textContent === '99.75'", "total 99.75")
            // Blank cells the typing determines are filled in, marked as computed, until the officer types there.
            try await browser.wait(
                for: "document.querySelector('[name=\"total\"]').value === '99.75'", "总分 filled from the recomputation")
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"funds.total.balance\"]').value") as? String
                    == "1.36", "资金结(转)余 = 53.86 − 52.5")
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"grade\"]').dataset.suggested") as? String
                    == "1")
            #expect(try await browser.text("[data-live=grade]") == "优", "the grade changed on the page, without saving")
            #expect(try await browser.text("[data-rule-score=\"0\"]") == "15.00")
            #expect(
                try await browser.evaluate("document.querySelector('#submit-button').disabled") as? Bool == true,
                "unsaved changes cannot be submitted")

            // A score above its weight is flagged next to the field at once, and cleared when corrected.
            try await browser.type("16", into: "[name=\"indicators[0].score\"]")
            try await browser.wait(
                for:
                    "document.querySelector('.field-findings[data-for=\"indicators[0].score\"]').textContent.includes('SE.SCORE.010')",
                "finding next to indicators[0].score")
            try await shots.take("officer-finding-next-to-field")
            try await browser.type("15", into: "[name=\"indicators[0].score\"]")
            try await browser.wait(for: "document.querySelector('[data-live=errors]').textContent === '0'", "no errors")

            // A row added and removed again: the rows are renumbered and the count follows.
            try await browser.click("#add-row")
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"indicators.count\"]').value") as? String
                    == "7")
            try await browser.type("临时指标", into: "[name=\"indicators[6].name\"]")
            try await browser.wait(
                for: "document.querySelector('[data-rule-score=\"6\"]') !== null", "the new row's rule cell")
            try await acceptConfirmations(browser)
            try await browser.click("tr[data-row=\"6\"] .remove-row")
            #expect(
                try await browser.evaluate("document.querySelectorAll('#indicators tr[data-row]').length") as? Int == 6)
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"indicators.count\"]').value") as? String
                    == "6")

            try await browser.click("#adopt-computed")
            try await browser.wait(
                for: "document.querySelector('[name=total]').value === '99.75'", "printed total adopted")
            try await browser.type("全年完成大楼设备维护任务，设备运行正常。", into: "[name=\"goals.completion\"]")
            for field in SelfEvaluation.Analysis.fields.dropLast() {
                try await browser.type("\(field.caption)：按计划完成。", into: "[name=\"analysis.\(field.key)\"]")
            }
            try await shots.take("officer-live-scoring")
            // The draft saves itself a moment after typing stops (a new version, still a draft).
            let autosaved: FormRecord = try await eventually("the analysis texts autosaved") {
                guard
                    let record = try await store.records(FormQuery(units: .all)).first(where: {
                        $0.targetID == target.id
                    }),
                    case .selfEvaluation(let form)? = try await store.form(id: record.id)?.form,
                    form.analysis.experience.hasPrefix("主要经验做法")
                else { return nil }
                return record
            }
            #expect(autosaved.state == .draft && autosaved.version > 1)
            // The page reports it once the answer is back (a recomputation arriving meanwhile may fill a computed
            // cell, which is saved in a second pass).
            try await browser.wait(
                for: "document.querySelector('#save-status').textContent.includes('已自动保存草稿')", "autosave reported")

            // The session ends while the officer types (signed out elsewhere): the page asks to sign in again in
            // place, then saves what was typed.
            try await store.deleteSessions(userID: officer.id, except: nil)
            let lastText = "下一步改进措施及管理建议：继续做好设备巡检。"
            try await browser.type(lastText, into: "[name=\"analysis.improvements\"]")
            try await browser.wait(
                for:
                    "document.querySelector('#sign-in-again') !== null && document.querySelector('#sign-in-again').open",
                "sign-in dialog")
            try await shots.take("officer-session-expired")
            try await browser.type("officer", into: "#sign-in-again [name=login]")
            try await browser.type(newPassword, into: "#sign-in-again [name=password]")
            try await browser.click("#sign-in-again button[type=submit]")
            try await browser.wait(
                for: "document.querySelector('#sign-in-again') === null", "dialog closed",
                timeout: BrowserEndToEndTests.passwordCheck)
            try await browser.wait(
                for: "document.querySelector('#save-status').textContent.includes('已自动保存草稿')", "saved after sign-in")
            #expect(
                try await browser.evaluate("document.querySelector('[name=\"analysis.improvements\"]').value")
                    as? String
                    == lastText, "the typing is still on the page")
            let stored: SelfEvaluation = try await eventually("the typing saved after signing in again") {
                guard case .selfEvaluation(let form)? = try await store.form(id: autosaved.id)?.form,
                    form.analysis.improvements == lastText
                else { return nil }
                return form
            }
            #expect(stored.goals.completion.hasPrefix("全年完成"))

            // The print view: the official form with its signature lines, nothing of the screen.
            try await browser.send("Emulation.setEmulatedMedia", ["media": "print"])
            #expect(
                try await browser.evaluate("getComputedStyle(document.querySelector('header.top')).display") as? String
                    == "none")
            #expect(
                try await browser.evaluate("getComputedStyle(document.querySelector('#history')).display") as? String
                    == "none")
            #expect(
                try await browser.evaluate("getComputedStyle(document.querySelector('.signatures')).display") as? String
                    == "flex")
            #expect(
                try await browser.evaluate("getComputedStyle(document.querySelector('#live-summary')).display")
                    as? String == "none")
            try await shots.take("officer-print-view")
            let pdf = try await browser.send("Page.printToPDF", ["landscape": true])
            #expect(Data(base64Encoded: pdf["data"] as? String ?? "")?.starts(with: Array("%PDF".utf8)) == true)
            try await browser.send("Emulation.setEmulatedMedia", ["media": ""])
            #expect(try await browser.evaluate("document.querySelector('[data-print]') !== null") as? Bool == true)

            // The Excel download imports back as the form on the page.
            let workbook = try #require(
                try await browser.evaluate(
                    """
                    fetch(document.querySelector('a[href$="form.xlsx"]').href).then(r => r.arrayBuffer()).then(b => {
                      let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); return btoa(s); })
                    """) as? String)
            let url = directory.appendingPathComponent("download.xlsx")
            try #require(Data(base64Encoded: workbook)).write(to: url)
            guard case .selfEvaluation(let fromExcel)? = try XLSXImporter().importForms(from: url).forms.first?.form
            else {
                Issue.record("the download is not a self-evaluation workbook")
                return
            }
            #expect(fromExcel.project == "维修维护费" && fromExcel.analysis.improvements == lastText)
            #expect(fromExcel.funds.total.executed.text == "52.5")

            try await browser.click("#editor button[type=submit]")
            try await browser.waitForPage("done=saved")
            try await acceptConfirmations(browser)
            try await browser.click("#submit-button")
            try await browser.waitForPage("done=submitted")
            #expect(try await browser.text(".subtitle .badge") == "已提交")
            try await signOut(browser)

            // Reviewer: the dashboard, then return the form with a comment.
            try await signIn(browser, base, "reviewer", expecting: "/review")
            try await browser.navigate("\(base)/review?year=2023&unit=\(office.id)")
            #expect(try await browser.evaluate("document.querySelectorAll('figure.chart svg').length") as? Int == 2)
            #expect(
                try await browser.evaluate("document.querySelector('textarea.sentence').value") as? String
                    == "2023年二级项目绩效自评个数6个，涉及资金774.64万元：5个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。")
            try await shots.take("reviewer-dashboard")
            try await browser.navigate("\(base)\(formPath)")
            try await shots.take("reviewer-form")
            let comment = "成本指标偏差原因请补充说明"
            try await acceptConfirmations(browser)
            try await browser.type(comment, into: "form[action$=\"/return\"] textarea[name=comment]")
            try await browser.click("form[action$=\"/return\"] button[type=submit]")
            try await browser.waitForPage("done=returned")
            try await signOut(browser)

            // Officer: the comment is on the form, which is editable again.
            try await signIn(browser, base, "officer", password: newPassword, expecting: "/forms")
            try await browser.navigate("\(base)\(formPath)")
            #expect(try await browser.text(".return-comment .comment-text") == comment)
            #expect(try await browser.evaluate("document.querySelector('#editor') !== null") as? Bool == true)
            try await shots.take("officer-sees-return-comment")
        }
        let record = try #require(try await store.records(FormQuery(units: .all)).first { $0.targetID == target.id })
        #expect(record.state == .returned)
        #expect(record.figures?.total == Decimal(string: "99.75"))
    }

    /// How long a page that checks a password may take: a debug build's PBKDF2 (210 000 rounds) takes seconds,
    /// more while other tests sign in.
    static let passwordCheck: TimeInterval = 90

    private func signIn(
        _ browser: Chromium, _ base: String, _ login: String, password: String = Fixture.password,
        expecting path: String
    ) async throws {
        try await browser.navigate("\(base)/login")
        try await browser.type(login, into: "[name=login]")
        try await browser.type(password, into: "[name=password]")
        try await browser.click("section.login button[type=submit]")
        try await browser.waitForPage(path, timeout: BrowserEndToEndTests.passwordCheck)
    }

    /// The value `probe` finds within 15 s.
    private func eventually<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Chromium.Failure.timeout(what)
    }

    /// The page's confirmations (`confirm()`) answered yes, as the person clicking OK would.
    private func acceptConfirmations(_ browser: Chromium) async throws {
        try await browser.evaluate("window.confirm = () => true; true")
    }

    private func signOut(_ browser: Chromium) async throws {
        try await browser.click("header form[action=\"/logout\"] button")
        try await browser.waitForPage("/login")
    }
}

/// Writes screenshots where `JIXIAO_SCREENSHOTS` says (relative to the package root), or nowhere.
struct Screenshots {
    let browser: Chromium
    let directory: URL?

    init(_ browser: Chromium) {
        self.browser = browser
        directory = ProcessInfo.processInfo.environment["JIXIAO_SCREENSHOTS"].map {
            $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : CLIPaths.root.appendingPathComponent($0)
        }
    }

    func take(_ name: String) async throws {
        try await browser.evaluate("window.scrollTo(0, 0)")
        let png = try await browser.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        guard let directory else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try png.write(to: directory.appendingPathComponent("\(name).png"))
    }
}

/// Chromium from Debian's packages: installed on first use when missing and the test may install packages.
enum BrowserInstallation {
    static let available: Bool = {
        if Chromium.executable != nil { return true }
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        install.arguments = [
            "bash", "-c",
            "command -v apt-get >/dev/null && { [ \"$(id -u)\" -eq 0 ] || sudo -n true; } && "
                + "DEBIAN_FRONTEND=noninteractive $( [ \"$(id -u)\" -eq 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null 2>&1",
        ]
        try? install.run()
        install.waitUntilExit()
        return Chromium.executable != nil
    }()
}
