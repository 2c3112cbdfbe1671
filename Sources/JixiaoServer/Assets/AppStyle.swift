/// The style sheet: the form pages look like the printed 自评表 (ruled tables, Song/Hei CJK fonts).
enum AppStyle {
    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
               font-size: 14px; color: #1d2433; background: #f4f6f9; }
        header.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: #8b1a1a; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        header.top .brand { font-weight: bold; font-size: 18px; }
        header.top nav { display: flex; gap: 16px; flex: 1; }
        header.top .who { display: flex; gap: 8px; align-items: center; }
        main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 17px; margin: 20px 0 8px; }
        .subtitle, .muted { color: #5b6475; } .crumbs { margin: 0; }
        form.inline { display: inline; }
        button { font: inherit; padding: 5px 12px; border: 1px solid #9aa3b2; background: #fff; border-radius: 3px; cursor: pointer; }
        button.primary, a.button.primary { background: #8b1a1a; color: #fff; border-color: #8b1a1a; }
        button:disabled { opacity: .5; cursor: not-allowed; }
        button.link { border: none; background: none; color: inherit; text-decoration: underline; padding: 0; }
        a.button { display: inline-block; padding: 5px 12px; border-radius: 3px; text-decoration: none; }
        label { display: inline-flex; flex-direction: column; gap: 4px; margin: 4px 12px 4px 0; }
        input, select, textarea { font: inherit; padding: 4px 6px; border: 1px solid #b8c0cc; border-radius: 2px; }
        .message { padding: 8px 12px; margin: 10px 0; border-radius: 3px; border: 1px solid; }
        .message.error { background: #fdecec; border-color: #e0a3a3; color: #7a1212; }
        .message.success { background: #eaf6ec; border-color: #9ccaa5; color: #1b5e2a; }
        .message.notice { background: #eef3fb; border-color: #a9bfe0; }
        table.sheet { width: 100%; border-collapse: collapse; background: #fff; margin: 10px 0; }
        table.sheet caption { text-align: left; font-weight: bold; padding: 6px 0; }
        table.sheet th, table.sheet td { border: 1px solid #333; padding: 4px; vertical-align: top; }
        table.sheet th { background: #f2efe8; font-weight: normal; white-space: nowrap; }
        table.sheet input { width: 100%; min-width: 60px; }
        table.sheet input.num { text-align: right; min-width: 56px; }
        table.sheet textarea { width: 100%; min-width: 120px; }
        table.sheet td.rule { background: #f7f7ff; text-align: right; white-space: nowrap; }
        table.sheet td.rule.differs { background: #fff3d6; font-weight: bold; }
        tr.live td { background: #f7f7ff; }
        .flagged { outline: 2px solid #d23c3c; }
        input.suggested { color: #2b5fa8; background: #f3f7fd; }
        button.remove-row { white-space: nowrap; }
        .finding { font-size: 12px; margin-top: 2px; }
        .finding.error { color: #b01818; } .finding.warning { color: #8a5a00; } .finding.notice { color: #345; }
        .findings .finding { font-size: 13px; }
        .summary-bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 20px; padding: 8px 12px;
                       background: #fffbe8; border: 1px solid #e5d48a; }
        .panel { background: #fff; border: 1px solid #d0d6df; padding: 12px; margin: 12px 0; }
        .panel.review { display: flex; gap: 32px; flex-wrap: wrap; }
        .actions { margin: 10px 0; display: flex; gap: 12px; align-items: center; }
        table.list { border-collapse: collapse; background: #fff; width: 100%; }
        table.list th, table.list td { border-bottom: 1px solid #e1e5eb; padding: 6px 8px; text-align: left; }
        table.list th { background: #eef1f5; }
        td.num { text-align: right; }
        tr.has-errors td:first-child { border-left: 3px solid #d23c3c; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e4e8ee; font-size: 12px; }
        .state-draft { background: #e4e8ee; } .state-submitted { background: #dbe8fb; } .state-returned { background: #fde1d8; }
        .state-approved { background: #dcf2e0; } .state-exported { background: #e7e0f6; }
        .grade-excellent { background: #dcf2e0; } .grade-good { background: #dbe8fb; } .grade-fair { background: #fff0c8; }
        .grade-poor { background: #fde1d8; }
        .count { font-size: 12px; } .count.error { color: #b01818; } .count.warning { color: #8a5a00; } .count.ok { color: #1b5e2a; }
        .filters { background: #fff; border: 1px solid #d0d6df; padding: 8px 12px; display: flex; flex-wrap: wrap; align-items: flex-end; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
        .card { background: #fff; border: 1px solid #d0d6df; padding: 10px 16px; min-width: 150px; display: flex; flex-direction: column; }
        .card b { font-size: 22px; } .card.error b { color: #b01818; }
        .charts { display: grid; grid-template-columns: 220px 1fr 1fr; gap: 16px; align-items: start; }
        figure.chart { margin: 0; background: #fff; border: 1px solid #d0d6df; padding: 8px; }
        figure.chart figcaption { font-weight: bold; }
        svg .series-0 { fill: #8b1a1a; } svg .series-1 { fill: #4a78b5; }
        svg .axis { stroke: #555; } svg text { font-size: 12px; fill: #333; } svg text.value { text-anchor: middle; }
        section.login { max-width: 360px; margin: 60px auto; background: #fff; padding: 24px; border: 1px solid #d0d6df; }
        section.login label { display: flex; margin: 10px 0; }
        .return-comment .comment-text { font-weight: bold; }
        td.mine { background: #fff3d6; }
        .department-summary textarea.sentence { width: 100%; font-size: 15px; }
        button.danger { color: #8b1a1a; border-color: #c98b8b; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .print-only { display: none; }
        .toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        td.actions-cell form { margin-right: 6px; } td.actions-cell input { width: 9em; }
        dialog#sign-in-again { border: 1px solid #8b1a1a; padding: 20px; max-width: 380px; }
        dialog#sign-in-again label { display: flex; margin: 8px 0; }
        nav.pages { margin: 8px 0; } nav.pages a, nav.pages span { margin: 0 4px; }
        table.sheet textarea, table.sheet input { max-width: 100%; }
        table.indicators td:nth-child(3) input, table.sheet td[colspan] input { min-width: 12em; }
        @media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
        @media (max-width: 600px) {
          main { padding: 8px; } header.top { flex-wrap: wrap; gap: 8px; padding: 8px; }
          table.sheet, table.list { display: block; overflow-x: auto; }
        }
        /* The printed 自评表: the form itself in black and white, its title and the signature lines, nothing
           of the screen (navigation, findings, live figures, buttons, history). */
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { background: #fff; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
          header.top, .screen-only, .crumbs, .subtitle, .findings, .field-findings, .message, .panel, nav.pages,
          .summary-bar, section.history, template { display: none !important; }
          .print-only { display: block; }
          main { max-width: none; padding: 0; }
          h1 { display: none; }
          .print-title { text-align: center; } .print-title h2 { font-size: 16pt; margin: 0; }
          table.sheet { page-break-inside: auto; } table.sheet tr { page-break-inside: avoid; }
          table.sheet th { background: none; }
          table.sheet input, table.sheet textarea { border: none; padding: 0; font: inherit; resize: none; width: 100%; }
          .flagged { outline: none; }
          input.suggested { color: inherit; background: none; }
          .signatures { display: flex; justify-content: space-between; margin-top: 16mm; }
        }
        """
}
