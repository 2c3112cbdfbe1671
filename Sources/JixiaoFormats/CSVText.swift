import Foundation

/// RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted (with its quotes doubled)
/// when it holds a comma, a quote, a line break or leading/trailing spaces. UTF-8 without a byte-order mark.
public enum CSVText {
    public static func document(_ records: [[String]]) -> String {
        records.map(record).joined()
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
