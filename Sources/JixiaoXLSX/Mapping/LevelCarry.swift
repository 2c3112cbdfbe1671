/// 一级/二级 labels down an indicator table. A merged label covers the rows under it (`SheetGrid.resolved`);
/// a sheet whose merged cells were unmerged (Excel keeps the label in the first row only) leaves the rows
/// below blank, so a blank, unmerged label cell takes the label of the row above. 二级 is carried only
/// while 一级 is: a row that prints its own 一级 with a blank 二级 starts a group without a 二级.
struct LevelCarry {
    private var level1 = ""
    private var level2 = ""

    /// The labels of `row`; call once per indicator row, top to bottom.
    mutating func labels(_ grid: SheetGrid, row: Int, level1 column1: Int?, level2 column2: Int?) -> (String, String) {
        func read(_ column: Int?) -> (text: String, blank: Bool) {
            guard let column else { return ("", false) }
            let address = CellAddress(row: row, column: column)
            let text = grid.resolved(address)
            return (text, text.isEmpty && grid.merge(containing: address) == nil)
        }
        var (first, firstBlank) = read(column1)
        if firstBlank { first = level1 }
        var (second, secondBlank) = read(column2)
        if secondBlank && (firstBlank || column1 == nil) { second = level2 }
        (level1, level2) = (first, second)
        return (first, second)
    }
}
