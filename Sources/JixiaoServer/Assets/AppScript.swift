/// The page script. On the editor: live recomputation (inputs are named by field path and sent to
/// `/api/forms/{id}/score` as the officer types), findings next to their fields, rows added and removed,
/// autosave of the draft, a warning before leaving with unsaved changes, a copy of the typing kept in the
/// browser, and — when the session has ended — signing in again in place without losing anything. On every
/// page: confirmations (`data-confirm`), copy buttons (`data-copy`) and the print button. Plain JavaScript.
enum AppScript {
    static let javaScript = #"""
        "use strict";
        (function () {
          function $(selector, root) { return (root || document).querySelector(selector); }
          function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

          /// One sign-in dialog however many requests found the session ended; resolves with the new CSRF token.
          var reauthentication = null;
          function signInOnce() {
            if (!reauthentication) {
              reauthentication = signInAgain().then(function (token) { reauthentication = null; return token; });
            }
            return reauthentication;
          }

          /// Signs in again in a dialog over the page; resolves with the new CSRF token.
          function signInAgain(message) {
            return new Promise(function (resolve) {
              var dialog = document.createElement("dialog");
              dialog.id = "sign-in-again";
              dialog.setAttribute("aria-labelledby", "sign-in-again-title");
              dialog.innerHTML = '<form method="dialog"><h2 id="sign-in-again-title">登录已过期，请重新登录</h2>' +
                '<p class="muted">您填写的内容仍在页面上，登录后会继续保存。</p><p class="message error" role="alert" hidden></p>' +
                '<label>登录名<input name="login" autocomplete="username" required></label>' +
                '<label>密码<input name="password" type="password" autocomplete="current-password" required></label>' +
                '<button type="submit" class="primary">登录并继续</button></form>';
              document.body.appendChild(dialog);
              var error = $(".message", dialog);
              if (message) { error.textContent = message; error.hidden = false; }
              dialog.addEventListener("cancel", function (event) { event.preventDefault(); });
              $("form", dialog).addEventListener("submit", function (event) {
                event.preventDefault();
                var login = $("[name=login]", dialog).value, password = $("[name=password]", dialog).value;
                fetch("/login", { credentials: "same-origin" }).then(function (page) { return page.text(); }).then(function (html) {
                  var token = new DOMParser().parseFromString(html, "text/html").querySelector("[name=_csrf]");
                  var body = new URLSearchParams({ _csrf: token ? token.value : "", login: login, password: password, next: "/api/session" });
                  return fetch("/login", { method: "POST", body: body, credentials: "same-origin" });
                }).then(function (answer) {
                  if (answer.ok && /\/api\/session$/.test(answer.url)) {
                    return answer.json().then(function (session) { dialog.close(); dialog.remove(); resolve(session.csrf); });
                  }
                  return answer.text().then(function (html) {
                    var box = new DOMParser().parseFromString(html, "text/html").querySelector(".message.error");
                    error.textContent = box ? box.textContent : "登录失败，请重试";
                    error.hidden = false;
                  });
                }).catch(function () { error.textContent = "无法连接服务器，请稍后重试"; error.hidden = false; });
              });
              dialog.showModal();
              $("[name=login]", dialog).focus();
            });
          }

          function setupEditor(form) {
            var id = form.dataset.formId, csrf = form.dataset.csrf;
            var timer = null, saveTimer = null, sequence = 0, latest = null, dirty = false, saving = null;
            var status = $("#live-status"), saveStatus = $("#save-status");
            var backupKey = "jixiao-draft-" + id;

            function version() { return Number(form.querySelector("[name=_version]").value); }
            function setVersion(value) { $all("input[name=_version]").forEach(function (input) { input.value = String(value); }); }
            function setToken(token) {
              csrf = token;
              form.dataset.csrf = token;
              $all("input[name=_csrf]").forEach(function (input) { input.value = token; });
            }

            /// The form's fields by path. For a recomputation, cells filled from a suggestion go back blank so
            /// the server suggests them afresh from what was typed since.
            function collect(forRecomputation) {
              var fields = {};
              $all("[name]", form).forEach(function (element) {
                if (element.name.charAt(0) === "_") { return; }
                fields[element.name] = forRecomputation && element.dataset.suggested === "1" ? "" : element.value;
              });
              return fields;
            }

            /// Fills blank cells (and cells filled from an earlier suggestion) with the server's suggestions.
            function fillSuggestions(suggestions) {
              $all('[data-suggested="1"]', form).forEach(function (input) {
                if (!(input.name in suggestions)) { input.value = ""; delete input.dataset.suggested; input.classList.remove("suggested"); }
              });
              Object.keys(suggestions).forEach(function (name) {
                var input = form.querySelector('[name="' + CSS.escape(name) + '"]');
                if (!input || (input.value !== "" && input.dataset.suggested !== "1")) { return; }
                input.value = suggestions[name];
                input.dataset.suggested = "1";
                input.classList.add("suggested");
                input.title = "按已填内容自动算出，可以直接改写";
              });
            }

            /// A request to the JSON interface; a 401 (session ended) signs in again in place and retries.
            function api(method, path, body) {
              return fetch(path, {
                method: method, credentials: "same-origin",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body)
              }).then(function (response) {
                if (response.status === 401) {
                  return signInOnce().then(function (token) { setToken(token); return api(method, path, body); });
                }
                return response.json().then(function (answer) { return { status: response.status, ok: response.ok, body: answer }; });
              });
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
              fillSuggestions(result.suggestions || {});
              ["executionRate", "executionScore", "total", "grade", "ruleTotal", "ruleGrade", "errors", "balance"].forEach(function (key) {
                if (key in result) { setText('[data-live="' + key + '"]', result[key] === null ? "—" : String(result[key])); }
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
              $all(".flagged", form).forEach(function (element) { element.classList.remove("flagged"); element.removeAttribute("aria-invalid"); });
              var loose = $("#loose-findings");
              loose.textContent = "";
              result.findings.forEach(function (finding) {
                var box = finding.fieldPath ? $('.field-findings[data-for="' + CSS.escape(finding.fieldPath) + '"]') : null;
                (box || loose).appendChild(findingElement(finding));
                var input = finding.fieldPath ? form.querySelector('[name="' + CSS.escape(finding.fieldPath) + '"]') : null;
                if (input) { input.classList.add("flagged"); input.setAttribute("aria-invalid", "true"); }
              });
              updateSubmit();
            }

            function updateSubmit() {
              var button = $("#submit-button"), reason = $("#submit-reason");
              if (!button) { return; }
              var errors = latest ? latest.errors : Number($('[data-live="errors"]').textContent);
              button.disabled = dirty || errors > 0;
              reason.textContent = dirty ? "有未保存的修改，保存后才能提交" :
                errors > 0 ? "还有 " + errors + " 条错误，改正并保存后才能提交" : "";
            }

            function recompute() {
              var mine = ++sequence;
              status.textContent = "正在重算…";
              api("POST", "/api/forms/" + id + "/score", { fields: collect(true) }).then(function (answer) {
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

            /// Saves the draft as a new version (never submits it). Resolves with the answer.
            function save(reason) {
              if (saving) { return saving; }
              clearTimeout(saveTimer);
              var fields = collect(), started = JSON.stringify(fields);
              saveStatus.textContent = "正在保存…";
              saving = api("PUT", "/api/forms/" + id, { fields: fields, version: version() }).then(function (answer) {
                saving = null;
                if (answer.ok) {
                  setVersion(answer.body.version);
                  if (JSON.stringify(collect()) === started) { dirty = false; localStorage.removeItem(backupKey); }
                  var time = new Date().toTimeString().slice(0, 5);
                  saveStatus.textContent = (reason === "auto" ? "已自动保存草稿" : "已保存草稿") + "（第 " + answer.body.version + " 版，" + time + "）";
                  updateSubmit();
                } else {
                  saveStatus.textContent = answer.body.error ? answer.body.error.message : "保存失败";
                }
                return answer;
              }, function (error) {
                saving = null;
                saveStatus.textContent = "无法连接服务器，内容已保存在本浏览器中，稍后会重试";
                throw error;
              });
              return saving;
            }

            function changed() {
              dirty = true;
              try { localStorage.setItem(backupKey, JSON.stringify({ version: version(), fields: collect(), at: Date.now() })); } catch (e) {}
              saveStatus.textContent = "有未保存的修改";
              updateSubmit();
              clearTimeout(timer);
              timer = setTimeout(recompute, 200);
              clearTimeout(saveTimer);
              saveTimer = setTimeout(function () { saveAll("auto"); }, Number(form.dataset.autosave || 5000));
            }

            function renumber() {
              var rows = $all("#indicators tr[data-row]");
              rows.forEach(function (row, index) {
                row.dataset.row = String(index);
                $all("[name]", row).forEach(function (element) {
                  element.name = element.name.replace(/^indicators\[-?\d+\]/, "indicators[" + index + "]");
                  element.id = element.name;
                  var label = element.getAttribute("aria-label");
                  if (label) { element.setAttribute("aria-label", label.replace(/^第 -?\d+ 行/, "第 " + (index + 1) + " 行")); }
                });
                $all("[data-for]", row).forEach(function (element) {
                  element.dataset.for = element.dataset.for.replace(/^indicators\[-?\d+\]/, "indicators[" + index + "]");
                });
                $all("[data-rule-score]", row).forEach(function (element) { element.dataset.ruleScore = String(index); });
                $all(".remove-row", row).forEach(function (button) { button.setAttribute("aria-label", "删除第 " + (index + 1) + " 行指标"); });
              });
              form.querySelector('[name="indicators.count"]').value = String(rows.length);
            }

            form.addEventListener("input", function (event) {
              if (event.target.dataset && event.target.dataset.suggested === "1") {
                delete event.target.dataset.suggested;
                event.target.classList.remove("suggested");
                event.target.removeAttribute("title");
              }
              changed();
            });
            form.addEventListener("click", function (event) {
              if (event.target.classList.contains("remove-row")) {
                var row = event.target.closest("tr"), name = $("[name$='.name']", row);
                if (!window.confirm("删除第 " + (Number(row.dataset.row) + 1) + " 行指标" + (name && name.value ? "“" + name.value + "”" : "") + "？")) { return; }
                row.remove();
                renumber();
                changed();
                var next = $("#add-row");
                if (next) { next.focus(); }
              }
            });
            var add = $("#add-row");
            if (add) {
              add.addEventListener("click", function () {
                var template = $("#indicator-template");
                $("#indicators tbody").appendChild(template.content.firstElementChild.cloneNode(true));
                renumber();
                changed();
                var rows = $all("#indicators tr[data-row]");
                $("input", rows[rows.length - 1]).focus();
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
            /// Saves, and saves again when typing went on while an earlier save was under way.
            function saveAll(reason) {
              return save(reason).then(function (answer) { return answer.ok && dirty ? save(reason) : answer; });
            }

            form.addEventListener("submit", function (event) {
              event.preventDefault();
              saveAll("button").then(function (answer) {
                if (answer.ok) { window.location.href = "/forms/" + id + "?done=saved"; }
                else if (answer.status === 409) { dirty = false; HTMLFormElement.prototype.submit.call(form); }
              });
            });
            var submitForm = $("#submit-form");
            if (submitForm) {
              submitForm.addEventListener("submit", function (event) {
                if (dirty) { event.preventDefault(); }
              });
            }
            window.addEventListener("beforeunload", function (event) {
              if (dirty) { event.preventDefault(); event.returnValue = ""; }
            });
            document.addEventListener("visibilitychange", function () {
              if (document.visibilityState === "hidden" && dirty) { saveAll("auto"); }
            });

            // Typing kept in this browser from a visit that ended before it was saved.
            try {
              var backup = JSON.parse(localStorage.getItem(backupKey) || "null");
              if (backup && backup.version === version()) {
                var current = collect(), differs = Object.keys(backup.fields).some(function (name) { return current[name] !== backup.fields[name]; });
                if (differs) {
                  var offer = $("#restore-offer");
                  offer.hidden = false;
                  $("#restore-button").addEventListener("click", function () {
                    var count = backup.fields["indicators.count"];
                    while (count && $all("#indicators tr[data-row]").length < Number(count)) { add.click(); }
                    Object.keys(backup.fields).forEach(function (name) {
                      var input = form.querySelector('[name="' + CSS.escape(name) + '"]');
                      if (input) { input.value = backup.fields[name]; }
                    });
                    offer.hidden = true;
                    changed();
                  });
                  $("#discard-button").addEventListener("click", function () { localStorage.removeItem(backupKey); offer.hidden = true; });
                }
              } else if (backup) {
                localStorage.removeItem(backupKey);
              }
            } catch (e) {}
            recompute();
          }

          document.addEventListener("DOMContentLoaded", function () {
            var form = $("#editor");
            if (form) { setupEditor(form); }
            $all("form[data-confirm]").forEach(function (element) {
              element.addEventListener("submit", function (event) {
                if (!event.defaultPrevented && !window.confirm(element.dataset.confirm)) { event.preventDefault(); }
              });
            });
            var bulk = $("#bulk");
            if (bulk) {
              bulk.addEventListener("submit", function (event) {
                var count = $all("input[form=bulk]:checked").length;
                var action = event.submitter && event.submitter.value === "return" ? "退回" : "审核通过";
                if (count === 0) { event.preventDefault(); window.alert("请先勾选要" + action + "的自评表"); return; }
                if (!window.confirm("确定" + action + "所选的 " + count + " 张自评表？")) { event.preventDefault(); }
              });
            }
            $all("[data-copy]").forEach(function (button) {
              button.addEventListener("click", function () {
                var source = document.getElementById(button.dataset.copy), state = button.parentElement.querySelector(".copy-status");
                function done() { if (state) { state.textContent = "已复制"; } }
                if (navigator.clipboard && window.isSecureContext) {
                  navigator.clipboard.writeText(source.value).then(done, function () { source.select(); document.execCommand("copy"); done(); });
                } else { source.select(); document.execCommand("copy"); done(); }
              });
            });
            $all("[data-print]").forEach(function (button) { button.addEventListener("click", function () { window.print(); }); });
          });
        })();
        """#
}
