/**
 * A1 references inside formulas, found and rewritten as Excel does when cells move (inserted rows,
 * columns or cells) or a formula is copied elsewhere (relative parts follow the copy).
 *
 * Recognised: `A1`, `$A$1`, `A1:B2`, `A:C`, `$2:$5`, each optionally qualified by `Sheet1!` or
 * `'名字'!` (quotes doubled inside). Left alone: text in double quotes, structured references and
 * external workbooks (`[...]`), 3-D references (`Sheet1:Sheet3!A1`), error literals, and names or
 * functions that merely look like cells (`LOG10(`).
 */
import { columnIndex, columnLetters } from "../../engine/address";
import { MAX_COLUMNS, MAX_ROWS } from "./state";

export interface FormulaRef {
  /** The sheet named in the reference (unquoted); null when unqualified (= the formula's sheet). */
  sheet: string | null;
  /** Another workbook's or a 3-D reference: never rewritten. */
  foreign: boolean;
  kind: "cell" | "area" | "rows" | "columns";
  /** The two corners as written (0-based); for "rows" the columns span the sheet, for "columns" the rows do. */
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** `$` before each part. */
  ar1: boolean;
  ac1: boolean;
  ar2: boolean;
  ac2: boolean;
}

/** What a rewrite does with a reference: undefined = leave it, null = `#REF!`, else the new one. */
export type RefMapper = (ref: FormulaRef) => FormulaRef | null | undefined;

const NAME_CHAR = /[\p{L}\p{N}_.\\?]/u;
const QUOTED_PREFIX = /'((?:[^']|'')+)'!/y;
const PLAIN_PREFIX = /([\p{L}\p{N}_.\\]+)(:[\p{L}\p{N}_.\\]+)?!/uy;
const ERROR_LITERAL =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/y;
const AREA = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}):(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const COLUMNS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function col(letters: string): number | null {
  const c = columnIndex(letters);
  return c >= 0 && c < MAX_COLUMNS ? c : null;
}

function row(digits: string): number | null {
  const r = Number(digits) - 1;
  return r >= 0 && r < MAX_ROWS ? r : null;
}

type Body = Omit<FormulaRef, "sheet" | "foreign"> & { end: number };

/** A reference body at `i` (no sheet prefix), when one is there and ends where a name would end. */
function parseBody(s: string, i: number): Body | null {
  const ends = (end: number) => {
    const next = s[end];
    return !isNameChar(next) && next !== "(" && next !== "!" && next !== "[";
  };
  let m = at(AREA, s, i);
  if (m && ends(i + m[0].length)) {
    const c1 = col(m[2]);
    const r1 = row(m[4]);
    const c2 = col(m[6]);
    const r2 = row(m[8]);
    if (c1 !== null && r1 !== null && c2 !== null && r2 !== null) {
      return {
        kind: "area",
        ...{ r1, c1, r2, c2 },
        ...{ ac1: !!m[1], ar1: !!m[3], ac2: !!m[5], ar2: !!m[7] },
        end: i + m[0].length,
      };
    }
  }
  m = at(COLUMNS, s, i);
  if (m && ends(i + m[0].length)) {
    const c1 = col(m[2]);
    const c2 = col(m[4]);
    if (c1 !== null && c2 !== null) {
      return {
        kind: "columns",
        ...{ r1: 0, c1, r2: MAX_ROWS - 1, c2 },
        ...{ ac1: !!m[1], ar1: false, ac2: !!m[3], ar2: false },
        end: i + m[0].length,
      };
    }
  }
  m = at(ROWS, s, i);
  if (m && ends(i + m[0].length)) {
    const r1 = row(m[2]);
    const r2 = row(m[4]);
    if (r1 !== null && r2 !== null) {
      return {
        kind: "rows",
        ...{ r1, c1: 0, r2, c2: MAX_COLUMNS - 1 },
        ...{ ac1: false, ar1: !!m[1], ac2: false, ar2: !!m[3] },
        end: i + m[0].length,
      };
    }
  }
  m = at(CELL, s, i);
  if (m && ends(i + m[0].length)) {
    const c1 = col(m[2]);
    const r1 = row(m[4]);
    if (c1 !== null && r1 !== null) {
      return {
        kind: "cell",
        ...{ r1, c1, r2: r1, c2: c1 },
        ...{ ac1: !!m[1], ar1: !!m[3], ac2: !!m[1], ar2: !!m[3] },
        end: i + m[0].length,
      };
    }
  }
  return null;
}

function skipQuoted(s: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === quote) {
      if (s[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

function skipBrackets(s: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < s.length) {
    if (s[j] === "[") depth++;
    else if (s[j] === "]" && --depth === 0) return j + 1;
    j++;
  }
  return s.length;
}

/** The body of a reference as Excel writes it (letters upper case). */
export function formatRefBody(ref: FormulaRef): string {
  const d = (abs: boolean) => (abs ? "$" : "");
  const cell = (r: number, c: number, ar: boolean, ac: boolean) =>
    `${d(ac)}${columnLetters(c)}${d(ar)}${r + 1}`;
  switch (ref.kind) {
    case "cell":
      return cell(ref.r1, ref.c1, ref.ar1, ref.ac1);
    case "area":
      return `${cell(ref.r1, ref.c1, ref.ar1, ref.ac1)}:${cell(ref.r2, ref.c2, ref.ar2, ref.ac2)}`;
    case "rows":
      return `${d(ref.ar1)}${ref.r1 + 1}:${d(ref.ar2)}${ref.r2 + 1}`;
    case "columns":
      return `${d(ref.ac1)}${columnLetters(ref.c1)}:${d(ref.ac2)}${columnLetters(ref.c2)}`;
  }
}

/** Every reference of the formula, in order. */
export function findReferences(formula: string): FormulaRef[] {
  const found: FormulaRef[] = [];
  rewriteReferences(formula, (ref) => {
    found.push(ref);
    return undefined;
  });
  return found;
}

/** Rewrites every reference of `formula` through `map`; the rest of the text is kept as it is. */
export function rewriteReferences(formula: string, map: RefMapper): string {
  const s = formula;
  let out = "";
  let copied = 0;
  let foreignNext = false;
  let i = 0;
  const emit = (start: number, prefix: string, sheet: string | null, foreign: boolean, body: Body) => {
    const { end, ...parts } = body;
    const ref: FormulaRef = { sheet, foreign, ...parts };
    const next = map(ref);
    if (next !== undefined) {
      out += s.slice(copied, start) + prefix + (next === null ? "#REF!" : formatRefBody(next));
      copied = end;
    }
    i = end;
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i = skipQuoted(s, i, '"');
      continue;
    }
    if (ch === "[") {
      i = skipBrackets(s, i);
      // `[1]Sheet1!A1`: a sheet of another workbook follows.
      foreignNext = true;
      continue;
    }
    const foreign = foreignNext;
    foreignNext = false;
    if (ch === "#") {
      const m = at(ERROR_LITERAL, s, i);
      i += m ? m[0].length : 1;
      continue;
    }
    if (ch === "'") {
      const m = at(QUOTED_PREFIX, s, i);
      if (!m) {
        i = skipQuoted(s, i, "'");
        continue;
      }
      const name = m[1].replace(/''/g, "'");
      const body = parseBody(s, i + m[0].length);
      if (body) {
        // A quoted name holding `[` names another workbook; one holding `:` is 3-D (no sheet name has one).
        emit(i, m[0], name, foreign || name.includes("[") || name.includes(":"), body);
      } else i += m[0].length;
      continue;
    }
    if (ch === "$" || isNameChar(ch)) {
      if (i > 0 && isNameChar(s[i - 1])) {
        i++;
        continue;
      }
      if (ch !== "$") {
        const m = at(PLAIN_PREFIX, s, i);
        if (m) {
          const body = parseBody(s, i + m[0].length);
          if (body) emit(i, m[0], m[1], foreign || m[2] !== undefined, body);
          else i += m[0].length;
          continue;
        }
      }
      const body = parseBody(s, i);
      if (body) {
        emit(i, "", null, foreign, body);
        continue;
      }
      // A name, a function or a number: skip it whole so no reference is found inside it.
      i++;
      while (i < s.length && (isNameChar(s[i]) || s[i] === "$")) i++;
      continue;
    }
    i++;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * The formula as it reads when copied `dRows` down and `dCols` right: relative parts move, `$` parts
 * stay, references pushed off the sheet become `#REF!`.
 */
export function translateFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return rewriteReferences(formula, (ref) => {
    if (ref.foreign) return undefined;
    const next = { ...ref };
    if (ref.kind !== "columns") {
      if (!ref.ar1) next.r1 += dRows;
      if (!ref.ar2) next.r2 += dRows;
    }
    if (ref.kind !== "rows") {
      if (!ref.ac1) next.c1 += dCols;
      if (!ref.ac2) next.c2 += dCols;
    }
    if (ref.kind === "cell") {
      next.r2 = next.r1;
      next.c2 = next.c1;
    }
    const inside = (r: number, c: number) => r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLUMNS;
    if (!inside(next.r1, next.c1) || !inside(next.r2, next.c2)) return null;
    return next;
  });
}
