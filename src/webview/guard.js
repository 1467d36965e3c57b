/*
 * ES5 on purpose: loaded, untranspiled, before the task pane's bundle (which needs ES2020 and
 * Promise.any: Chromium 86 / Safari 14). In an older webview (Internet Explorer 11, EdgeHTML, an old
 * WebView2) the bundle fails with a syntax error and the pane would say 正在加载 forever; this shows
 * why instead. `npm test` checks this file is ES5 (scripts/check-bundles.js).
 */
/* global window, document, navigator */
(function () {
  var MESSAGES = {
    zh: "此 Excel 版本过旧，无法运行“绩效目标表检查”。请更新 Office（Microsoft 365 或 Office 2021 及以上），或在 Windows 上安装 Microsoft Edge WebView2 运行时，然后重新打开此窗格。",
    en: "This version of Excel is too old to run Performance Target Form Checker. Update Office (Microsoft 365 or Office 2021 or later) or, on Windows, install the Microsoft Edge WebView2 Runtime, then reopen this pane.",
  };
  var lang = String((window.navigator && (navigator.language || navigator.userLanguage)) || "zh");
  var text = /^zh/i.test(lang) || !/^[a-y]/i.test(lang) ? MESSAGES.zh : MESSAGES.en;
  var shown = false;

  function show() {
    if (shown) return;
    var root = document.getElementById("root");
    if (!root) return;
    shown = true;
    root.innerHTML = "";
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.setAttribute("data-guard", "too-old");
    p.style.fontFamily = "sans-serif";
    p.style.padding = "12px";
    p.style.lineHeight = "1.5";
    p.appendChild(document.createTextNode(text));
    root.appendChild(p);
  }

  function supported() {
    try {
      return (
        typeof window.Promise === "function" &&
        typeof window.Promise.any === "function" &&
        typeof window.globalThis === "object" &&
        typeof String.prototype.replaceAll === "function"
      );
    } catch (e) {
      void e;
      return false;
    }
  }

  window.perfTargetCheckTooOld = !supported();
  if (window.perfTargetCheckTooOld) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }
  // A webview that passes the test above but still cannot parse the bundle.
  window.addEventListener("error", function (e) {
    var name = e && e.error && e.error.name;
    var message = String((e && e.message) || "");
    if (name === "SyntaxError" || /SyntaxError/.test(message)) show();
  });
})();
