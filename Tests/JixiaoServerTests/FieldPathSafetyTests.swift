import Foundation
import HTTPTypes
import JixiaoCore
import Testing

@testable import JixiaoServer

/// Field paths come from the client: a negative, huge or malformed row number is a Chinese 400 on every route
/// that takes paths, never a crash (a negative index once killed the server with one request).
@Suite struct FieldPathSafetyTests {
    /// Paths that once trapped or that an attacker would try first.
    static let hostilePaths = [
        "indicators[-1].name", "funds.sources[-1].source", "indicators[-0].name", "indicators[+1].name",
        "indicators[99999999999999999999].name", "indicators[9223372036854775807].name", "indicators[200].name",
        "indicators[01].name", "indicators[1e3].name", "indicators[].name", "indicators[0]name", "indicators[0",
        "indicators[٣].name", "indicators[0x1].name", "funds.sources[ 0].rate", "indicators[0][1].name",
    ]

    @Test(arguments: hostilePaths)
    func theFieldsModelRefusesMalformedRowNumbers(_ path: String) {
        let form = ExampleForms.selfEvaluationValue()
        #expect(throws: FormFields.FieldError.self) { try FormFields.apply([path: "x"], to: form) }
    }

    @Test func aRefusalNamesThePathAndSaysHowToWriteIt() {
        let form = ExampleForms.selfEvaluationValue()
        #expect {
            try FormFields.apply(["indicators[-1].name": "x"], to: form)
        } throws: { error in
            "\(error)" == "字段 indicators[-1].name：行号无效：应写成 indicators[行号].列名，行号为 0 到 199 之间的整数（不带符号和前导零）"
        }
    }

    @Test func controlCharactersAreRefusedAndLineBreaksKept() throws {
        let form = ExampleForms.selfEvaluationValue()
        #expect {
            try FormFields.apply(["project": "维修\u{0}费"], to: form)
        } throws: { error in
            "\(error)".contains("U+0000")
        }
        #expect(throws: FormFields.FieldError.self) { try FormFields.apply(["goals.annual": "a\u{1B}[31m"], to: form) }
        let kept = try FormFields.apply(["goals.annual": "第一行\n第二行\t完"], to: form)
        #expect(kept.goals.annual == "第一行\n第二行\t完")
    }

    @Test func everyRouteThatTakesPathsAnswers400() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            for path in FieldPathSafetyTests.hostilePaths + ["project\u{0}", "nope"] {
                let encoded = try #require(String(data: JSONEncoder().encode([path: "x"]), encoding: .utf8))
                let score = try await client.json(.post, "/api/forms/\(id)/score", officer, "{\"fields\":\(encoded)}")
                score.expectClearRefusal(.badRequest, containing: "字段")
                let put = try await client.json(
                    .put, "/api/forms/\(id)", officer, "{\"fields\":\(encoded),\"version\":1}")
                put.expectClearRefusal(.badRequest, containing: "字段")
                let page = try await client.post("/forms/\(id)", officer, [("_version", "1"), (path, "x")])
                page.expectClearRefusal(.badRequest, containing: "字段")
            }
            let nul = try await client.json(
                .put, "/api/forms/\(id)", officer, #"{"fields":{"project":"a\u0000b"},"version":1}"#)
            nul.expectClearRefusal(.badRequest, containing: "U+0000")
            // The server is still up and the form unchanged.
            let after = try await client.form(id)
            #expect(after.record.version == 1)
            #expect(try await client.get("/forms/\(id)", officer).status == .ok)
        }
    }

    /// A deterministic mutational fuzz of the scoring endpoint: paths and values made from the real ones by
    /// inserting, deleting and replacing characters (brackets, signs, digits, dots, NUL, huge numbers). Every
    /// answer is 200 or a Chinese 400, and the server answers a plain request afterwards.
    @Test func fuzzingTheFieldsEndpointFindsNoCrash() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            let seeds =
                FormFields.flatten(ExampleForms.selfEvaluationValue()).map(\.path) + [
                    FormFields.indicatorCount, FormFields.sourceCount,
                ]
            let alphabet: [String] =
                "[]-+.0123456789e_x\u{0}٣ ".map { String($0) } + ["99999999999999999999", "-1", "200", "\u{FFFF}"]
            var random = SeededGenerator(seed: 0x6A69_7861_6F)
            var statuses: [Int: Int] = [:]
            for _ in 0..<400 {
                var fields: [String: String] = [:]
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    var path = seeds.randomElement(using: &random)!.map { String($0) }
                    for _ in 0..<Int.random(in: 1...3, using: &random) {
                        let position = Int.random(in: 0...path.count, using: &random)
                        let piece = alphabet.randomElement(using: &random)!
                        switch Int.random(in: 0..<3, using: &random) {
                        case 0: path.insert(piece, at: position)
                        case 1 where position < path.count: path.remove(at: position)
                        default: if position < path.count { path[position] = piece }
                        }
                    }
                    let value = ["x", "-1", "1e400", "\u{0}", String(repeating: "9", count: 40), ""]
                        .randomElement(using: &random)!
                    fields[path.joined()] = value
                }
                let body = try #require(String(data: JSONEncoder().encode(["fields": fields]), encoding: .utf8))
                let response = try await client.json(.post, "/api/forms/\(id)/score", officer, body)
                statuses[response.status.code, default: 0] += 1
                if response.status != .ok { response.expectClearRefusal(.badRequest) }
            }
            #expect(statuses.keys.allSatisfy { [200, 400].contains($0) }, "\(statuses)")
            #expect((statuses[400] ?? 0) > 100, "the mutations reach the refusals: \(statuses)")
            #expect(try await client.get("/api/forms/\(id)", officer).status == .ok)
        }
    }
}

/// SplitMix64: the same sequence on every run, so a failure is reproduced by running the test again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
