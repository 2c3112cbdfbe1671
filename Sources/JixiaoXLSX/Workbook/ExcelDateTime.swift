import Foundation
import JixiaoCore

/// A date and time read from an Excel serial number (days since the epoch, the fraction being the time of
/// day), without passing through `Double` or a time zone.
struct ExcelDateTime: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// `serial` in the 1900 date system (Excel's default) or the 1904 one (`workbookPr date1904`).
    /// Nil for negative serials and serials beyond year 9999, which Excel shows as `#####`.
    init?(serial: Decimal, date1904: Bool) {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = NSDecimalNumber(decimal: (serial * 86_400).rounded(0)).int64Value
        var days = totalSeconds / 86_400
        let secondOfDay = totalSeconds % 86_400
        let epoch: Int64
        if date1904 {
            epoch = ExcelDateTime.daysFromCivil(1904, 1, 1)
        } else {
            // Excel counts the non-existent 1900-02-29 as serial 60; serials before it start one day later.
            if days < 60 { days += 1 }
            epoch = ExcelDateTime.daysFromCivil(1899, 12, 30)
        }
        (year, month, day) = ExcelDateTime.civil(fromDays: epoch + days)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
    }

    /// `2024-07-13` or `2024-07-13 15:05:57`.
    var isoText: String {
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        return hour == 0 && minute == 0 && second == 0
            ? date : date + String(format: " %02d:%02d:%02d", hour, minute, second)
    }

    /// `20240713150557`: how the platform prints 填报日期.
    var compactText: String {
        String(format: "%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
