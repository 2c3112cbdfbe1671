import Foundation

/// A decimal from its text. Expected numbers are never written as float literals (`0.07` as a Decimal is
/// `0.07000000000000001024`), and never through the parser under test.
func dec(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        fatalError("not a decimal literal in a test vector: \(text)")
    }
    return value
}
