/**
 * Text normalisation shared by the reader and the value grammar.
 *
 * NFKC folds full-width digits, letters, `％`, `＞`, `（）` and `﹦` to their ASCII forms, which is
 * exactly what forms typed on a Chinese IME need; a few comparison signs NFKC leaves alone are mapped
 * by hand so the grammar sees one spelling of each operator.
 */

const OPERATOR_FOLDS: [RegExp, string][] = [
  [/>=|≧|⩾/g, "≥"],
  [/<=|=<|≦|⩽/g, "≤"],
  [/[＝﹦]/g, "="],
];

/**
 * Text NFKC and the folds below leave as it is: printable ASCII without space and < = >, CJK
 * ideographs, and the CJK punctuation NFKC keeps (、。“”‘’《》【】). Most cells are like this, and
 * skipping the work for them keeps the reader fast on large workbooks.
 */
const ALREADY_NORMAL = /^[!-;?-~一-鿿、。“”‘’《》【】]*$/;

/**
 * normalizeText memoised by string, shared by every caller and check: forms repeat the same labels,
 * names and values, and the reader and many rules normalise the same cell's text again. Bounded:
 * cleared when it grows past MEMO_LIMIT.
 */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();

/** NFKC, one spelling per operator, no zero-width characters, collapsed whitespace, trimmed. */
export function normalizeText(s: string): string {
  let t = memo.get(s);
  if (t === undefined) {
    t = normalize(s);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(s, t);
  }
  return t;
}

function normalize(s: string): string {
  if (ALREADY_NORMAL.test(s)) return s;
  let t = s.normalize("NFKC");
  for (const [re, to] of OPERATOR_FOLDS) t = t.replace(re, to);
  t = t.replace(/[\u200b-\u200d\ufeff]/g, "");
  t = t.replace(/[\s\u00a0\u3000]+/g, " ");
  return t.trim();
}

/** A label for matching: normalised, no spaces, no trailing colon. */
export function normalizeLabel(s: string): string {
  return normalizeText(s)
    .replace(/\s+/g, "")
    .replace(/[:：]+$/, "");
}
