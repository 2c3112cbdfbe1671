import Crypto
import Foundation
import _CryptoExtras

/// The project's hashing, on swift-crypto (BoringSSL): SHA-256 checksums of exported XML and session-token
/// digests, and PBKDF2-HMAC-SHA256 for stored passwords. Only the forms the project uses are offered.
public enum Hashing {
    /// SHA-256 of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// SHA-256 of `bytes` as 64 lowercase hex digits.
    public static func sha256Hex(_ bytes: some DataProtocol) -> String { hex(sha256(bytes)) }

    /// Lowercase hex of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// PBKDF2-HMAC-SHA256 (RFC 8018) of `password` and `salt`: `length` bytes after `iterations` rounds. The
    /// caller enforces its own minimum of rounds (the password hasher's), so the vectors' small counts work
    /// too. Throws only when BoringSSL refuses the parameters.
    public static func pbkdf2SHA256(
        password: some DataProtocol, salt: some DataProtocol, iterations: Int, length: Int
    ) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: password, salt: salt, using: .sha256, outputByteCount: length, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }
}
