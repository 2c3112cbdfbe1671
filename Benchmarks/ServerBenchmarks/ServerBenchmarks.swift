import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoServer

/// Fills a store for the `jixiao serve` benchmark (Benchmarks/server-benchmark.sh): self-evaluations made from
/// the bundled forms (varied execution, scores and states, spread over the units; 10 000 over 50 by default), a
/// reviewer of every unit and one officer, and a signed-in session of each, printed as shell variables for wrk
/// and curl. DB is a SQLite path or a `postgres://` URL, as `jixiao serve --db` takes it.
///
///     ServerBenchmarks DB [FORMS] [FORMS_FOLDER] [UNITS]
@main
enum ServerBenchmarks {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("用法：ServerBenchmarks 数据库路径 [表单数，默认 10000] [表单文件夹，默认 Forms]\n".utf8))
            exit(64)
        }
        let count = arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
        let folder = arguments.dropFirst(2).first ?? "Forms"
        let unitCount = arguments.dropFirst(3).first.flatMap(Int.init) ?? 50
        let store = try await StoreLocation(path).open()
        let seeds = FormLocator.load([folder]).forms.compactMap { item -> SelfEvaluation? in
            guard case .selfEvaluation(let form) = item.form else { return nil }
            return form
        }
        guard !seeds.isEmpty else { throw Failure("没有在 \(folder) 找到自评表") }
        var units: [BudgetUnit] = []
        for index in 0..<unitCount {
            units.append(try await store.createUnit(code: String(300_100 + index), name: "基准测试单位\(index)"))
        }
        let started = Date()
        let states: [WorkflowState] = [.submitted, .submitted, .approved, .draft, .returned]
        // Four inserts at a time: a PostgreSQL store writes them on four connections (SQLite takes them in turn).
        let lanes = 4
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<lanes {
                group.addTask { [units] in
                    for index in stride(from: lane, to: count, by: lanes) {
                        var form = seeds[index % seeds.count]
                        let unit = units[index % units.count]
                        form.project += "-\(index)"
                        form.agency = CodedName(unit.label)
                        vary(&form, index)
                        let analysis = FormAnalysis(form, target: nil, policy: .national)
                        _ = try await store.insertForm(
                            analysis.write, unitID: unit.id, state: states[(index / units.count) % states.count],
                            targetID: nil, by: nil, kind: .imported, at: Date())
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Date().timeIntervalSince(started)
        let hash = PasswordHasher().hash(SecureToken.make())
        let reviewer = try await store.createUser(
            NewUser(
                login: "bench-reviewer", displayName: "基准审核人", role: .reviewer,
                reviewedUnits: Set(units.map(\.id)), passwordHash: hash))
        let officer = try await store.createUser(
            NewUser(
                login: "bench-officer", displayName: "基准经办人", role: .officer,
                unitID: units[0].id, passwordHash: hash))
        let form = try await store.records(FormQuery(units: .only([units[0].id]))).first
        print("SEEDED_FORMS=\(count)")
        print("SEED_SECONDS=\(String(format: "%.1f", seconds))")
        for (name, user) in [("REVIEWER", reviewer), ("OFFICER", officer)] {
            let (cookie, csrf) = try await signIn(store, user)
            print("\(name)_COOKIE=\(cookie)")
            print("\(name)_CSRF=\(csrf)")
        }
        print("OFFICER_FORM=\(form?.id ?? 0)")
        try await printSavers(store, units: units, hash: hash)
    }

    /// One officer for each of the first 100 units, signed in, with a draft of their unit to save, for
    /// Benchmarks/save.lua: SAVE_FORMS, SAVE_COOKIES and SAVE_CSRFS as space-separated lists in the same order.
    static func printSavers(_ store: any FormStore, units: [BudgetUnit], hash: String) async throws {
        var forms: [String] = []
        var cookies: [String] = []
        var csrfs: [String] = []
        for (index, unit) in units.prefix(100).enumerated() {
            guard let draft = try await store.records(FormQuery(units: .only([unit.id]), states: [.draft])).first
            else { continue }
            let officer = try await store.createUser(
                NewUser(
                    login: "bench-saver-\(index)", displayName: "基准保存人\(index)", role: .officer, unitID: unit.id,
                    passwordHash: hash))
            let (cookie, csrf) = try await signIn(store, officer)
            forms.append(String(draft.id))
            cookies.append(cookie)
            csrfs.append(csrf)
        }
        print("SAVE_FORMS=\"\(forms.joined(separator: " "))\"")
        print("SAVE_COOKIES=\"\(cookies.joined(separator: " "))\"")
        print("SAVE_CSRFS=\"\(csrfs.joined(separator: " "))\"")
    }

    /// A session of a day for the user: the cookie (`jixiao_session=TOKEN`) and the CSRF token.
    static func signIn(_ store: any FormStore, _ user: User) async throws -> (cookie: String, csrf: String) {
        let token = SecureToken.make()
        let csrf = SecureToken.make()
        try await store.createSession(
            Session(
                tokenDigest: SecureToken.digest(token), userID: user.id, csrfToken: csrf,
                expiresAt: Date().addingTimeInterval(24 * 3600)))
        return ("jixiao_session=\(token)", csrf)
    }

    /// Deterministic variety: execution from 40 % to 110 %, some scores lowered or raised past the weight.
    static func vary(_ form: inout SelfEvaluation, _ index: Int) {
        guard let budget = form.funds.total.fullYearBudget.value else { return }
        let percent = Decimal(40 + (index * 7) % 71)
        form.funds.total.executed = EnteredNumber(DecimalText.plain((budget * percent / 100).rounded(3)))
        if !form.indicators.isEmpty {
            let row = index % form.indicators.count
            if let weight = form.indicators[row].weight.value {
                let shift = Decimal((index % 9) - 6)
                form.indicators[row].score = EnteredNumber(DecimalText.plain(max(0, weight + shift)))
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
