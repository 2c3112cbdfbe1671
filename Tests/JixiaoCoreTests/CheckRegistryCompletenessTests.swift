import Foundation
import JixiaoCore
import Testing

/// CheckRegistry's promise: every rule type in the sources is in the catalogue. The types are found in the
/// source files themselves (every struct, enum or class under Sources/JixiaoCore/Checks that conforms to one
/// of the rule protocols), so a rule written and not registered fails here.
@Suite struct CheckRegistryCompletenessTests {
    static let checksFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/JixiaoCore/Checks")

    static func declaredCheckTypes() throws -> Set<String> {
        let protocols = "Check|SelfEvaluationCheck|TargetTableCheck|CrossFormCheck|TargetPairCheck|DisclosureCheck"
        let pattern = try Regex(#"(?:struct|enum|final class|class)\s+(\w+)\s*:\s*([^{]*)\{"#)
        var names: Set<String> = []
        let files =
            FileManager.default.enumerator(at: checksFolder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let name = match.output[1].substring, let conformances = match.output[2].substring else {
                    continue
                }
                let conforms = conformances.split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                if conforms.contains(where: { protocols.split(separator: "|").contains(Substring($0)) }) {
                    names.insert(String(name))
                }
            }
        }
        return names
    }

    @Test func everyCheckTypeInTheSourcesIsRegistered() throws {
        let declared = try Self.declaredCheckTypes()
        let registered = Set(CheckRegistry.all.map { String(describing: $0) })
        #expect(declared.count >= 60, "the scan found too few rules: \(declared.sorted())")
        #expect(
            declared.subtracting(registered).isEmpty,
            "not in CheckRegistry.all: \(declared.subtracting(registered).sorted())")
        #expect(
            registered.subtracting(declared).isEmpty,
            "registered but not found: \(registered.subtracting(declared).sorted())")
        #expect(registered.count == CheckRegistry.all.count, "a rule is registered twice")
    }
}
