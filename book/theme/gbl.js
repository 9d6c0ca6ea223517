// gbl's book: printing (and "Save as PDF") shows every worked solution. Each folded <details>
// is opened before the page is printed and folded again afterwards; the book's print page
// (print.html) opens them all when it loads, since it exists to be printed.
(function () {
    "use strict";
    var opened = [];
    function openAll() {
        var all = document.querySelectorAll("details:not([open])");
        for (var i = 0; i < all.length; i++) {
            all[i].setAttribute("open", "");
            opened.push(all[i]);
        }
    }
    function restore() {
        for (var i = 0; i < opened.length; i++) {
            opened[i].removeAttribute("open");
        }
        opened = [];
    }
    window.addEventListener("beforeprint", openAll);
    window.addEventListener("afterprint", restore);
    if (window.matchMedia) {
        var print = window.matchMedia("print");
        var onChange = function (e) {
            if (e.matches) {
                openAll();
            }
        };
        if (print.addEventListener) {
            print.addEventListener("change", onChange);
        } else if (print.addListener) {
            print.addListener(onChange);
        }
    }
    function onPrintPage() {
        if (/(^|\/)print\.html$/.test(window.location.pathname)) {
            openAll();
            opened = [];
        }
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", onPrintPage);
    } else {
        onPrintPage();
    }
})();

// The two editions: English at the book's root, Korean under ko/. Every page gets a link to the
// same page in the other language, in the menu bar beside the print button. The page's place is
// read from `path_to_root` (one "../" per folder), so the link works from a web server and from
// disk (file://) alike.
(function () {
    "use strict";
    var lang = document.documentElement.lang === "ko" ? "ko" : "en";
    function pagePath() {
        var root = typeof path_to_root === "string" ? path_to_root : "";
        var depth = root.split("/").filter(function (s) { return s === ".."; }).length;
        var parts = window.location.pathname.split("/");
        var page = parts.slice(Math.max(parts.length - depth - 1, 0)).join("/");
        return { root: root, page: page || "index.html" };
    }
    function addSwitch() {
        var buttons = document.querySelector("#mdbook-menu-bar .right-buttons");
        if (!buttons || document.getElementById("gbl-language")) {
            return;
        }
        var where = pagePath();
        var link = document.createElement("a");
        link.id = "gbl-language";
        link.className = "gbl-language";
        if (lang === "ko") {
            link.href = where.root + "../" + where.page;
            link.textContent = "English";
            link.lang = "en";
            link.title = "Read this page in English";
        } else {
            link.href = where.root + "ko/" + where.page;
            link.textContent = "한국어";
            link.lang = "ko";
            link.title = "이 페이지를 한국어로 읽기";
        }
        link.setAttribute("hreflang", link.lang);
        buttons.insertBefore(link, buttons.firstChild);
        if (lang === "ko") {
            var search = document.getElementById("mdbook-searchbar");
            if (search) {
                search.placeholder = "이 책에서 검색…";
            }
        }
    }
    // The Korean edition's index is rebuilt by `gbl mdbook search-index` with a trimmer named
    // "gbl-trimmer" that keeps letters and digits of every script; the words a reader types go
    // through the same trimmer (elasticlunr's own keeps only [A-Za-z0-9_] and loses "학습률").
    if (window.elasticlunr && elasticlunr.Pipeline) {
        elasticlunr.Pipeline.registerFunction(function (token) {
            if (typeof token !== "string") {
                return token;
            }
            var t = token.replace(/^[^\p{L}\p{N}_]+/u, "").replace(/[^\p{L}\p{N}_]+$/u, "");
            return t === "" ? undefined : t;
        }, "gbl-trimmer");
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", addSwitch);
    } else {
        addSwitch();
    }
})();
