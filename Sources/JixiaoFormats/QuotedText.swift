import Foundation

/// Double-quoted string literals shared by the JSON and YAML writers: both escape `"`, `\`, newline, return
/// and tab the same way and differ only in which other characters become `\uXXXX`.
enum QuotedText {
    enum HexCase { case lower, upper }

    static func escape(_ text: String, hexCase: HexCase, escapesAsHex: (UInt32) -> Bool) -> String {
        // Most texts need no escape: copied whole rather than scalar by scalar.
        let plain = !text.unicodeScalars.contains {
            $0 == "\"" || $0 == "\\" || $0.value < 0x20 || escapesAsHex($0.value)
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if escapesAsHex(scalar.value) {
                    out += String(format: hexCase == .lower ? "\\u%04x" : "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
