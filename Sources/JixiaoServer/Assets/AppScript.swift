/// The page script: live recomputation on the editor (the page's inputs are named by field path and sent
/// to `/api/forms/{id}/score` as the officer types), findings shown next to their fields, indicator rows
/// added and removed. Plain JavaScript, no library.
enum AppScript {
    static let javaScript = #"""
        "use strict";
        (function () {
          function $(selector, root) { return (root || document).querySelector(selector); }
          function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

          function setupEditor(form) {
            var id = form.dataset.formId, csrf = form.dataset.csrf;
            var timer = null, sequence = 0, latest = null, dirty = false;
            var status = $("#live-status");

            function collect() {
              var fields = {};
              $all("[name]", form).forEach(function (element) {
                if (element.name.charAt(0) !== "_") { fields[element.name] = element.value; }
              });
              return fields;
            }

            function setText(selector, text) { $all(selector).forEach(function (element) { element.textContent = text; }); }

            function findingElement(finding) {
              var div = document.createElement("div");
              div.className = "finding " + finding.severity;
              div.textContent = finding.severityLabel + " " + (finding.fieldLabel ? finding.fieldLabel + "：" : "") +
                finding.message + "（" + finding.ruleId + "）";
              return div;
            }

            function render(result) {
              latest = result;
              ["executionRate", "executionScore", "total", "grade", "ruleTotal", "ruleGrade", "errors"].forEach(function (key) {
                setText('[data-live="' + key + '"]', result[key] === null ? "—" : String(result[key]));
              });
              setText('[data-live="executionProblem"]', result.executionProblem || "");
              result.indicators.forEach(function (row) {
                var cell = $('[data-rule-score="' + row.index + '"]');
                if (!cell) { return; }
                cell.textContent = row.scored ? (row.ruleScore === null ? "—" : row.ruleScore) : "不计分";
                cell.title = row.explanation;
                cell.classList.toggle("differs", row.differs);
              });
              $all(".field-findings").forEach(function (box) { box.textContent = ""; });
              $all(".flagged", form).forEach(function (element) { element.classList.remove("flagged"); });
              var loose = $("#loose-findings");
              loose.textContent = "";
              result.findings.forEach(function (finding) {
                var box = finding.fieldPath ? $('.field-findings[data-for="' + CSS.escape(finding.fieldPath) + '"]') : null;
                (box || loose).appendChild(findingElement(finding));
                var input = finding.fieldPath ? form.querySelector('[name="' + CSS.escape(finding.fieldPath) + '"]') : null;
                if (input) { input.classList.add("flagged"); }
              });
              updateSubmit();
            }

            function updateSubmit() {
              var button = $("#submit-button"), reason = $("#submit-reason");
              if (!button) { return; }
              var errors = latest ? latest.errors : Number($('[data-live="errors"]').textContent);
              button.disabled = dirty || errors > 0;
              reason.textContent = dirty ? "有未保存的修改，请先保存草稿再提交" :
                errors > 0 ? "还有 " + errors + " 条错误，改正并保存后才能提交" : "";
            }

            function recompute() {
              var mine = ++sequence;
              status.textContent = "正在重算…";
              fetch("/api/forms/" + id + "/score", {
                method: "POST",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                body: JSON.stringify({ fields: collect() })
              }).then(function (response) {
                return response.json().then(function (body) { return { ok: response.ok, body: body }; });
              }).then(function (answer) {
                if (mine !== sequence) { return; }
                if (answer.ok) {
                  render(answer.body);
                  status.textContent = "已按当前填写重算";
                } else {
                  status.textContent = answer.body.error ? answer.body.error.message : "重算失败";
                }
              }).catch(function () {
                if (mine === sequence) { status.textContent = "无法连接服务器，稍后会重试"; }
              });
            }

            function changed() {
              dirty = true;
              updateSubmit();
              clearTimeout(timer);
              timer = setTimeout(recompute, 200);
            }

            function renumber() {
              var rows = $all("#indicators tr[data-row]");
              rows.forEach(function (row, index) {
                row.dataset.row = String(index);
                $all("[name]", row).forEach(function (element) {
                  element.name = element.name.replace(/^indicators\[-?\d+\]/, "indicators[" + index + "]");
                });
                $all("[data-for]", row).forEach(function (element) {
                  element.dataset.for = element.dataset.for.replace(/^indicators\[-?\d+\]/, "indicators[" + index + "]");
                });
                $all("[data-rule-score]", row).forEach(function (element) { element.dataset.ruleScore = String(index); });
              });
              form.querySelector('[name="indicators.count"]').value = String(rows.length);
            }

            form.addEventListener("input", changed);
            form.addEventListener("click", function (event) {
              if (event.target.classList.contains("remove-row")) {
                event.target.closest("tr").remove();
                renumber();
                changed();
              }
            });
            var add = $("#add-row");
            if (add) {
              add.addEventListener("click", function () {
                var template = $("#indicator-template");
                $("#indicators tbody").appendChild(template.content.firstElementChild.cloneNode(true));
                renumber();
                changed();
              });
            }
            var adopt = $("#adopt-computed");
            if (adopt) {
              adopt.addEventListener("click", function () {
                if (!latest) { recompute(); return; }
                var values = { "funds.total.rate": latest.executionRate, "funds.total.score": latest.executionScore,
                               "total": latest.total, "grade": latest.grade };
                Object.keys(values).forEach(function (name) {
                  var input = form.querySelector('[name="' + name + '"]');
                  if (input && values[name] !== null) { input.value = values[name]; }
                });
                changed();
              });
            }
            form.addEventListener("submit", function () { dirty = false; });
            recompute();
          }

          document.addEventListener("DOMContentLoaded", function () {
            var form = $("#editor");
            if (form) { setupEditor(form); }
          });
        })();
        """#
}
