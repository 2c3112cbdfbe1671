/// A grouped bar chart as inline SVG (no script, no external library): one group per label, one bar per
/// series, each bar labelled with its value. Colours come from the style sheet (`.series-0`, `.series-1`).
struct BarChart {
    let title: String
    let labels: [String]
    let series: [(name: String, values: [Int])]

    func render() -> HTML {
        let width = 640
        let height = 250
        let left = 40
        let bottom = 40
        let top = 44
        let plotHeight = height - bottom - top
        let maximum = max(1, series.flatMap(\.values).max() ?? 1)
        let groupWidth = (width - left - 10) / max(1, labels.count)
        let barWidth = max(6, (groupWidth - 12) / max(1, series.count))
        var parts: [HTML] = []
        parts.append(
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" class=\"axis\"/>"
        )
        for (groupIndex, label) in labels.enumerated() {
            let groupX = left + groupIndex * groupWidth + 6
            for (seriesIndex, entry) in series.enumerated() {
                let value = entry.values[groupIndex]
                let barHeight = value * plotHeight / maximum
                let x = groupX + seriesIndex * barWidth
                let y = height - bottom - barHeight
                parts.append(
                    """
                    <rect x="\(x)" y="\(y)" width="\(barWidth - 2)" height="\(barHeight)" class="series-\(seriesIndex)"><title>\(label) \(entry.name)：\(value)</title></rect>
                    <text x="\(x + (barWidth - 2) / 2)" y="\(y - 4)" class="value">\(value)</text>
                    """)
            }
            parts.append(
                "<text x=\"\(groupX + groupWidth / 2 - 6)\" y=\"\(height - bottom + 18)\" class=\"label\">\(label)</text>"
            )
        }
        let legend: [HTML] = series.enumerated().map { index, entry in
            "<rect x=\"\(left + index * 110)\" y=\"6\" width=\"12\" height=\"12\" class=\"series-\(index)\"/><text x=\"\(left + index * 110 + 18)\" y=\"17\" class=\"legend\">\(entry.name)</text>"
        }
        return """
            <figure class="chart"><figcaption>\(title)</figcaption>
            <svg viewBox="0 0 \(width) \(height)" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\(legend)\(parts)</svg>
            </figure>
            """
    }
}
