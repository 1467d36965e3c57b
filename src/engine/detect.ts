/**
 * Template detection: a sheet is cut into form segments (at each 项目名称 / 部门名称 / 专项名称 …
 * label that follows an indicator table), and every profile is scored on each segment:
 *
 *   score = (Σ weights of the profile's anchors found + its title weight if the title matches)
 *           / (Σ all its anchor weights + its largest title weight)
 *
 * The best score wins (ties: the profile listed first). Below MIN_SCORE nothing is read; a segment
 * that still looks like a target form is reported once as unrecognised, with the anchors the closest
 * profile found and missed.
 */
import type { SheetGrid } from "./grid";
import type { TemplateProfile } from "../templates/types";

export const MIN_SCORE = 0.4;

export interface Segment {
  top: number;
  bottom: number;
  /** The row of the name label that opened the segment (null: the whole sheet, no name label). */
  startRow: number | null;
}

export interface Scored {
  profile: TemplateProfile;
  score: number;
  found: string[];
  missing: string[];
}

/** Labels that name a form (its first field). */
const NAME_LABEL = /^(一\*?级|二级)?(项目|项目支出|专项|专项资金|部门|部门\(单位\)|单位)名称$/;
/** A header cell of an indicator table. */
const TABLE_HEADER = /^(一?级指标|三级指标(内容)?|指标内容|指标权重)$/;
/** Labels are short; long cells are values or prose. */
const MAX_LABEL = 40;

function nameLabel(grid: SheetGrid, r: number, c: number): boolean {
  const raw = grid.displayed(r, c);
  if (raw.length > MAX_LABEL || !raw.includes("名称")) return false;
  return NAME_LABEL.test(grid.label(r, c).replace(/:.*$/, ""));
}

function rowHasTableHeader(grid: SheetGrid, r: number): boolean {
  for (const c of grid.filledCols(r)) {
    if (c > grid.lastCol) break;
    const raw = grid.displayed(r, c);
    if (raw.length > 12 || !raw.includes("指")) continue;
    if (TABLE_HEADER.test(grid.label(r, c))) return true;
  }
  return false;
}

function filledCount(grid: SheetGrid, r: number): number {
  let n = 0;
  for (const c of grid.filledCols(r)) if (c <= grid.lastCol) n++;
  return n;
}

/** Cut a sheet into form segments. */
export function segmentSheet(grid: SheetGrid): Segment[] {
  const starts: number[] = [];
  let tableSinceStart = true;
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    if (!grid.hasRow(r)) continue;
    let isStart = false;
    for (const c of grid.filledCols(r)) {
      if (c > grid.lastCol || isStart) break;
      isStart = nameLabel(grid, r, c);
    }
    if (isStart && tableSinceStart) {
      starts.push(r);
      tableSinceStart = false;
    } else if (!tableSinceStart && rowHasTableHeader(grid, r)) {
      tableSinceStart = true;
    }
  }
  if (starts.length === 0) {
    return grid.lastRow >= grid.firstRow
      ? [{ top: grid.firstRow, bottom: grid.lastRow, startRow: null }]
      : [];
  }
  const tops = starts.map((s, i) => {
    if (i === 0) return grid.firstRow;
    // The title block above a stacked form (title, year, 填报单位 lines) belongs to it.
    let top = s;
    for (let r = s - 1; r > starts[i - 1] && r >= s - 4; r--) {
      if (!grid.hasRow(r) || filledCount(grid, r) > 3) break;
      top = r;
    }
    return top;
  });
  return starts.map((s, i) => ({
    top: tops[i],
    bottom: i + 1 < starts.length ? tops[i + 1] - 1 : grid.lastRow,
    startRow: s,
  }));
}

/** The labels of a segment's cells (and the part before a colon of `label:value` cells). */
export function segmentLabels(grid: SheetGrid, seg: Segment): Set<string> {
  const labels = new Set<string>();
  const bottom = Math.min(seg.bottom, seg.top + 80);
  for (let r = seg.top; r <= bottom; r++) {
    if (!grid.hasRow(r)) continue;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const raw = grid.displayed(r, c);
      if (raw === "" || raw.length > MAX_LABEL) continue;
      const l = grid.label(r, c);
      labels.add(l);
      const colon = l.indexOf(":");
      if (colon > 0) labels.add(l.slice(0, colon));
    }
    // The anchors stand above the indicator table and in its header: its rows add nothing.
    if (rowHasTableHeader(grid, r)) break;
  }
  return labels;
}

/** The title text: the first rows of the segment, concatenated. */
export function segmentTitle(grid: SheetGrid, seg: Segment): string {
  let s = "";
  const last = Math.min(seg.bottom, seg.startRow ?? seg.top, seg.top + 4);
  for (let r = seg.top; r <= Math.max(last, seg.top); r++) {
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const raw = grid.displayed(r, c);
      if (raw.length <= 80) s += grid.label(r, c);
    }
  }
  return s;
}

/**
 * Anchor matches per label text (and title matches per title), shared across a workbook's segments
 * and, for the usual profiles, across checks (see readWorkbook): each distinct label is tested against
 * every anchor once; a segment then only looks its labels up. The patterns have no g or y flag, so a
 * test has no state.
 */
export class AnchorMemo {
  private readonly cache = new Map<string, number[]>();
  private readonly offsets = new Map<TemplateProfile, number>();
  private readonly anchors: { profile: TemplateProfile; index: number; label: RegExp }[] = [];

  constructor(readonly profiles: readonly TemplateProfile[]) {
    for (const p of profiles) {
      this.offsets.set(p, this.anchors.length);
      p.anchors.forEach((a, index) => this.anchors.push({ profile: p, index, label: a.label }));
    }
  }

  get size(): number {
    return this.anchors.length;
  }

  offset(p: TemplateProfile): number {
    return this.offsets.get(p) ?? -1;
  }

  private readonly titleCache = new Map<string, Int16Array>();

  /** For each profile (in order), the index of the first of its titles the text matches, or -1. */
  titleHits(title: string): Int16Array {
    let h = this.titleCache.get(title);
    if (!h) {
      h = new Int16Array(this.profiles.length);
      for (let i = 0; i < this.profiles.length; i++) {
        const titles = this.profiles[i].title;
        h[i] = -1;
        for (let j = 0; j < titles.length; j++)
          if (titles[j].pattern.test(title)) {
            h[i] = j;
            break;
          }
      }
      if (this.titleCache.size > 5000) this.titleCache.clear();
      this.titleCache.set(title, h);
    }
    return h;
  }

  hits(label: string): number[] {
    let h = this.cache.get(label);
    if (!h) {
      h = [];
      for (let i = 0; i < this.anchors.length; i++) if (this.anchors[i].label.test(label)) h.push(i);
      if (this.cache.size > 50000) this.cache.clear();
      this.cache.set(label, h);
    }
    return h;
  }
}

function scoreFound(profile: TemplateProfile, found: Uint8Array, offset: number, title: string): Scored {
  let got = 0;
  let total = 0;
  const foundNames: string[] = [];
  const missing: string[] = [];
  profile.anchors.forEach((a, i) => {
    total += a.weight;
    if (found[offset + i]) {
      got += a.weight;
      foundNames.push(a.display);
    } else missing.push(a.display);
  });
  const titleWeight = Math.max(0, ...profile.title.map((t) => t.weight));
  total += titleWeight;
  const t = profile.title.find((x) => x.pattern.test(title));
  if (t) got += t.weight;
  return { profile, score: total > 0 ? got / total : 0, found: foundNames, missing };
}

/** Σ anchor weights + the largest title weight, per profile (the score's denominator), computed once. */
const TOTALS = new WeakMap<TemplateProfile, number>();

function totalWeight(profile: TemplateProfile): number {
  let total = TOTALS.get(profile);
  if (total === undefined) {
    total = 0;
    for (const a of profile.anchors) total += a.weight;
    total += Math.max(0, ...profile.title.map((t) => t.weight));
    TOTALS.set(profile, total);
  }
  return total;
}

/**
 * Score every profile of the memo on a segment's labels and title; the best, or null. Each profile's
 * score is a sum over the anchors the segment's labels hit (no allocation); the found and missing
 * lists are built for the winner only.
 */
export function bestProfile(labels: Set<string>, title: string, memo: AnchorMemo): Scored | null {
  const found = new Uint8Array(memo.size);
  for (const label of labels) for (const i of memo.hits(label)) found[i] = 1;
  let best: TemplateProfile | null = null;
  let bestScore = -Infinity;
  const titleHits = memo.titleHits(title);
  for (let k = 0; k < memo.profiles.length; k++) {
    const p = memo.profiles[k];
    const offset = memo.offset(p);
    let got = 0;
    const anchors = p.anchors;
    for (let i = 0; i < anchors.length; i++) if (found[offset + i]) got += anchors[i].weight;
    const total = totalWeight(p);
    if (titleHits[k] >= 0) got += p.title[titleHits[k]].weight;
    const score = total > 0 ? got / total : 0;
    if (best === null || score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best ? scoreFound(best, found, memo.offset(best), title) : null;
}

/** Does a segment look like a target form at all (for the unrecognised finding)? */
export function looksLikeTargetForm(labels: Set<string>, title: string): boolean {
  if (/绩效目标/.test(title)) return true;
  let n = 0;
  for (const l of labels) if (/^(一级指标|二级指标|三级指标|指标值|绩效指标|项目名称|部门名称)$/.test(l)) n++;
  return n >= 2;
}
