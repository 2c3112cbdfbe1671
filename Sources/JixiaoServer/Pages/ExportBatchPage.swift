import Foundation

/// One export batch (its manifest: every form and file, downloads one by one or as one zip), and the list of
/// past batches. The server's folders are never shown, only file names inside the batch.
enum ExportBatchPage {
    static func render(
        _ batch: ExportBatch, refused: [(record: FormRecord, reasons: [String])] = [], identity: Identity
    ) -> HTML {
        let rows: [HTML] = batch.items.map { item in
            "<tr><td><a href=\"/forms/\(item.formID)\">\(item.formID)</a></td><td>\(item.path)</td><td><a href=\"/exports/\(batch.id)/forms/\(item.formID)\">下载</a></td></tr>"
        }
        let refusals: [HTML] = refused.map { entry in
            "<li><a href=\"/forms/\(entry.record.id)\">\(entry.record.project)</a>：\(entry.reasons.joined(separator: "；"))</li>"
        }
        let name = (batch.directory as NSString).lastPathComponent
        return Layout.page(
            "导出批次 \(batch.id)", identity: identity,
            """
            <section>
              <h1>导出批次 \(batch.id)</h1>
              \(Layout.message("批次 \(name)（\(Display.time(batch.createdAt))）：\(batch.items.count) 张自评表，状态为“已导出”。", kind: "success"))
              \(HTML.when(!refused.isEmpty, """
              \(Layout.message("\(refused.count) 张自评表未导出，仍为“已审核”：", kind: "error"))
              <ul class="reasons" id="refused">\(refusals)</ul>
              """))
              <p>导出格式：XML（与 jixiao export 相同：每张自评表一个通过模式校验的文件，另有一个带清单和 SHA-256 校验和的批次文件）。</p>
              <p><a class="button primary" href="/exports/\(batch.id)/batch.zip">全部下载（zip）</a>
                 <a class="button" href="/exports/\(batch.id)/batch">下载批次文件</a></p>
              <h2>清单</h2>
              <table class="list" id="export-items"><tr><th scope="col">表单编号</th><th scope="col">文件</th><th scope="col"></th></tr>\(rows)</table>
              <p><a href="/exports">全部导出批次</a> · <a href="/review">返回年度总览</a></p>
            </section>
            """)
    }

    static func list(_ batches: Page<ExportBatchSummary>, identity: Identity) -> HTML {
        let rows: [HTML] = batches.items.map { batch in
            """
            <tr><td><a href="/exports/\(batch.id)">批次 \(batch.id)</a></td><td>\(Display.time(batch.createdAt))</td>
            <td>\(batch.createdByName ?? "")</td><td class="num">\(batch.formCount)</td>
            <td><a href="/exports/\(batch.id)/batch.zip">下载 zip</a></td></tr>
            """
        }
        return Layout.page(
            "导出批次", identity: identity,
            """
            <section>
              <h1>导出批次</h1>
              <table class="list" id="export-batches"><tr><th scope="col">批次</th><th scope="col">导出时间</th><th scope="col">导出人</th><th scope="col">自评表（张）</th><th scope="col"></th></tr>\(rows)</table>
              \(Pager.render(batches) { "/exports?page=\($0)" })
              <p><a href="/review">返回年度总览</a></p>
            </section>
            """)
    }
}

/// What a bulk return or approval did.
enum BulkResultPage {
    static func render(_ outcome: FormService.BulkOutcome, transition: Transition, identity: Identity) -> HTML {
        let done: [HTML] = outcome.done.map { "<li><a href=\"/forms/\($0.id)\">\($0.project)</a></li>" }
        let refused: [HTML] = outcome.refused.map {
            "<li>\($0.project ?? "表单 \($0.id)")：\($0.reason)</li>"
        }
        return Layout.page(
            "批量\(transition.label)", identity: identity,
            """
            <section>
              <h1>批量\(transition.label)</h1>
              \(Layout.message("已\(transition.label) \(outcome.done.count) 张自评表。", kind: "success"))
              <ul id="bulk-done">\(done)</ul>
              \(HTML.when(!refused.isEmpty, "\(Layout.message("\(outcome.refused.count) 张未处理：", kind: "error"))<ul class=\"reasons\" id=\"bulk-refused\">\(refused)</ul>"))
              <p><a href="/review">返回年度总览</a></p>
            </section>
            """)
    }
}
