/// A deterministic 128-bit hash (FNV-1a): the same texts give the same value in every run, on every machine and
/// in every input order. Swift's `Hasher` is seeded per process, so it cannot name a group in a report that
/// must read the same tomorrow; this can. Used for indicator-table fingerprints and group ids.
public struct StableHash: Sendable, Hashable {
    public private(set) var high: UInt64 = 0x6c62_272e_07bb_0142
    public private(set) var low: UInt64 = 0x62b8_2175_6295_c58d

    public init() {}

    /// A hash of `texts` in order.
    public init(_ texts: [String]) {
        for text in texts { combine(text) }
    }

    /// Adds a text and a separator that cannot occur in UTF-8 (0xFF), so `["ab", "c"]` and `["a", "bc"]` differ.
    public mutating func combine(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0xFF)
    }

    public mutating func combine(_ value: Int) { combine(String(value)) }

    /// One FNV-1a step: xor the byte in, multiply by the 128-bit FNV prime 2^88 + 0x13B (mod 2^128).
    mutating func add(_ byte: UInt8) {
        low ^= UInt64(byte)
        let (carry, product) = low.multipliedFullWidth(by: 0x13B)
        high = high &* 0x13B &+ carry &+ (low << 24)
        low = product
    }

    /// The first 64 bits as 16 lower-case hex digits: short enough to read, far from colliding among the groups
    /// of one run.
    public var hex: String {
        let digits = String(high, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
