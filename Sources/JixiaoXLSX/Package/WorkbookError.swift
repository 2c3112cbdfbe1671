/// Why a workbook file cannot be read at all: not a zip, damaged, too large, not a spreadsheet.
/// The importer turns it into an `ImportError` naming the file.
struct WorkbookError: Error, Sendable {
    let problem: String
    let fix: String
}
