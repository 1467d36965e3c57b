/**
 * Task pane entry: waits for Office, then mounts the UI on the Office.js host — or, outside Excel
 * or on an unsupported version, mounts it with a clear message instead of a blank pane.
 */
import { createRoot } from "react-dom/client";
import { warmEngine } from "../app/warm-up";
import { createExcelHost, officeRun } from "../hosts/excel/excel-host";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../core";
import { App } from "./App";
import { officeHelp, windowHelp } from "./help";
import { t } from "../messages";

export function officeLang(displayLanguage: string | undefined): Lang {
  return displayLanguage && !displayLanguage.toLowerCase().startsWith("zh") ? "en" : "zh";
}

function mount(host: WorkbookHost | null, lang: Lang, startupError?: string): void {
  const root = document.getElementById("root");
  // Help pages in an Office dialog where DialogApi 1.1 is there (officeHelp checks), else a new window.
  const help = typeof Office !== "undefined" && Office.context?.ui ? officeHelp(Office) : windowHelp;
  if (root) createRoot(root).render(<App host={host} lang={lang} startupError={startupError} help={help} />);
}

/**
 * The language before office.js is there: Office passes its UI locale in `_host_Info`
 * (`Excel$Win32$16.01$zh-CN$…`); a plain browser has navigator.language.
 */
export function pageLang(search: string, navigatorLanguage: string | undefined): Lang {
  const hostInfo = new URLSearchParams(search).get("_host_Info");
  const locale = hostInfo?.split("$")[3] ?? navigatorLanguage;
  return officeLang(locale);
}

// office.js is a blocking script in <head>: if `Office` is not defined here, it did not load
// (network, proxy, or the office.js setting of the build) — not "outside Excel", which office.js
// itself tells below.
if (typeof Office === "undefined") {
  const lang = pageLang(location.search, navigator.language);
  const src = document.querySelector<HTMLScriptElement>('script[src*="office.js"]')?.src ?? "office.js";
  mount(null, lang, t("app.officeJsMissing", lang, { src }));
} else {
  void Office.onReady((info) => {
    const lang = officeLang(Office.context?.displayLanguage);
    if (info.host !== Office.HostType.Excel) {
      mount(null, lang, t("app.notExcel", lang, { host: String(info.host ?? "—") }));
      return;
    }
    const isSetSupported = (name: string, version: string) =>
      Office.context.requirements.isSetSupported(name, version);
    if (!isSetSupported("ExcelApi", "1.9")) {
      mount(null, lang, t("app.notExcel", lang, { host: "Excel (ExcelApi < 1.9)" }));
      return;
    }
    const url = Office.context.document?.url ?? "";
    const legacy = /\.xls$/i.test(url) ? t("app.legacyFile", lang) : undefined;
    const host = createExcelHost({ run: officeRun, isSetSupported, lang });
    mount(host, lang, legacy);
    // Warm the engine once the pane has painted, so the user's first check does not pay for it.
    setTimeout(warmEngine, 0);
  });
}
