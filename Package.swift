// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2, the project's one system library (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Pure core: model, value parser, scoring engine, checks. No file, network or terminal I/O.
        .target(name: "JixiaoCore"),
        // Form files (YAML), reports (JSON/text): everything that turns bytes into the model and back.
        .target(name: "JixiaoFormats", dependencies: ["JixiaoCore", .product(name: "Yams", package: "Yams")]),
        // Published 决算/预算公开 documents (text exports of the PDFs): the forms found in them, by their labels.
        .target(name: "JixiaoImport", dependencies: ["JixiaoCore", "JixiaoFormats"]),
        // Excel workbooks (.xlsx): ZIPFoundation for the archive, libxml2's reader for the sheet XML, and the
        // label-driven mapping of the official 自评表/目标表 layouts onto the model.
        .target(name: "JixiaoXLSX", dependencies: [
            "JixiaoCore", "JixiaoFormats", "CLibXML2",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Subcommands, kept in a library so tests can run them in-process.
        .target(name: "JixiaoCLI", dependencies: [
            "JixiaoCore", "JixiaoFormats", "JixiaoXML", "JixiaoImport", "JixiaoXLSX",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // XML export for submission: schemas, libxml2 writer, validator and reader, batches.
        .target(name: "JixiaoXML", dependencies: ["JixiaoCore", "JixiaoFormats", "CLibXML2"]),
        .executableTarget(name: "jixiao", dependencies: ["JixiaoCLI"]),
        // `swift run -c release JixiaoBenchmarks`: export, validation and import throughput.
        .executableTarget(name: "JixiaoBenchmarks", dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoXML", "CLibXML2"],
                          path: "Benchmarks"),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore"]),
        .testTarget(name: "JixiaoFormatsTests", dependencies: ["JixiaoCore", "JixiaoFormats"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "JixiaoXMLTests", dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoXML"]),
        .testTarget(name: "JixiaoImportTests", dependencies: ["JixiaoImport", "JixiaoCore", "JixiaoFormats"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "JixiaoXLSXTests", dependencies: ["JixiaoXLSX", "JixiaoCore", "JixiaoFormats"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "JixiaoCLITests", dependencies: ["JixiaoCLI", "JixiaoFormats", "jixiao"]),
    ]
)
