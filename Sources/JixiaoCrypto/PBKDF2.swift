/// HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256 (RFC 8018).
public enum HMACSHA256 {
    public static func authenticationCode<Message: Collection>(key: [UInt8], message: Message) -> [UInt8]
    where Message.Element == UInt8 {
        let keyed = KeyedState(key: key)
        var inner = keyed.inner
        inner.update(message)
        var outer = keyed.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// SHA-256 states after absorbing `key ⊕ ipad` and `key ⊕ opad`, so each HMAC costs two compressions less.
    struct KeyedState {
        let inner: SHA256
        let outer: SHA256

        init(key: [UInt8]) {
            var block = key.count > SHA256.blockSize ? SHA256.hash(key) : key
            block += [UInt8](repeating: 0, count: SHA256.blockSize - block.count)
            var inner = SHA256()
            inner.update(block.map { $0 ^ 0x36 })
            var outer = SHA256()
            outer.update(block.map { $0 ^ 0x5c })
            self.inner = inner
            self.outer = outer
        }
    }
}

public enum PBKDF2 {
    /// PBKDF2-HMAC-SHA256 (RFC 8018 §5.2).
    public static func deriveKey(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        precondition(iterations > 0 && length > 0)
        let keyed = HMACSHA256.KeyedState(key: password)
        var output: [UInt8] = []
        var blockIndex: UInt32 = 1
        while output.count < length {
            var first = keyed.inner
            first.update(
                salt + [
                    UInt8(blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16),
                    UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex),
                ])
            var outer = keyed.outer
            outer.update(first.finalize())
            var t = outer.finalize()
            if iterations > 1 { iterate(keyed, &t, count: iterations - 1) }
            output += t
            blockIndex += 1
        }
        return Array(output.prefix(length))
    }

    /// The remaining `count` rounds of one block, starting from `t = U₁`: `Uᵢ = HMAC(P, Uᵢ₋₁)`, `t ^= Uᵢ`.
    /// A round's message is one 32-byte digest, so inner and outer hashes are each a single compression
    /// over a prepared block.
    private static func iterate(_ keyed: HMACSHA256.KeyedState, _ t: inout [UInt8], count: Int) {
        // 32 bytes of data, 0x80, zeros, and the bit length of 64 + 32 bytes (768) at the end.
        var block = [UInt8](repeating: 0, count: SHA256.blockSize)
        block[32] = 0x80
        block[62] = 0x03
        let innerStart = keyed.inner.state
        let outerStart = keyed.outer.state
        block.withUnsafeMutableBufferPointer { block in
            for index in 0..<32 { block[index] = t[index] }
            t.withUnsafeMutableBufferPointer { t in
                for _ in 0..<count {
                    var state = innerStart
                    SHA256.compress(&state, UnsafeBufferPointer(block))
                    SHA256.store(state, into: block)
                    state = outerStart
                    SHA256.compress(&state, UnsafeBufferPointer(block))
                    SHA256.store(state, into: block)
                    for index in 0..<32 { t[index] ^= block[index] }
                }
            }
        }
    }
}
