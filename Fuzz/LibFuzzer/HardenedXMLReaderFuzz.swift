import Foundation

// libFuzzer's entry point over the one hardened XML reader, compiled together with the sources of
// JixiaoXMLReading by scripts/libfuzzer.sh (`swiftc -sanitize=fuzzer,address`); not part of the package.
// Every event is read to the end of the document; a refusal or a libxml2 error is fine, a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHardenedXMLReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let reader = try HardenedXMLReader(.data(data), diagnostics: { _ in })
        while try reader.next() != nil {}
    } catch {}
    return 0
}
