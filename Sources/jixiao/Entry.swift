import JixiaoCLI

/// The asynchronous entry point (`jixiao serve` runs a server); `@main` rather than `main.swift`, whose
/// top-level `JixiaoCommand.main()` would resolve to the synchronous entry.
@main
extension JixiaoCommand {}
