import Foundation
import Testing

@testable import JixiaoFormats

/// How batch commands find and read form files: policy files told by their top-level keys on any line break,
/// form files by name, and each file read whole up to the form-file limit.
@Suite struct FormFileSniffingTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-sniff-\(UUID().uuidString)")

    func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func policyFilesAreToldByTheirTopLevelKeys() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(PolicyFile.isPolicyFile(try write("a.yaml", "extends: national\nid: x\n")))
        #expect(PolicyFile.isPolicyFile(try write("b.yaml", "# 评分政策\r\nextends: national\r\n")))
        #expect(PolicyFile.isPolicyFile(try write("c.yaml", "id: x\u{2028}extends: shanxi")))
        #expect(!PolicyFile.isPolicyFile(try write("d.yaml", "form: self-evaluation\nextends: national\n")))
        #expect(!PolicyFile.isPolicyFile(try write("e.yaml", "extends: national\u{85}form: target-table")))
        #expect(!PolicyFile.isPolicyFile(try write("f.yaml", "  extends: national\n")), "not a top-level key")
        #expect(!PolicyFile.isPolicyFile(try write("g.yaml", "")))
        #expect(!PolicyFile.isPolicyFile(folder.appendingPathComponent("missing.yaml").path))
    }

    @Test func formFilesAreFoundByTheirNames() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.yaml", "b.YML", ".hidden.yaml", "c.yaml.bak", "noextension", "d.txt"] {
            _ = try write(name, "form: self-evaluation\n")
        }
        let found = FormLocator.files(in: [folder.path]).files.map { ($0 as NSString).lastPathComponent }
        #expect(found == ["a.yaml", "b.YML"])
    }

    @Test func filesAreReadWholeUpToTheLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "form: self-evaluation\n项目名称：会议培训\n"
        #expect(try FormLocator.readLimited(try write("a.yaml", text)) == Data(text.utf8))
        #expect(try FormLocator.readLimited(try write("empty.yaml", "")).isEmpty)
        let limit = FormFileReader.maximumBytes
        let full = try write("full.yaml", String(repeating: "a", count: limit))
        #expect(try FormLocator.readLimited(full).count == limit)
        let over = try write("over.yaml", String(repeating: "a", count: limit + 1))
        #expect(throws: FormFileError.self) { try FormLocator.readLimited(over) }
        #expect(throws: (any Error).self) { try FormLocator.readLimited(folder.path) }
        #expect(throws: (any Error).self) { try FormLocator.readLimited(folder.appendingPathComponent("none").path) }
    }
}
