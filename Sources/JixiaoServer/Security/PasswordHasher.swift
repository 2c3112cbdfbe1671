import Foundation
import JixiaoCrypto

/// Passwords are stored as `pbkdf2-sha256$<iterations>$<salt>$<key>` (salt and key in base64): a random
/// 16-byte salt per password and a slow derivation, so a stolen database does not give passwords away.
public struct PasswordHasher: Sendable {
    /// PBKDF2-HMAC-SHA256 rounds for new passwords. About 0.15 s per login in a release build.
    public static let defaultIterations = 210_000
    /// Stored hashes below this are refused: nothing weaker than the required minimum is accepted.
    public static let minimumIterations = 100_000

    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        precondition(
            iterations >= PasswordHasher.minimumIterations,
            "PBKDF2 needs at least \(PasswordHasher.minimumIterations) iterations")
        self.iterations = iterations
    }

    public func hash(_ password: String) -> String {
        let salt = SecureToken.randomBytes(16)
        // The rounds and length are ours and valid, so BoringSSL has no reason to refuse them.
        guard
            let key = try? Hashing.pbkdf2SHA256(
                password: Array(password.utf8), salt: salt, iterations: iterations, length: 32)
        else { preconditionFailure("PBKDF2 refused \(iterations) rounds") }
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Whether `password` matches `stored`. The comparison takes the same time wherever the bytes differ.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]),
            iterations >= minimumIterations, iterations <= 10_000_000,
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
            !expected.isEmpty, password.utf8.count <= 1024
        else { return false }
        guard
            let key = try? Hashing.pbkdf2SHA256(
                password: Array(password.utf8), salt: salt, iterations: iterations, length: expected.count)
        else { return false }
        return SecureToken.constantTimeEquals(key, Array(expected))
    }
}

/// Random tokens for sessions and CSRF, and their digests.
public enum SecureToken {
    /// Bytes from the system's cryptographically secure generator (getrandom on Linux).
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// 32 random bytes as 64 lowercase hex digits.
    public static func make() -> String { Hashing.hex(randomBytes(32)) }

    /// SHA-256 of a token, hex: what the store keeps instead of the session token itself.
    public static func digest(_ token: String) -> String { Hashing.sha256Hex(Array(token.utf8)) }

    /// Equal length and equal bytes, looking at every byte whatever the first difference.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        constantTimeEquals(Array(a.utf8), Array(b.utf8))
    }
}
