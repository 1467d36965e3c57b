/**
 * tsx bench/xml-scan.ts [N]: the XML tokenizer choice. Tokenizes every worksheet and the shared
 * strings of the N-form bench workbook (default 200) with the lean reader's scanner and with saxen
 * (a maintained streaming tokenizer), both delivering every tag with its attributes and every text;
 * prints MB/s (median of interleaved runs).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Parser } from "saxen";
import { attr as attrOf, scanXml } from "../src/hosts/xlsx/lean/xml";
import { unzip } from "../test/bad-input/zip";
import { benchWorkbookFile } from "./workbooks";

async function main() {
  const n = Number(process.argv[2] ?? 200);
  const parts = unzip(readFileSync(await benchWorkbookFile(n)));
  const xmls = [...parts]
    .filter(([name]) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name))
    .map(([, b]) => b.toString("utf8"));
  const mb = xmls.reduce((s, x) => s + Buffer.byteLength(x), 0) / 1e6;
  let sink = 0;
  const own = () => {
    for (const x of xmls)
      scanXml(x, {
        open: (_name, a) => (sink += a.length > 0 && attrOf(a, "r") !== undefined ? 1 : 0),
        text: (t) => (sink += t.length),
      });
  };
  const sax = () => {
    for (const x of xmls) {
      const p = new Parser();
      p.on(
        "openTag",
        (_el: string, getAttrs: () => Record<string, string>) => (sink += getAttrs().r !== undefined ? 1 : 0),
      );
      p.on("text", (t: string) => (sink += t.length));
      p.on("error", (e: Error) => {
        throw e;
      });
      p.parse(x);
    }
  };
  const times: Record<string, number[]> = { own: [], saxen: [] };
  for (let i = 0; i < 15; i++) {
    for (const [k, f] of [
      ["own", own],
      ["saxen", sax],
    ] as const) {
      const t = performance.now();
      f();
      times[k].push(performance.now() - t);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const k of Object.keys(times)) {
    const ms = med(times[k].slice(3));
    console.log(`${k}: ${ms.toFixed(1)} ms for ${mb.toFixed(2)} MB = ${(mb / (ms / 1000)).toFixed(0)} MB/s`);
  }
  if (sink < 0) console.log(sink);
}

void main();
