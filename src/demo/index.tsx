/**
 * `npm run demo`: the task pane, built exactly as for Excel, running against the in-memory Excel
 * host beside a grid view of the workbook — the bundled example by default, or any .xlsx dropped in.
 * Nothing leaves the browser: files are read locally.
 */
import { useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../hosts/excel/excel-host";
import type { WorkbookHost } from "../hosts/host";
import {
  createMemoryExcel,
  formatSignature,
  memoryWorkbookFromXlsx,
  type MemoryExcel,
} from "../emulator/excel";
import type { Lang } from "../core";
import { App } from "../taskpane/App";
import { annotatedCopy, reportCsv, save } from "./downloads";
import { checkXlsxBytes, demoError } from "./errors";
import { Grid } from "./Grid";
import { t } from "../messages";

const params = new URLSearchParams(location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
/** The workbook opened at start: `?file=`, or the bundled example where the build ships it (npm run demo). */
declare const __PTC_EXAMPLE__: string;
const EXAMPLE = params.get("file") ?? __PTC_EXAMPLE__;

const CSS = `
.demo { display: flex; height: 100vh; }
.left { flex: 1; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid #ccc; }
.bar { padding: 6px 10px; background: #107C41; color: white; display: flex; gap: 12px; align-items: center; font-size: 14px; }
.bar label, .bar button { cursor: pointer; text-decoration: underline; background: none; border: none; color: white; font: inherit; padding: 0; }
.drop { outline: 3px dashed #107C41; }
.grid-wrap { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.tabs { display: flex; gap: 2px; padding: 4px; background: #f3f3f3; overflow-x: auto; flex-shrink: 0; }
.tab { border: 1px solid #ccc; background: white; padding: 2px 8px; font-size: 12px; cursor: pointer; white-space: nowrap; }
.tab.active { border-bottom: 3px solid #107C41; font-weight: 600; }
.grid-scroll { flex: 1; overflow: auto; }
table.grid { border-collapse: collapse; table-layout: fixed; font-size: 12px; }
table.grid td, table.grid th { border: 1px solid #d4d4d4; padding: 2px 4px; vertical-align: middle; white-space: pre-wrap; word-break: break-all; overflow: hidden; max-height: 60px; }
table.grid th { background: #f3f3f3; font-weight: normal; color: #555; position: sticky; top: 0; }
table.grid th.rowhead { position: static; }
table.grid td.corner { background: #f3f3f3; position: sticky; top: 0; }
.pane { width: 420px; flex-shrink: 0; overflow: auto; }
`;

function Demo() {
  const [excel, setExcel] = useState<MemoryExcel | null>(null);
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState(false);
  /** The opened file as it was read: what the downloads are made from. */
  const [file, setFile] = useState<{ bytes: ArrayBuffer; name: string } | null>(null);

  const open = useCallback(async (data: ArrayBuffer, name: string) => {
    try {
      checkXlsxBytes(data, name);
      const wb = await memoryWorkbookFromXlsx(data, name);
      // Excel on the web, current API: 5 MB payloads, undo kept across add-in writes.
      const mem = createMemoryExcel(wb, { profile: "web" });
      setExcel(mem);
      setHost(createExcelHost({ run: mem.run, isSetSupported: mem.isSetSupported, lang, kind: "memory" }));
      setFile({ bytes: data.slice(0), name });
      setError(null);
      // For the end-to-end tests: the workbook state and a signature of its formats.
      (window as unknown as { __demo: unknown }).__demo = {
        excel: mem,
        signature: () => formatSignature(mem.workbook),
      };
    } catch (e) {
      setError(demoError(e, name, lang));
    }
  }, []);

  useEffect(() => {
    if (!EXAMPLE) return;
    fetch(EXAMPLE)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
      .then((buf) => open(buf, EXAMPLE.split("/").pop() ?? EXAMPLE))
      .catch((e: unknown) => setError(demoError(e, EXAMPLE.split("/").pop() ?? EXAMPLE, lang, "fetch")));
  }, [open]);

  const onFile = (file: File | undefined) => {
    if (file) void file.arrayBuffer().then((buf) => open(buf, file.name));
  };

  return (
    <div className="demo">
      <style>{CSS}</style>
      <section
        aria-label={t("demo.workbook", lang)}
        className={drag ? "left drop" : "left"}
        onDragOver={(e) => {
          e.preventDefault();
          setDrag(true);
        }}
        onDragLeave={() => setDrag(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDrag(false);
          onFile(e.dataTransfer.files[0]);
        }}
      >
        <div className="bar">
          <strong>{t("demo.title", lang)}</strong>
          <span data-testid="workbook-name">{excel?.workbook.name ?? ""}</span>
          <label>
            {t("demo.open", lang)}
            <input
              type="file"
              accept=".xlsx"
              hidden
              data-testid="file-input"
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          </label>
          {file && (
            <>
              <button
                type="button"
                data-testid="download-annotated"
                title={t("demo.annotatedTitle", lang)}
                onClick={() =>
                  void annotatedCopy(file.bytes, file.name, lang)
                    .then(save)
                    .catch((e: unknown) => setError(demoError(e, file.name, lang, "download")))
                }
              >
                {t("demo.annotated", lang)}
              </button>
              <button
                type="button"
                data-testid="download-report"
                onClick={() => {
                  try {
                    save(reportCsv(file.bytes, file.name, lang));
                  } catch (e) {
                    setError(demoError(e, file.name, lang, "download"));
                  }
                }}
              >
                {t("demo.report", lang)}
              </button>
            </>
          )}
        </div>
        {error && (
          <p style={{ color: "#9C0006", padding: 8 }} data-testid="demo-error" role="alert">
            {error}
          </p>
        )}
        {excel && <Grid key={excel.workbook.name + excel.workbook.sheets.length} excel={excel} />}
      </section>
      <div className="pane">
        {host ? (
          <App key={excel?.workbook.name} host={host} lang={lang} />
        ) : (
          <main>
            <p style={{ padding: 12 }} data-testid="web-empty">
              {EXAMPLE ? "…" : t("demo.welcome", lang)}
            </p>
          </main>
        )}
      </div>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Demo />);
