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
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
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

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
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

export function scanXml(xml: string, h: XmlHandler): void {
  const stack: string[] = [];
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
      START_TAG.lastIndex = lt;
      const m = START_TAG.exec(xml);
      if (!m) throw new XmlError(`a damaged tag (${where(xml, lt)})`);
      const name = m[1];
      const empty = m[3] === "/";
      if (stack.length === 0) {
        if (root) throw new XmlError(`a second root element <${name}> (${where(xml, lt)})`);
        root = true;
      }
      h.open(name, m[2], empty);
      if (empty) h.close?.(name);
      else stack.push(name);
      i = START_TAG.lastIndex;
    }
  }
  if (stack.length > 0) throw new XmlError(`the part ends inside <${stack[stack.length - 1]}> (cut off)`);
  if (!root) throw new XmlError("no root element");
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One attribute's value (entities decoded), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  if (attrs.indexOf(name) < 0) return undefined;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    if (m[1] === name) {
      const v = m[2] ?? m[3];
      return v.indexOf("&") >= 0 ? decodeEntities(v) : v;
    }
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
