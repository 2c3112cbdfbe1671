import Foundation
import JixiaoCore
import JixiaoFormats

/// The JSON the API answers with. Decimals are strings with two places (`"85.39"`), as in `jixiao score`.
enum APIJSON {
    /// The live recomputation: execution, each row's rule score, totals, grades and findings.
    static func analysis(_ analysis: FormAnalysis) -> JSONValue {
        let score = analysis.score
        let rows: [JSONValue] = score.indicators.enumerated().map { index, row in
            .object([
                ("index", .int(index)), ("weight", .decimal(row.weight)), ("enteredScore", .decimal(row.entered)),
                ("ruleScore", .decimal(row.ruleScore)), ("scored", .bool(row.isScored)),
                ("differs", .bool((row.difference ?? 0) != 0)),
                ("explanation", .string(ScoreExplanation.describe(row))),
            ])
        }
        return .object([
            ("executionRate", .decimal(score.execution.ratePercent)),
            ("executionScore", .decimal(score.execution.score)),
            ("executionProblem", .text(score.execution.problem?.label)),
            ("weightSum", .decimal(score.weightSum)),
            ("enteredSum", .decimal(score.enteredSum)),
            ("total", .decimal(score.total)),
            ("grade", .string(score.gradeLabel)),
            ("ruleTotal", .decimal(score.ruleTotal)),
            ("ruleGrade", .string(score.ruleGradeLabel)),
            ("unscored", .bool(score.isUnscored)),
            ("indicators", .array(rows)),
            ("errors", .int(analysis.errors.count)),
            ("findings", .array(analysis.findings.map(finding))),
            ("suggestions", .object(FormCompletion(analysis).suggestions.map { ($0.path, .string($0.value)) })),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("ruleId", .string(finding.ruleID)), ("severity", .string(finding.severity.rawValue)),
            ("severityLabel", .string(finding.severity.label)), ("message", .string(finding.message)),
            ("fieldPath", .text(finding.location.fieldPath)),
            ("fieldLabel", .text(finding.location.fieldPath.map(FieldLabels.label))),
            ("expected", .text(finding.expected)), ("actual", .text(finding.actual)),
        ])
    }

    static func record(_ record: FormRecord) -> JSONValue {
        .object([
            ("id", .number(String(record.id))), ("kind", .string(record.kind.rawValue)), ("year", .int(record.year)),
            ("project", .string(record.project)), ("state", .text(record.state?.rawValue)),
            ("stateLabel", .text(record.state?.label)), ("version", .int(record.version)),
        ])
    }

    static func form(_ record: FormRecord, _ form: SelfEvaluation) -> JSONValue {
        var fields: [(String, JSONValue)] = FormFields.flatten(form).map { ($0.path, .string($0.value)) }
        fields.append((FormFields.indicatorCount, .string(String(form.indicators.count))))
        fields.append((FormFields.sourceCount, .string(String(form.funds.sources.count))))
        guard case .object(var pairs) = self.record(record) else { return .null }
        pairs.append(("fields", .object(fields)))
        return .object(pairs)
    }

    static func history(_ entry: HistoryEntry) -> JSONValue {
        .object([
            ("version", .int(entry.version)), ("user", .text(entry.userName)),
            ("at", .string(ISO8601DateFormatter().string(from: entry.at))), ("kind", .string(entry.kind.rawValue)),
            ("field", .text(entry.change?.path)), ("old", .text(entry.change?.old)), ("new", .text(entry.change?.new)),
            ("fromState", .text(entry.fromState?.rawValue)), ("toState", .text(entry.toState?.rawValue)),
            ("comment", .text(entry.comment)),
        ])
    }

    static func conflict(_ conflict: SaveConflict) -> JSONValue {
        .object([
            ("yourVersion", .int(conflict.yourVersion)), ("currentVersion", .int(conflict.currentVersion)),
            ("theirChanges", .array(conflict.theirChanges.map(history))),
            (
                "yourChanges",
                .array(
                    conflict.yourChanges.map { change in
                        .object([
                            ("field", .string(change.path)), ("old", .string(change.old)), ("new", .string(change.new)),
                        ])
                    })
            ),
        ])
    }
}

/// A JSON request body: an object whose keys are checked against what the endpoint accepts, so a typo is
/// refused instead of ignored. Types are checked strictly (`"version": "3"` is not a number).
struct APIRequest: Decodable {
    let keys: Set<String>
    let version: Int?
    let fields: [String: String]?
    let comment: String?

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        keys = Set(container.allKeys.map(\.stringValue))
        version = try APIRequest.integer(container, Key(stringValue: "version"))
        fields = try container.decodeIfPresent([String: String].self, forKey: Key(stringValue: "fields"))
        comment = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "comment"))
    }

    /// An integer; a number that is not one (`1.5`, `1e400`) is a type error, not "invalid JSON".
    private static func integer(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Int? {
        do {
            return try container.decodeIfPresent(Int.self, forKey: key)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DecodingError.typeMismatch(
                Int.self, .init(codingPath: container.codingPath + [key], debugDescription: "\(error)"))
        }
    }

    /// Decodes `body`, refusing malformed JSON, wrong types, keys outside `allowed` and missing `required` ones.
    static func decode(_ body: [UInt8], allowed: Set<String>, required: Set<String> = []) throws -> APIRequest {
        let request: APIRequest
        do {
            request = try JSONDecoder().decode(APIRequest.self, from: Data(body))
        } catch let error as DecodingError {
            throw RequestError.badRequest(describe(error))
        }
        if let unknown = request.keys.subtracting(allowed).sorted().first {
            throw RequestError.badRequest("未知字段“\(unknown)”；该接口只接受：\(allowed.sorted().joined(separator: "、"))")
        }
        if let missing = required.subtracting(request.keys).sorted().first {
            throw RequestError.badRequest("缺少字段“\(missing)”")
        }
        return request
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            let expected = type == Int.self ? "整数" : type == String.self ? "文字（字符串）" : "对象"
            return context.codingPath.isEmpty ? "请求内容应为 JSON 对象" : "字段 \(path(context.codingPath)) 的类型不对：应为\(expected)"
        case .valueNotFound(_, let context):
            return "字段 \(path(context.codingPath)) 不能为 null"
        case .keyNotFound(let key, _):
            return "缺少字段“\(key.stringValue)”"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "请求内容不是有效的 JSON" : "字段 \(path(context.codingPath)) 的值无效"
        @unknown default:
            return "请求内容无法读取"
        }
    }
}
