/// SHA-256 (FIPS 180-4) in plain Swift: the checksum of each form in an XML batch manifest, session-token
/// digests, and the hash under HMAC and PBKDF2 for passwords. Fast in debug builds too (wrapping arithmetic,
/// unsafe buffers, the state in a tuple), since PBKDF2 runs it hundreds of thousands of times per login.
public struct SHA256: Sendable {
    public static let blockSize = 64
    public static let digestSize = 32

    /// The chaining value h0…h7.
    public typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    public static let initialState: State =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)

    /// The state after every complete block absorbed so far.
    public private(set) var state: State = SHA256.initialState
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() { pending.reserveCapacity(SHA256.blockSize) }

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { update(buffer: $0) }
        }
    }

    private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(buffer.count)
        var index = 0
        if !pending.isEmpty {
            let take = min(SHA256.blockSize - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            index = take
            guard pending.count == SHA256.blockSize else { return }
            pending.withUnsafeBufferPointer { SHA256.compress(&state, $0) }
            pending.removeAll(keepingCapacity: true)
        }
        while buffer.count - index >= SHA256.blockSize {
            SHA256.compress(&state, UnsafeBufferPointer(rebasing: buffer[index..<index + SHA256.blockSize]))
            index += SHA256.blockSize
        }
        pending.append(contentsOf: buffer[index...])
    }

    /// The 32-byte digest of everything absorbed.
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail = pending + [0x80]
        while tail.count % SHA256.blockSize != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
        tail.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: SHA256.blockSize) {
                SHA256.compress(&state, UnsafeBufferPointer(rebasing: buffer[start..<start + SHA256.blockSize]))
            }
        }
        pending.removeAll()
        var digest = [UInt8](repeating: 0, count: SHA256.digestSize)
        digest.withUnsafeMutableBufferPointer { SHA256.store(state, into: $0) }
        return digest
    }

    /// The digest as 64 lower-case hex digits.
    public mutating func hexDigest() -> String { SHA256.hexString(finalize()) }

    public static func hash<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hexString(hash(bytes))
    }

    /// Bytes as lower-case hex digits.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Absorbs exactly one 64-byte block into `state` (HMAC continues from precomputed states with this).
    public static func compress(_ state: inout State, _ block: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                let i = t &* 4
                w[t] =
                    UInt32(block[i]) << 24 | UInt32(block[i &+ 1]) << 16 | UInt32(block[i &+ 2]) << 8
                    | UInt32(block[i &+ 3])
            }
            for t in 16..<64 {
                let x = w[t &- 15]
                let y = w[t &- 2]
                let s0 = (x >> 7 | x << 25) ^ (x >> 18 | x << 14) ^ (x >> 3)
                let s1 = (y >> 17 | y << 15) ^ (y >> 19 | y << 13) ^ (y >> 10)
                w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
                    let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
            }
            state = (
                state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
            )
        }
    }

    /// Writes a state as 32 big-endian bytes at the start of `buffer`.
    public static func store(_ state: State, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        func put(_ word: UInt32, _ index: Int) {
            buffer[index &* 4] = UInt8(truncatingIfNeeded: word >> 24)
            buffer[index &* 4 &+ 1] = UInt8(truncatingIfNeeded: word >> 16)
            buffer[index &* 4 &+ 2] = UInt8(truncatingIfNeeded: word >> 8)
            buffer[index &* 4 &+ 3] = UInt8(truncatingIfNeeded: word)
        }
        put(state.0, 0)
        put(state.1, 1)
        put(state.2, 2)
        put(state.3, 3)
        put(state.4, 4)
        put(state.5, 5)
        put(state.6, 6)
        put(state.7, 7)
    }

    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
