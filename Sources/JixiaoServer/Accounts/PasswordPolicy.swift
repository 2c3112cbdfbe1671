/// Which new passwords are accepted: long enough, not the login name, not one of the passwords guessers try
/// first (a list of the most common ones, and the patterns behind most of the rest: one repeated character,
/// a run of the keyboard or the alphabet, digits only of a date or a sequence).
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 256

    /// Why `password` is refused for `login`, in Chinese; nil when it is acceptable.
    public static func weakness(of password: String, login: String) -> String? {
        if password.count < minimumLength { return "密码至少 \(minimumLength) 位（现在是 \(password.count) 位）" }
        if password.count > maximumLength { return "密码不能超过 \(maximumLength) 位" }
        if password.allSatisfy(\.isWhitespace) { return "密码不能全是空格" }
        let lowered = password.lowercased()
        let name = login.lowercased()
        if !name.isEmpty, lowered.contains(name) || (name.count >= minimumLength && name.contains(lowered)) {
            return "密码不能包含登录名"
        }
        if Set(lowered).count <= 2 { return "密码过于简单（只有一两种字符重复），请换一个" }
        if isRun(lowered) { return "密码过于简单（连续的数字、字母或键盘顺序），请换一个" }
        let stem = lowered.prefix(while: \.isLetter)
        let rest = lowered.dropFirst(stem.count)
        if common.contains(lowered)
            || (stem.count >= 3 && common.contains(String(stem)) && !rest.contains(where: \.isLetter))
        {
            return "这是常见密码，很容易被猜到，请换一个"
        }
        return nil
    }

    /// A run of the alphabet, the digits or a keyboard row, forwards or backwards (`1234567890`, `qwertyuiop`,
    /// `abcdefghij`), possibly repeated.
    static func isRun(_ text: String) -> Bool {
        let rows = ["01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc"]
        let scalars = Array(text)
        guard scalars.count >= 4 else { return false }
        for row in rows {
            let forwards = row + row
            let backwards = String(forwards.reversed())
            var rest = Substring(text)
            // Cut the text into pieces that each lie along the row.
            var covered = true
            while !rest.isEmpty {
                let piece = longestPrefix(of: rest, in: forwards, backwards)
                if piece < 3 {
                    covered = false
                    break
                }
                rest = rest.dropFirst(piece)
            }
            if covered { return true }
        }
        return false
    }

    private static func longestPrefix(of text: Substring, in rows: String...) -> Int {
        var best = 0
        for row in rows {
            for length in stride(from: min(text.count, row.count), through: 1, by: -1)
            where length > best && row.contains(text.prefix(length)) {
                best = length
                break
            }
        }
        return best
    }

    /// The most common passwords and their stems (lower case); a password equal to one, or a stem of three
    /// letters or more followed by digits and symbols only (`password2024!`), is refused.
    static let common: Set<String> = [
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "admin", "administrator", "root", "welcome", "letmein",
        "iloveyou", "woaini", "woaini1314", "5201314", "1314520", "monkey", "dragon", "football", "baseball",
        "master", "shadow", "sunshine", "princess", "qwerty", "abc", "abcd", "test", "guest", "user", "login",
        "changeme", "default", "secret", "superman", "batman", "trustno1", "whatever", "freedom", "computer",
        "internet", "michael", "jennifer", "hello", "hellokitty", "charlie", "starwars", "pokemon", "zhangwei",
        "wangwei", "liwei", "wodemima", "mima", "mimamima", "jixiao", "jixiaoziping", "caizheng", "shebao",
        "baoxian", "zhongguo", "china", "beijing", "shanxi", "taiyuan", "asdf", "zxcv", "pass",
        "pass1234", "password1", "password123", "admin123", "admin888", "admin@123", "root123", "test123",
        "abc123456", "a123456789", "qwe123456", "1q2w3e4r5t", "1qaz2wsx", "q1w2e3r4t5", "123qwe", "123abc",
        "aa123456", "asd123456", "zxc123456", "qq123456", "iloveyou1", "woaini520", "0123456789", "9876543210",
        "1234567890", "12345678910", "88888888", "66666666", "11111111", "00000000", "147258369", "159357",
        "123321", "112233", "121212", "520520", "lovelove", "aaaaaa", "abcabc", "football1", "qwertyuiop",
    ]
}
