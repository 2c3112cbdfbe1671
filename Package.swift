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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libxml2, the project's one system library (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The one hardened libxml2 reader for untrusted XML (no DTD, entity or network; size, depth and
        // attribute limits checked on the bytes before libxml2 parses them), shared by every XML-based reader.
        .target(name: "JixiaoXMLReading", dependencies: ["CLibXML2"]),
        // Pure core: model, value parser, scoring engine, checks. No file, network or terminal I/O.
        .target(name: "JixiaoCore"),
        // SHA-256 and PBKDF2-HMAC-SHA256 on swift-crypto: batch checksums, session digests, password hashing.
        .target(
            name: "JixiaoCrypto",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        // Form files (YAML), reports (JSON/text): everything that turns bytes into the model and back.
        // Form files are composed from libyaml's events (YAMLComposer): the Yams product brings its vendored
        // libyaml, the CYaml module, which JixiaoFormats imports.
        .target(name: "JixiaoFormats", dependencies: ["JixiaoCore", .product(name: "Yams", package: "Yams")]),
        // Published 决算/预算公开 documents (text exports of the PDFs): the forms found in them, by their labels.
        .target(name: "JixiaoImport", dependencies: ["JixiaoCore", "JixiaoFormats"]),
        // Excel workbooks (.xlsx): ZIPFoundation for the archive, libxml2's reader for the sheet XML, the
        // label-driven mapping of the official 自评表/目标表 layouts onto the model, and the writer of that layout.
        .target(
            name: "JixiaoXLSX",
            dependencies: [
                "JixiaoCore", "JixiaoFormats", "JixiaoXMLReading",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Word (.docx), HTML pages and PDF read into the document grid the form mapper of JixiaoImport reads:
        // ZIPFoundation and libxml2's reader for .docx (the xlsx package reader), libxml2's HTML parser for pages,
        // poppler's pdftotext (Debian: poppler-utils) for the words and their positions on PDF pages, and its
        // pdftocairo's SVG, read by the hardened XML reader, for the pages' ruling lines.
        .target(
            name: "JixiaoDocuments",
            dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoImport", "JixiaoXLSX", "JixiaoXMLReading", "CLibXML2"]),
        // `jixiao serve`: the web application (Hummingbird 2) over a form store: SQLite through GRDB, or
        // PostgreSQL through PostgresNIO (TLS by NIOSSL); Excel downloads are written by JixiaoXLSX.
        .target(
            name: "JixiaoServer",
            dependencies: [
                "JixiaoCore", "JixiaoFormats", "JixiaoXML", "JixiaoXLSX", "JixiaoCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        // Subcommands, in a library apart from the `jixiao` executable (its entry point only). The CLI tests run the
        // built binary as a user does; the library also lets them test its helpers (ArgumentMessages) directly.
        .target(
            name: "JixiaoCLI",
            dependencies: [
                "JixiaoCore", "JixiaoFormats", "JixiaoXML", "JixiaoImport", "JixiaoXLSX", "JixiaoDocuments",
                "JixiaoServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // XML export for submission: schemas, libxml2 writer, validator and reader, batches.
        .target(
            name: "JixiaoXML",
            dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoCrypto", "JixiaoXMLReading", "CLibXML2"]),
        .executableTarget(name: "jixiao", dependencies: ["JixiaoCLI"]),
        // `swift run -c release JixiaoBenchmarks`: export, validation and import throughput.
        .executableTarget(
            name: "JixiaoBenchmarks", dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoXML", "CLibXML2"],
            path: "Benchmarks/JixiaoBenchmarks"),
        // `swift run -c release ProvinceBenchmarks`: score, check, summary and export over a synthetic province
        // of 10 000 and 100 000 form files, timed as processes beside a PyYAML script (score.py).
        .executableTarget(
            name: "ProvinceBenchmarks", dependencies: ["JixiaoCore", "JixiaoFormats"],
            path: "Benchmarks/ProvinceBenchmarks", exclude: ["score.py"]),
        // `scripts/fuzz.sh TARGET SECONDS`: a deterministic mutational fuzzer, one target per reader of untrusted
        // input; built with the tests, so CI compiles it once.
        .executableTarget(
            name: "JixiaoFuzz",
            dependencies: ["JixiaoFormats", "JixiaoImport", "JixiaoXLSX", "JixiaoXML", "JixiaoDocuments"],
            path: "Fuzz/JixiaoFuzz"),
        // Fills a store with 10 000 forms for Benchmarks/server-benchmark.sh (not a test).
        .executableTarget(
            name: "ServerBenchmarks", dependencies: ["JixiaoServer", "JixiaoCore", "JixiaoFormats"],
            path: "Benchmarks/ServerBenchmarks"),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore"]),
        .testTarget(
            name: "JixiaoFormatsTests", dependencies: ["JixiaoCore", "JixiaoFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "JixiaoCryptoTests",
            dependencies: ["JixiaoCrypto", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "JixiaoXMLReadingTests", dependencies: ["JixiaoXMLReading"]),
        .testTarget(
            name: "JixiaoXMLTests", dependencies: ["JixiaoCore", "JixiaoFormats", "JixiaoXML", "JixiaoCrypto"]),
        .testTarget(
            name: "JixiaoImportTests", dependencies: ["JixiaoImport", "JixiaoCore", "JixiaoFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "JixiaoXLSXTests", dependencies: ["JixiaoXLSX", "JixiaoCore", "JixiaoFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "JixiaoDocumentsTests",
            dependencies: ["JixiaoDocuments", "JixiaoImport", "JixiaoXLSX", "JixiaoCore", "JixiaoFormats"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "JixiaoCLITests",
            dependencies: ["JixiaoCLI", "JixiaoFormats", "JixiaoServer", "JixiaoCore", "jixiao"]),
        .testTarget(
            name: "JixiaoServerTests",
            dependencies: [
                "JixiaoServer", "JixiaoCore", "JixiaoFormats", "JixiaoXML", "JixiaoXLSX", "JixiaoCrypto",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)
