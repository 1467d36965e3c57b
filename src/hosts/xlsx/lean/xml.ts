/**
 * A small, strict XML scanner for the SpreadsheetML parts the reader needs: start, end and empty
 * tags with their raw attribute text, and text. No DTD (a `<!DOCTYPE` is refused, so there is no
 * entity expansion of any kind), only the five predefined entities and character references;
 * comments and processing instructions are skipped; CDATA is text. Tags must nest and the part must
 * end with its root closed: a part cut off in the middle is an error, not half a sheet.
 *
 * Chosen over a streaming tokenizer (saxen) by measurement: see bench/xml-scan.ts and the commit.
 */

export class XmlError extends Error {
  /** The cell (A1) the fault is in, when the reader knows it (the message then need not say it). */
  readonly cell?: string;
  constructor(message: string, cell?: string) {
    super(message);
    this.name = "XmlError";
    if (cell !== undefined) this.cell = cell;
  }
}

export interface XmlHandler {
  /** A start or empty tag: its qualified name and the raw text of its attributes. */
  open(name: string, attrs: string, empty: boolean): void;
  /** Text between tags, entities decoded. Only called for non-empty text. */
  text?(text: string): void;
  /** An end tag (also called right after `open` for an empty tag). */
  close?(name: string): void;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

/** Where in the part (line:column) an offset is, for messages. */
function where(xml: string, at: number): string {
  let line = 1;
  let last = -1;
  for (let i = xml.indexOf("\n"); i >= 0 && i < at; i = xml.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${at - last}`;
}

/** A tag name's first character: [A-Za-z_]. */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** A tag name's other characters: [\w.:-]. */
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 58) /* 0-9 : */ || c === 46 || c === 45;

export function scanXml(xml: string, h: XmlHandler): void {
  const stack: string[] = [];
  const names: (string | undefined)[] = new Array<string | undefined>(256);
  const wantText = h.text !== undefined;
  let i = 0;
  let root = false;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (wantText && stack.length > 0) {
        const raw = xml.substring(i, textEnd);
        h.text!(raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw);
      } else if (
        stack.length === 0 &&
        /\S/.test(xml.substring(i, textEnd)) &&
        !(i === 0 && xml[0] === "\ufeff")
      ) {
        throw new XmlError(`text outside the root element (${where(xml, i)})`);
      }
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      // The usual case, `</name>` closing the open element, without a regex match; anything else
      // (spaces before `>`, a mismatch, damage) goes through END_TAG for the same checks and messages.
      const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
      if (
        top !== undefined &&
        xml.charCodeAt(lt + 2 + top.length) === 62 /* > */ &&
        xml.startsWith(top, lt + 2)
      ) {
        stack.pop();
        h.close?.(top);
        i = lt + 3 + top.length;
        continue;
      }
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(xml);
      if (!m) throw new XmlError(`a damaged end tag (${where(xml, lt)})`);
      const open = stack.pop();
      if (open !== m[1]) {
        throw new XmlError(`</${m[1]}> does not close <${open ?? "nothing"}> (${where(xml, lt)})`);
      }
      h.close?.(m[1]);
      i = END_TAG.lastIndex;
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError(`an unfinished processing instruction (${where(xml, lt)})`);
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError(`an unfinished comment (${where(xml, lt)})`);
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError(`an unfinished CDATA section (${where(xml, lt)})`);
        if (stack.length === 0) throw new XmlError(`CDATA outside the root element (${where(xml, lt)})`);
        if (wantText && end > lt + 9) h.text!(xml.substring(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt)) {
        throw new XmlError("a document type declaration (DTD) is not allowed in a workbook part");
      } else {
        throw new XmlError(`unexpected markup (${where(xml, lt)})`);
      }
    } else {
      // A start tag, scanned by hand (a regex match per tag costs an array and its strings).
      // The name is checked as it is scanned ([A-Za-z_][\w.:-]*, without a regex), and a name seen before is
      // reused rather than cut out of the part again (a sheet repeats c, v, row thousands of times).
      let j = lt + 1;
      let good = isNameStart(xml.charCodeAt(j));
      for (
        let ch = xml.charCodeAt(j);
        j < n && ch !== 62 && ch !== 47 && !isSpace(ch);
        ch = xml.charCodeAt(++j)
      )
        if (!isNameChar(ch)) good = false;
      if (!good || j === lt + 1) throw new XmlError(`a damaged tag (${where(xml, lt)})`);
      const len = j - lt - 1;
      const slot = (len * 31 + xml.charCodeAt(lt + 1) + xml.charCodeAt(j - 1) * 7) & 255;
      let name = names[slot];
      if (name === undefined || name.length !== len || !xml.startsWith(name, lt + 1))
        names[slot] = name = xml.substring(lt + 1, j);
      const attrStart = j;
      let q = 0;
      for (; j < n; j++) {
        const ch = xml.charCodeAt(j);
        if (q !== 0) {
          if (ch === q) q = 0;
        } else if (ch === 34 || ch === 39) q = ch;
        else if (ch === 62 || ch === 60) break;
      }
      if (j >= n || xml.charCodeAt(j) !== 62) throw new XmlError(`a damaged tag (${where(xml, lt)})`);
      const empty = xml.charCodeAt(j - 1) === 47;
      const attrText = xml.substring(attrStart, empty ? j - 1 : j);
      i = j + 1;
      if (stack.length === 0) {
        if (root) throw new XmlError(`a second root element <${name}> (${where(xml, lt)})`);
        root = true;
      }
      h.open(name, attrText, empty);
      if (empty) h.close?.(name);
      else stack.push(name);
    }
  }
  if (stack.length > 0) throw new XmlError(`the part ends inside <${stack[stack.length - 1]}> (cut off)`);
  if (!root) throw new XmlError("no root element");
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One attribute's value (entities decoded), or undefined. A scan, not a regex: it runs for every cell. */
export function attr(attrs: string, name: string): string | undefined {
  for (let i = attrs.indexOf(name); i >= 0; i = attrs.indexOf(name, i + 1)) {
    if (i > 0 && !isSpace(attrs.charCodeAt(i - 1))) continue;
    let j = i + name.length;
    while (isSpace(attrs.charCodeAt(j))) j++;
    if (attrs.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (isSpace(attrs.charCodeAt(j))) j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") continue;
    const end = attrs.indexOf(q, j + 1);
    if (end < 0) return undefined;
    const v = attrs.substring(j + 1, end);
    return v.indexOf("&") >= 0 ? decodeEntities(v) : v;
  }
  return undefined;
}

/** All attributes by qualified name (entities decoded). */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m; m = ATTR.exec(text)) {
    const v = m[2] ?? m[3];
    out[m[1]] = v.indexOf("&") >= 0 ? decodeEntities(v) : v;
  }
  return out;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The five predefined entities and character references; any other `&` is an error (XML has no others without a DTD). */
export function decodeEntities(s: string): string {
  return s.replace(
    ENTITY,
    (m, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
      if (named) return NAMED[named];
      const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
      if (code < 0) throw new XmlError(`an undefined entity or a bare "&" near "${s.slice(0, 40)}"`);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
        throw new XmlError(`an invalid character reference ${m}`);
      }
      return String.fromCodePoint(code);
    },
  );
}
