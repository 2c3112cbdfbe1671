enum ExportBatchPage {
    static func render(
        _ batch: ExportBatch, refused: [(record: FormRecord, reasons: [String])] = [], identity: Identity
    ) -> HTML {
        let rows: [HTML] = batch.items.map { item in
            "<tr><td>\(item.path)</td><td><a href=\"/exports/\(batch.id)/forms/\(item.formID)\">下载</a></td></tr>"
        }
        let refusals: [HTML] = refused.map { entry in
            "<li><a href=\"/forms/\(entry.record.id)\">\(entry.record.project)</a>：\(entry.reasons.joined(separator: "；"))</li>"
        }
        return Layout.page(
            "导出批次 \(batch.id)", identity: identity,
            """
            <section>
              <h1>导出批次 \(batch.id)</h1>
              \(Layout.message("已导出 \(batch.items.count) 张自评表，状态已改为“已导出”。文件保存在服务器的 \(batch.directory)。", kind: "success"))
              \(HTML.when(!refused.isEmpty, """
              \(Layout.message("\(refused.count) 张自评表未导出，仍为“已审核”：", kind: "error"))
              <ul class="reasons" id="refused">\(refusals)</ul>
              """))
              <p>导出格式：XML（与 jixiao export 相同：每张自评表一个通过模式校验的文件，另有一个带清单和 SHA-256 校验和的批次文件）。</p>
              <p><a class="button primary" href="/exports/\(batch.id)/batch">下载批次文件</a></p>
              <table class="list" id="export-items"><tr><th>文件</th><th></th></tr>\(rows)</table>
              <p><a href="/review">返回年度总览</a></p>
            </section>
            """)
    }
}
