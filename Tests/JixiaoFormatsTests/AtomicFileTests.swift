import Foundation
import JixiaoFormats
import Testing

/// Atomic writes: a new file, an unchanged file, a refused and an allowed overwrite.
@Suite struct AtomicFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-atomic-\(UUID().uuidString)")

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func overwritingReplacesTheFileAndLeavesNoTemporary() throws {
        let path = folder.appendingPathComponent("docs/rules.md").path
        #expect(try AtomicFile.write(Data("旧".utf8), to: path) == .written)
        #expect(try AtomicFile.write(Data("旧".utf8), to: path) == .unchanged)
        #expect(throws: AtomicFile.RefusedOverwrite.self) { try AtomicFile.write(Data("新".utf8), to: path) }
        #expect(contents(path) == "旧")
        #expect(try AtomicFile.write(Data("新".utf8), to: path, overwrite: true) == .written)
        #expect(contents(path) == "新")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs").path)
        #expect(left == ["rules.md"])
        try FileManager.default.removeItem(at: folder)
    }
}
