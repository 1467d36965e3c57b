/**
 * The ribbon command's feedback dialog (Office DialogApi): shows the text the command passed in
 * the URL's hash (`#kind=…&title=…&text=…&ok=…`, see feedback.ts). No React, no Fluent: it must
 * open fast. OK asks the command to close it (messageParent); outside Office it just shows.
 */
import { parseFeedbackHash } from "./feedback";

function render(): void {
  const f = parseFeedbackHash(window.location.hash);
  const title = document.getElementById("title");
  const text = document.getElementById("text");
  const ok = document.getElementById("ok");
  if (title) {
    title.textContent = f.title;
    title.setAttribute("data-kind", f.kind);
  }
  if (text) text.textContent = f.text;
  if (ok) {
    ok.textContent = f.ok;
    ok.addEventListener("click", () => {
      try {
        Office.context.ui.messageParent("close");
      } catch {
        window.close();
      }
    });
  }
  document.documentElement.lang = f.lang === "zh" ? "zh-CN" : "en";
}

render();
if (typeof Office !== "undefined") void Office.onReady();
