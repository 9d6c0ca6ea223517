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
