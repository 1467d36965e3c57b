/** Colours: Office.js accepts `#RRGGBB`, `RRGGBB` or an HTML colour name and returns `#RRGGBB`. */

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  lime: "#00FF00",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  pink: "#FFC0CB",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  navy: "#000080",
  olive: "#808000",
  teal: "#008080",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  brown: "#A52A2A",
  gold: "#FFD700",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  lightblue: "#ADD8E6",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
  darkorange: "#FF8C00",
};

/** `#ffa500`, `FFA500`, `#FA0`, `orange` -> `#FFA500`; null when not a colour. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (m)
    return `#${[...m[1]]
      .map((c) => c + c)
      .join("")
      .toUpperCase()}`;
  return null;
}

/** The default Office theme (2013+), in SpreadsheetML theme-index order (lt1, dk1, lt2, dk2, accents). */
const THEME = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "0563C1",
  "954F72",
];

/** The legacy indexed palette (0-63); 64 = system foreground, 65 = system background. */
const INDEXED = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF " +
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF " +
  "800000 008000 000080 808000 800080 008080 C0C0C0 808080 " +
  "9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF " +
  "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF " +
  "00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 " +
  "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 " +
  "003366 339966 003300 333300 993300 993366 333399 333333 " +
  "000000 FFFFFF"
).split(" ");

/** An exceljs colour (`{ argb }`, `{ theme, tint }`, `{ indexed }`) as `#RRGGBB`; undefined if none. */
export function excelJsColor(c: unknown): string | undefined {
  if (!c || typeof c !== "object") return undefined;
  const o = c as { argb?: unknown; theme?: unknown; tint?: unknown; indexed?: unknown };
  if (typeof o.argb === "string") {
    const hex = o.argb.length === 8 ? o.argb.slice(2) : o.argb;
    return normalizeColor(hex) ?? undefined;
  }
  if (typeof o.theme === "number") {
    const base = THEME[o.theme];
    if (!base) return undefined;
    return `#${typeof o.tint === "number" && o.tint !== 0 ? applyTint(base, o.tint) : base}`;
  }
  if (typeof o.indexed === "number") {
    const hex = INDEXED[o.indexed];
    return hex ? `#${hex}` : undefined;
  }
  return undefined;
}

/** SpreadsheetML tint: lightens (tint > 0) or darkens (tint < 0) the colour's HSL luminance. */
function applyTint(hex: string, tint: number): string {
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let rr = l;
  let gg = l;
  let bb = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rr = hue(p, q, h + 1 / 3);
    gg = hue(p, q, h);
    bb = hue(p, q, h - 1 / 3);
  }
  const to = (x: number) =>
    Math.round(Math.min(1, Math.max(0, x)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `${to(rr)}${to(gg)}${to(bb)}`.toUpperCase();
}
