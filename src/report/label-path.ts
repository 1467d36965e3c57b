/**
 * Where a finding sits in the form, in the form's own words: the label path of its cell
 * (产出指标 › 数量指标 › 设备租赁数量, 项目名称, 年度资金总额 › 财政拨款), and the cell's shown value.
 * Used by the report sheet (a column a reviewer reads) and by SARIF fingerprints (a finding keeps
 * its identity when rows are inserted above it, as Arelle's sum hashes do).
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { CheckResult } from "../checker";
import type { CellRef } from "../engine/model";
import { SheetGrid } from "../engine/grid";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { Diagnostic } from "../core";

interface FieldLike {
  ref: CellRef;
  labelRef?: CellRef;
}

function isField(v: unknown): v is FieldLike {
  if (typeof v !== "object" || v === null) return false;
  const ref = (v as FieldLike).ref;
  return (
    typeof ref === "object" && ref !== null && typeof ref.row === "number" && typeof ref.col === "number"
  );
}

/** Fields of a form (any depth ≤ 3), with the label cell where the model records one. */
function collectFields(v: unknown, out: FieldLike[], depth = 0): void {
  if (depth > 3 || typeof v !== "object" || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectFields(x, out, depth + 1);
    return;
  }
  if (isField(v) && v.labelRef) out.push(v);
  for (const [k, x] of Object.entries(v))
    if (k !== "indicators" && k !== "ref") collectFields(x, out, depth + 1);
}

export interface Locator {
  /** The label path of a cell (empty when the cell is no recognised field). */
  path(d: Pick<Diagnostic, "sheet" | "row" | "col" | "formIndex">): string[];
  /** The cell's shown text. */
  value(sheet: string, row: number, col: number): string;
}

export function createLocator(snapshot: WorkbookSnapshot, result: CheckResult): Locator {
  const grids = new Map(snapshot.sheets.map((s) => [s.name, new SheetGrid(s)]));
  const text = (sheet: string, row: number, col: number) => grids.get(sheet)?.text(row, col) ?? "";
  const fieldsByForm = new Map<number, FieldLike[]>();
  const fields = (i: number) => {
    let list = fieldsByForm.get(i);
    if (!list) {
      list = [];
      collectFields(result.model.forms[i], list);
      fieldsByForm.set(i, list);
    }
    return list;
  };
  return {
    value: text,
    path(d) {
      if (d.formIndex === null) return [];
      const form = result.model.forms[d.formIndex];
      if (!form) return [];
      const ind = form.indicators.find((x) => x.row === d.row && x.nameRef.sheet === d.sheet);
      if (ind) return [ind.level1 ?? "", ind.level2 ?? "", ind.name || ind.nameRaw].filter((s) => s !== "");
      const slot = form.slots.find((s) => s.ref.row === d.row && s.ref.sheet === d.sheet);
      if (slot) return [slot.level1 ?? "", slot.level2].filter((s) => s !== "");
      for (const f of fields(d.formIndex)) {
        if (f.ref.sheet === d.sheet && f.ref.row === d.row && f.ref.col === d.col && f.labelRef) {
          const label = text(f.labelRef.sheet, f.labelRef.row, f.labelRef.col);
          if (label) return [label];
        }
      }
      // No field: the nearest label to the left on the same row, if any.
      for (let c = d.col - 1; c >= Math.max(0, d.col - 6); c--) {
        const t = text(d.sheet, d.row, c);
        if (t && !/^[\d.,%\s-]+$/.test(t)) return [t.length > 40 ? `${t.slice(0, 39)}…` : t];
      }
      return [];
    },
  };
}

/**
 * A finding's fingerprint: sha-256 over the rule, the message, the sheet, the form's name, the
 * cell's label path, the cell's value and the message arguments. Not the address: inserting a row
 * above a finding keeps it; editing the cell or the figures it compares gives a new one.
 */
export function fingerprint(parts: {
  rule: string;
  messageId: string;
  sheet: string;
  form: string;
  path: string[];
  cell: string;
  value: string;
  args: Record<string, unknown>;
}): string {
  const args = Object.keys(parts.args)
    .sort()
    .map((k) => {
      const v = parts.args[k];
      return `${k}=${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`;
    });
  // Without a label path the address is all that places the finding.
  const place = parts.path.length > 0 ? parts.path.join("\u001f") : parts.cell;
  const text = [parts.rule, parts.messageId, parts.sheet, parts.form, place, parts.value, ...args].join(
    "\u001e",
  );
  // SHA-256 in plain JS (@noble/hashes): the same fingerprint in Node and in the browser checker.
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 32);
}
