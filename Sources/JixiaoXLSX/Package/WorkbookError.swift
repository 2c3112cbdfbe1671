/// Why a workbook file cannot be read at all: not a zip, damaged, too large, not a spreadsheet.
/// The importer turns it into an `ImportError` naming the file.
package struct WorkbookError: Error, Sendable {
    package let problem: String
    package let fix: String

    package init(problem: String, fix: String) {
        self.problem = problem
        self.fix = fix
    }
}
