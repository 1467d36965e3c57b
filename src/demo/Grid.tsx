/**
 * A plain grid view of the in-memory workbook: sheet tabs, cells with their displayed text, merges,
 * fills, the add-in's marks (its conditional formats) and the selection. Double-click a cell to edit
 * it as a user would (fires the same change event Excel fires).
 */
import { useEffect, useMemo, useReducer, useState } from "react";
import { SEVERITY_COLOURS } from "../core";
import { columnLetters } from "../engine/address";
import type { CellRange } from "../engine/snapshot";
import { isMarkFormula } from "../hosts/excel/excel-host";
import { displayText } from "../emulator/excel/display";
import type { MemoryExcel } from "../emulator/excel";
import type { MemorySheet } from "../emulator/excel/state";

const inRange = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

function extent(sheet: MemorySheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [r, line] of sheet.cells) {
    for (const [c, cell] of line) {
      if (cell.value === null && cell.formula === null) continue;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows: Math.min(rows + 1, 2000), cols: Math.min(Math.max(cols, 6) + 1, 40) };
}

function markOf(sheet: MemorySheet, row: number, col: number): { fill: string; font: string | null } | null {
  for (const cf of sheet.conditionalFormats) {
    if (!isMarkFormula(cf.formula) || !cf.fillColor) continue;
    if (cf.ranges.some((r) => inRange(r, row, col))) return { fill: cf.fillColor, font: cf.fontColor };
  }
  return null;
}

export function Grid(props: { excel: MemoryExcel }) {
  const { excel } = props;
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => excel.subscribe(bump), [excel]);
  const wb = excel.workbook;
  const [viewed, setViewed] = useState<string | null>(null);
  // Follow the workbook's active sheet (the add-in activates sheets); a tab click overrides until then.
  const [lastActive, setLastActive] = useState(wb.activeSheet);
  if (lastActive !== wb.activeSheet) {
    setLastActive(wb.activeSheet);
    setViewed(null);
  }
  const sheet = wb.sheets.find((s) => s.name === (viewed ?? wb.activeSheet)) ?? wb.sheets[0];
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  const { rows, cols } = useMemo(
    () => (sheet ? extent(sheet) : { rows: 0, cols: 0 }),
    [sheet, excel, wb.sheets.length, bump],
  );
  if (!sheet) return <p>（空工作簿）</p>;

  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const widthOf = (c: number) => Math.round((sheet.columnWidths.get(c) ?? sheet.defaultColumnWidth) * 1.33);

  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [
      <th key="h" className="rowhead">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = sheet.cells.get(r)?.get(c);
      const mark = markOf(sheet, r, c);
      const selected = sheet.selection.some((s) => inRange(s, r, c));
      const span = spans.get(key);
      const address = `${columnLetters(c)}${r + 1}`;
      const text = cell ? displayText(cell.value, cell.numberFormat) : "";
      tds.push(
        <td
          key={key}
          data-testid="grid-cell"
          data-address={`${sheet.name}!${address}`}
          data-mark={
            mark ? (mark.fill.toUpperCase() === SEVERITY_COLOURS.error.fill ? "error" : "warning") : undefined
          }
          data-selected={selected ? "true" : undefined}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          title={address}
          onDoubleClick={() => setEditing({ row: r, col: c, text })}
          style={{
            background: mark?.fill ?? cell?.format.fill ?? undefined,
            color: mark?.font ?? cell?.format.font?.color ?? undefined,
            fontWeight: cell?.format.font?.bold ? 600 : undefined,
            outline: selected ? "2px solid #107C41" : undefined,
            outlineOffset: -2,
            textAlign: typeof cell?.value === "number" ? "right" : undefined,
          }}
        >
          {editing && editing.row === r && editing.col === c ? (
            <input
              data-testid="grid-editor"
              autoFocus
              defaultValue={editing.text}
              onBlur={() => setEditing(null)}
              onKeyDown={(e) => {
                if (e.key === "Escape") setEditing(null);
                if (e.key !== "Enter") return;
                const raw = (e.target as HTMLInputElement).value;
                const n = Number(raw.replace(/,/g, ""));
                setEditing(null);
                void excel.userEdit(
                  sheet.name,
                  address,
                  raw === "" ? null : raw.trim() !== "" && !Number.isNaN(n) ? n : raw,
                );
              }}
            />
          ) : (
            text
          )}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <div className="grid-wrap">
      <div className="tabs" role="tablist">
        {wb.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s === sheet}
            data-testid="sheet-tab"
            className={s === sheet ? "tab active" : "tab"}
            onClick={() => setViewed(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      {/* Focusable, so the keyboard can scroll it (axe: scrollable-region-focusable). */}
      <div
        className="grid-scroll"
        data-testid="grid"
        data-sheet={sheet.name}
        tabIndex={0}
        role="region"
        aria-label={sheet.name}
      >
        <table className="grid">
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: cols }, (_v, c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className="corner" />
              {Array.from({ length: cols }, (_v, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}
