/**
 * tsx bench/profile-top.ts FILE.cpuprofile [N] [self|total]: the top N functions of a CPU profile by
 * self time (default) or by total time (the function and what it calls, recursion counted once);
 * `callers NAME`: the self time of functions named NAME, by the function (and line) that called them;
 * `under NAME`: self time of the functions called (directly or not) by a function named NAME.
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const prof = JSON.parse(readFileSync(process.argv[2], "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const mode =
  process.argv[4] === "total"
    ? "total"
    : process.argv[4] === "callers"
      ? "callers"
      : process.argv[4] === "under"
        ? "under"
        : "self";
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n: Node) => {
  const f = n.callFrame;
  return `${f.functionName || "(anon)"} ${f.url.split("/").slice(-2).join("/")}`;
};
const times = new Map<string, number>();
prof.samples.forEach((id, i) => {
  const ms = (prof.timeDeltas[i] ?? 0) / 1000;
  if (mode === "callers") {
    const n = byId.get(id)!;
    if (n.callFrame.functionName !== process.argv[5]) return;
    const up = parent.get(id);
    const p = up === undefined ? undefined : byId.get(up);
    const k = p ? `${keyOf(p)}:${p.callFrame.lineNumber + 1}` : "(none)";
    times.set(k, (times.get(k) ?? 0) + ms);
    return;
  }
  if (mode === "under") {
    let inside = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)!.callFrame.functionName === process.argv[5]) inside = true;
    if (!inside) return;
    const k = keyOf(byId.get(id)!);
    times.set(k, (times.get(k) ?? 0) + ms);
    return;
  }
  if (mode === "self") {
    const k = keyOf(byId.get(id)!);
    times.set(k, (times.get(k) ?? 0) + ms);
    return;
  }
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = keyOf(byId.get(at)!);
    if (seen.has(k)) continue;
    seen.add(k);
    times.set(k, (times.get(k) ?? 0) + ms);
  }
});
const top = [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30));
for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`);
