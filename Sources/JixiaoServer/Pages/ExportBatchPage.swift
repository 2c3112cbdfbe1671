enum ExportBatchPage {
    static func render(_ batch: ExportBatch, identity: Identity) -> HTML {
        let rows: [HTML] = batch.items.map { item in
            "<tr><td>\(item.path)</td><td><a href=\"/exports/\(batch.id)/\(item.formID)\">下载</a></td></tr>"
        }
        return Layout.page("导出批次 \(batch.id)", identity: identity, """
        <section>
          <h1>导出批次 \(batch.id)</h1>
          \(Layout.message("已导出 \(batch.items.count) 张自评表，状态已改为“已导出”。文件保存在服务器的 \(batch.directory)。", kind: "success"))
          <p class="muted">导出格式：表单文件（YAML，与 jixiao score / jixiao check 读取的格式相同），每张一个文件。</p>
          <table class="list" id="export-items"><tr><th>文件</th><th></th></tr>\(rows)</table>
          <p><a href="/review">返回年度总览</a></p>
        </section>
        """)
    }
}
