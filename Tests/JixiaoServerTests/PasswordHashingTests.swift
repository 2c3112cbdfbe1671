import Foundation
import JixiaoCrypto
import Testing

@testable import JixiaoServer

@Suite struct PasswordHashingTests {
    @Test func storedHashesAreSaltedSlowAndVerified() throws {
        let hasher = PasswordHasher()
        #expect(hasher.iterations >= 100_000)
        let first = hasher.hash("密码-correct-1")
        let second = hasher.hash("密码-correct-1")
        #expect(first != second, "each password gets its own salt")
        #expect(first.hasPrefix("pbkdf2-sha256$\(PasswordHasher.defaultIterations)$"))
        #expect(PasswordHasher.verify("密码-correct-1", against: first))
        #expect(!PasswordHasher.verify("密码-correct-2", against: first))
        #expect(!PasswordHasher.verify("", against: first))
    }

    @Test func weakOrMalformedHashesNeverVerify() throws {
        let salt = Data("salt".utf8).base64EncodedString()
        let weak = try Hashing.pbkdf2SHA256(
            password: Array("pw".utf8), salt: Array("salt".utf8), iterations: 1000, length: 32)
        #expect(!PasswordHasher.verify("pw", against: "pbkdf2-sha256$1000$\(salt)$\(Data(weak).base64EncodedString())"))
        for stored in ["", "plain", "pbkdf2-sha256$x$y$z", "md5$100000$\(salt)$AAAA", "pbkdf2-sha256$100000$\(salt)$"] {
            #expect(!PasswordHasher.verify("pw", against: stored))
        }
    }

    /// A hash stored by the hand-written PBKDF2 that swift-crypto replaced (made with `jixiao user add` before
    /// the change): the same algorithm and parameters, so stored passwords still verify.
    @Test func aHashStoredBeforeSwiftCryptoStillVerifies() {
        let stored = "pbkdf2-sha256$210000$qsEGxhWA+Bi3HJIAi3/aVQ==$bACuhsYe4Jwsif8LxOgNxzv1JdzGN2K6T+eeHQS5baU="
        #expect(PasswordHasher.verify("绩效自评2023-Admin", against: stored))
        #expect(!PasswordHasher.verify("绩效自评2023-admin", against: stored))
    }

    @Test func tokensAreRandomAndComparedInConstantTime() {
        let a = SecureToken.make()
        let b = SecureToken.make()
        #expect(a.count == 64 && a != b)
        #expect(SecureToken.digest(a).count == 64 && SecureToken.digest(a) != a)
        #expect(SecureToken.constantTimeEquals("abc", "abc"))
        #expect(!SecureToken.constantTimeEquals("abc", "abd"))
        #expect(!SecureToken.constantTimeEquals("abc", "abcd"))
    }
}
