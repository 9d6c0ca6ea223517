// gbl's answer forms: every exercise's form is checked in the page by gbl-core, the checker of
// `gbl check`, compiled to WebAssembly. The module is embedded in gbl-checker.js (written by
// `gbl mdbook checker`), loaded the first time a form is used: a script, not a fetch, so that
// the book works opened from disk (file://) as well as from a web server.
//
// The forms' attributes are a contract (see the appendix "Using gbl"): data-gbl-exercise,
// data-gbl-params, data-gbl-question, data-gbl-check, data-gbl-feedback and its
// data-gbl-status (correct, wrong, invalid or missing after a check). What a reader typed,
// the hints shown and whether the answers are revealed are kept in the browser's local
// storage, per exercise and numbers.
(function () {
    "use strict";
    var forms = document.querySelectorAll("form[data-gbl-exercise]");
    if (!forms.length) {
        return;
    }
    var ko = document.documentElement.lang === "ko";
    var T = ko ? {
        check: "확인", hint: "힌트", clear: "지우기", score: "점수",
        hintOf: function (n, of) { return "힌트 " + n + "/" + of + ": "; },
        noHints: "힌트를 모두 보았습니다",
        expected: "정답: ",
        empty: "답을 먼저 입력하세요.",
        loading: "확인하는 중…",
        missing: "이 책에는 페이지 안의 확인 도구가 빠져 있습니다. 아래 명령으로 확인하세요.",
        saved: "이 브라우저에 저장됨"
    } : {
        check: "Check", hint: "Hint", clear: "Clear", score: "score",
        hintOf: function (n, of) { return "hint " + n + "/" + of + ": "; },
        noHints: "that was the last hint",
        expected: "expected: ",
        empty: "Type an answer first.",
        loading: "checking…",
        missing: "This build of the book has no checker in the page; use the commands below.",
        saved: "kept in this browser"
    };

    // --- the WebAssembly module -------------------------------------------------------
    var loading = null;
    function checker() {
        if (loading) {
            return loading;
        }
        loading = new Promise(function (resolve, reject) {
            function instantiate() {
                var b64 = window.gblCheckerWasm;
                if (typeof b64 !== "string") {
                    reject(new Error(T.missing));
                    return;
                }
                var bin = atob(b64);
                var bytes = new Uint8Array(bin.length);
                for (var i = 0; i < bin.length; i++) {
                    bytes[i] = bin.charCodeAt(i);
                }
                WebAssembly.instantiate(bytes, {}).then(function (r) {
                    resolve(r.instance.exports);
                }, reject);
            }
            if (typeof window.gblCheckerWasm === "string") {
                instantiate();
                return;
            }
            var s = document.createElement("script");
            var root = typeof path_to_root === "string" ? path_to_root : "";
            s.src = root + "gbl-checker.js";
            s.onload = instantiate;
            s.onerror = function () { reject(new Error(T.missing)); };
            document.head.appendChild(s);
        });
        return loading;
    }

    // One call of the module: a JSON request in, a JSON document out.
    function call(ex, name, request) {
        var input = new TextEncoder().encode(JSON.stringify(request));
        var ptr = ex.gbl_alloc(input.length);
        new Uint8Array(ex.memory.buffer, ptr, input.length).set(input);
        var packed = ex["gbl_" + name](ptr, input.length);
        ex.gbl_free(ptr, input.length);
        var len = Number(packed >> BigInt(32));
        var at = Number(packed & BigInt(0xffffffff));
        var text = new TextDecoder().decode(new Uint8Array(ex.memory.buffer, at, len).slice());
        ex.gbl_free(at, len);
        return JSON.parse(text);
    }

    // --- what the browser keeps -------------------------------------------------------
    function storageKey(form) {
        return "gbl:" + form.getAttribute("data-gbl-exercise") + ":" +
            form.getAttribute("data-gbl-params");
    }
    function load(form) {
        var state = null;
        try {
            state = JSON.parse(window.localStorage.getItem(storageKey(form)) || "null");
        } catch (e) {
            state = null;
        }
        if (!state || typeof state !== "object") {
            state = {};
        }
        state.answers = state.answers || {};
        state.files = state.files || {};
        state.hints = state.hints || 0;
        state.revealed = !!state.revealed;
        return state;
    }
    function save(form, state) {
        try {
            window.localStorage.setItem(storageKey(form), JSON.stringify(state));
        } catch (e) {
            // Private windows and some file:// pages have no storage: the page still checks.
        }
    }

    // --- one form -----------------------------------------------------------------------
    function setUp(form) {
        var state = load(form);
        var fields = form.querySelectorAll("[data-gbl-question]");
        var summary = form.querySelector("[data-gbl-summary]");
        var hintList = form.querySelector("[data-gbl-hints-shown]");
        var hintButton = form.querySelector("[data-gbl-hint]");
        var of = parseInt(form.getAttribute("data-gbl-hints") || "0", 10);
        var solution = worked(form);

        function request(extra) {
            var r = {
                file: form.getAttribute("data-gbl-file"),
                source: form.getAttribute("data-gbl-source"),
                params: JSON.parse(form.getAttribute("data-gbl-params") || "{}"),
                // The sentences in the page's language.
                lang: ko ? "ko" : "en"
            };
            for (var k in extra) {
                r[k] = extra[k];
            }
            return r;
        }
        function answers() {
            var out = {};
            var any = false;
            for (var i = 0; i < fields.length; i++) {
                var q = fields[i].getAttribute("data-gbl-question");
                var text = fields[i].value;
                if (text.trim() === "") {
                    continue;
                }
                any = true;
                var file = state.files[q];
                out[q] = file && file.text === text ? { name: file.name, text: text } : text;
            }
            return any ? out : null;
        }
        function show(report) {
            var questions = report.exercises[0].questions;
            for (var i = 0; i < questions.length; i++) {
                var q = questions[i];
                var fb = form.querySelector('[data-gbl-feedback="' + q.id + '"]');
                var exp = form.querySelector('[data-gbl-expected="' + q.id + '"]');
                if (fb) {
                    fb.textContent = q.feedback;
                    fb.setAttribute("data-gbl-status", q.status);
                }
                if (exp) {
                    var shown = q.status !== "correct" && q.expected !== null &&
                        q.expected !== undefined;
                    exp.textContent = shown ? T.expected + text(q.expected) : "";
                }
            }
            summary.textContent = T.score + " " + num(report.score) + "/" + num(report.max_score);
        }
        function error(message) {
            summary.textContent = message;
            summary.setAttribute("data-gbl-error", "");
        }
        function check() {
            var given = answers();
            if (!given) {
                summary.textContent = T.empty;
                return;
            }
            summary.removeAttribute("data-gbl-error");
            summary.textContent = T.loading;
            checker().then(function (ex) {
                var t0 = performance.now();
                var report = call(ex, "check", request({ answers: given, reveal: state.revealed }));
                form.setAttribute("data-gbl-ms", (performance.now() - t0).toFixed(1));
                if (report.error) {
                    error(report.error.message);
                    return;
                }
                show(report);
                state.checked = true;
                save(form, state);
            }, function (e) { error(e.message); });
        }
        function addHint(n, ex) {
            var r = call(ex, "hint", request({ hint: n }));
            if (r.error) {
                error(r.error.message);
                return false;
            }
            var li = document.createElement("li");
            li.appendChild(document.createTextNode(T.hintOf(n, of)));
            // A hint's `code` spans, as the book shows them.
            var parts = r.hints[0].text.split("`");
            for (var i = 0; i < parts.length; i++) {
                if (i % 2 === 1 && i < parts.length - 1) {
                    var code = document.createElement("code");
                    code.textContent = parts[i];
                    li.appendChild(code);
                } else {
                    li.appendChild(document.createTextNode((i % 2 === 1 ? "`" : "") + parts[i]));
                }
            }
            hintList.appendChild(li);
            return true;
        }
        function nextHint() {
            if (state.hints >= of) {
                summary.textContent = T.noHints;
                return;
            }
            checker().then(function (ex) {
                if (addHint(state.hints + 1, ex)) {
                    state.hints += 1;
                    // As on the command line: after the last hint, a check shows the answers.
                    if (state.hints >= of) {
                        state.revealed = true;
                        hintButton.disabled = true;
                    }
                    save(form, state);
                }
            }, function (e) { error(e.message); });
        }
        function clear() {
            state = { answers: {}, files: {}, hints: 0, revealed: false };
            save(form, state);
            for (var i = 0; i < fields.length; i++) {
                fields[i].value = "";
            }
            var marks = form.querySelectorAll("[data-gbl-feedback], [data-gbl-expected]");
            for (var j = 0; j < marks.length; j++) {
                marks[j].textContent = "";
                marks[j].removeAttribute("data-gbl-status");
            }
            if (hintList) {
                hintList.textContent = "";
            }
            if (hintButton) {
                hintButton.disabled = false;
            }
            summary.textContent = "";
        }

        form.querySelector("[data-gbl-check]").textContent = T.check;
        form.querySelector("[data-gbl-check]").addEventListener("click", check);
        form.querySelector("[data-gbl-clear]").textContent = T.clear;
        form.querySelector("[data-gbl-clear]").addEventListener("click", clear);
        if (hintButton) {
            hintButton.textContent = T.hint;
            hintButton.addEventListener("click", nextHint);
        }
        form.addEventListener("submit", function (e) {
            e.preventDefault();
            check();
        });
        for (var i = 0; i < fields.length; i++) {
            (function (field) {
                var q = field.getAttribute("data-gbl-question");
                if (typeof state.answers[q] === "string") {
                    field.value = state.answers[q];
                }
                field.addEventListener("input", function () {
                    state.answers[q] = field.value;
                    save(form, state);
                });
                if (field.tagName === "INPUT") {
                    field.addEventListener("keydown", function (e) {
                        if (e.key === "Enter") {
                            e.preventDefault();
                            check();
                        }
                    });
                }
            })(fields[i]);
        }
        var pickers = form.querySelectorAll("[data-gbl-trace-file]");
        for (var p = 0; p < pickers.length; p++) {
            (function (picker) {
                var q = picker.getAttribute("data-gbl-trace-file");
                picker.addEventListener("change", function () {
                    var f = picker.files && picker.files[0];
                    if (!f) {
                        return;
                    }
                    f.text().then(function (content) {
                        var area = form.querySelector('[data-gbl-question="' + q + '"]');
                        area.value = content;
                        state.answers[q] = content;
                        state.files[q] = { name: f.name, text: content };
                        save(form, state);
                    });
                });
            })(pickers[p]);
        }
        // Opening the worked solution shows the answers from then on, as 'gbl solve' does.
        if (solution) {
            solution.addEventListener("toggle", function () {
                if (solution.open && !state.revealed && !isPrinting) {
                    state.revealed = true;
                    save(form, state);
                }
            });
        }
        // The module loads (and runs once, so that the reader's first check is as quick as
        // the next ones) when the reader first goes into a form.
        form.addEventListener("focusin", function () {
            checker().then(function (ex) {
                if (!form.hasAttribute("data-gbl-warm")) {
                    form.setAttribute("data-gbl-warm", "");
                    call(ex, "check", request({ answers: {} }));
                }
            }, function () {});
        });
        // What this browser kept: the answers typed are back in their fields; the hints shown
        // and the last check are shown again.
        if (state.hints > 0 || state.checked) {
            checker().then(function (ex) {
                for (var n = 1; n <= Math.min(state.hints, of); n++) {
                    addHint(n, ex);
                }
                if (hintButton && state.hints >= of) {
                    hintButton.disabled = true;
                }
                if (state.checked && answers()) {
                    check();
                }
            }, function () {});
        }
    }

    // The worked solution of a form: the first <details> after it.
    function worked(form) {
        for (var el = form.nextElementSibling; el; el = el.nextElementSibling) {
            if (el.tagName === "DETAILS") {
                return el;
            }
            if (el.tagName === "FORM" || /^H[1-6]$/.test(el.tagName)) {
                return null;
            }
        }
        return null;
    }
    // Printing opens every solution (gbl.js); that is not the reader asking for one.
    var isPrinting = false;
    window.addEventListener("beforeprint", function () { isPrinting = true; });
    window.addEventListener("afterprint", function () {
        setTimeout(function () { isPrinting = false; }, 0);
    });
    if (/(^|\/)print\.html$/.test(window.location.pathname)) {
        isPrinting = true;
    }

    function num(x) {
        return Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000);
    }
    function text(v) {
        return typeof v === "string" ? v : JSON.stringify(v);
    }

    for (var f = 0; f < forms.length; f++) {
        setUp(forms[f]);
    }
})();
