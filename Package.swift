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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libxml2, the project's one system library (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Pure core: model, value parser, scoring engine, checks. No file, network or terminal I/O.
        .target(name: "JixiaoCore"),
        // Form files (YAML), reports (JSON/text): everything that turns bytes into the model and back.
        .target(name: "JixiaoFormats", dependencies: ["JixiaoCore", .product(name: "Yams", package: "Yams")]),
        // `jixiao serve`: the web application (Hummingbird 2) over a form store (SQLite through GRDB).
        .target(name: "JixiaoServer", dependencies: [
            "JixiaoCore", "JixiaoFormats",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // Subcommands, kept in a library so tests can run them in-process.
        .target(name: "JixiaoCLI", dependencies: [
            "JixiaoCore", "JixiaoFormats", "JixiaoServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "jixiao", dependencies: ["JixiaoCLI"]),
        // Fills a store with 10 000 forms for Benchmarks/server-benchmark.sh (not a test).
        .executableTarget(name: "ServerBenchmarks", dependencies: ["JixiaoServer", "JixiaoCore", "JixiaoFormats"],
                          path: "Benchmarks/ServerBenchmarks"),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore"]),
        .testTarget(name: "JixiaoFormatsTests", dependencies: ["JixiaoCore", "JixiaoFormats"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "JixiaoCLITests", dependencies: ["JixiaoCLI", "JixiaoFormats", "jixiao"]),
        .testTarget(name: "JixiaoServerTests", dependencies: [
            "JixiaoServer", "JixiaoCore", "JixiaoFormats",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
