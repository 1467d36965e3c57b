/**
 * The Office.js proxy-object machinery, emulated: every API object is a proxy whose writes,
 * method calls and loads are queued on its request context and run, in order, at
 * `context.sync()`. Loaded values become readable only after that sync commits; reading anything
 * else throws `PropertyNotLoaded`, as office.js does.
 *
 * As in office.js, creating a proxy (a `getItem`, a navigation property, ...) queues an
 * "instantiate" action: a missing item fails the whole sync with `ItemNotFound` at that point of
 * the batch, and `*OrNullObject` proxies learn `isNullObject` there.
 */
import {
  MemoryOfficeError,
  apiNotFound,
  invalidArgument,
  itemNotFound,
  propertyNotLoaded,
  valueNotLoaded,
} from "./errors";
import type { CellRange, MemoryWorkbook } from "./state";

// ---------------------------------------------------------------------------------------------
// The host: state shared by every request context of one MemoryExcel

/** A value or formula change, for `worksheets.onChanged`. */
export interface ChangeRecord {
  sheetId: string;
  range: CellRange;
  /** "user" for MemoryExcel.userEdit, "api" for writes made through the API. */
  trigger: "user" | "api";
  /** Office.js `DataChangeType`; "RangeEdited" when absent. */
  changeType?: "RangeEdited" | "RowInserted" | "ColumnInserted" | "CellInserted" | "FormatChanged";
  /** For a single cell: the value before and after. */
  before?: unknown;
  after?: unknown;
  /** Office.js `EventSource`: "Remote" for a co-author's edit; "Local" when absent. */
  source?: "Local" | "Remote";
}

export interface EventRegistration {
  /** The EventHandlers object it was added to (remove() must go through the same one). */
  owner: object;
  handler: (args: unknown) => unknown;
}

/** Behaviours of real Excel that are uncertain or differ by platform: each is switchable. */
export interface MemoryBehaviours {
  /** Excel keeps the undo stack across add-in writes (Version 2509, ExcelApi 1.20). */
  undoPreserved: boolean;
  /** "stable": an id is the rule's own; "positional": its position ("0", "1", …), shifting on add/delete. */
  conditionalFormatIds: "stable" | "positional";
  /** Where ConditionalFormatCollection.add puts the new rule. */
  newRuleAt: "first" | "last";
  /** Adding or deleting a conditional format fires worksheets.onChanged (changeType FormatChanged). */
  formatChangesFireOnChanged: boolean;
  /** Worksheet.activate() of a hidden sheet fails (InvalidOperation) instead of doing nothing. */
  hiddenActivateFails: boolean;
  /** copyFrom("A1:B2") without a sheet resolves against the active sheet, not the target's. */
  sheetlessCopyFromActiveSheet: boolean;
  /**
   * When worksheets.onChanged fires for a user's (or a co-author's) edit: "immediate" (before
   * userEdit resolves), "late" (held until the next context.sync() of any batch has run, e.g. in
   * the middle of the re-check the add-in started for another edit) or "dropped" (never: a pick
   * from a validation list, office-js #420 and #3888; Text to Columns, #3729; a value a formula
   * recalculates).
   */
  userEditEvents: "immediate" | "late" | "dropped";
  /** Registering an onChanged handler fails the sync (GeneralException), as on a host without events. */
  eventRegistrationFails: boolean;
}

export const DEFAULT_BEHAVIOURS: MemoryBehaviours = {
  undoPreserved: false,
  conditionalFormatIds: "stable",
  newRuleAt: "first",
  formatChangesFireOnChanged: false,
  hiddenActivateFails: false,
  sheetlessCopyFromActiveSheet: false,
  userEditEvents: "immediate",
  eventRegistrationFails: false,
};

export class Host {
  syncCount = 0;
  /** Syncs that wrote to the workbook while undo is not preserved: each cleared the user's undo stack. */
  undoClears = 0;
  /** Largest request of one sync, in bytes (what a write costs on the wire). */
  maxRequestBytes = 0;
  /** The user is typing in a cell: batches fail with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /** Runs waiting (delayForCellEdit) for cell-edit mode to end. */
  readonly cellEditWaiters: (() => void)[] = [];
  behaviours: MemoryBehaviours = { ...DEFAULT_BEHAVIOURS };
  readonly registrations: EventRegistration[] = [];
  readonly listeners = new Set<() => void>();
  /** Event handler runs not yet settled, and errors they threw (for MemoryExcel.idle()). */
  readonly pending = new Set<Promise<void>>();
  readonly eventErrors: unknown[] = [];
  /** User edits whose events are held ("late" userEditEvents) until the next sync has run. */
  readonly heldChanges: ChangeRecord[] = [];
  /** Cells whose `values` were loaded, by sheet id (what the add-in read, for tests and the bench). */
  readonly valueReads = new Map<string, number>();
  /** Builds the WorksheetChanged event args (set by the object layer, which knows the classes). */
  makeEventArgs: (change: ChangeRecord) => unknown = () => ({});
  private readonly version: [number, number];

  constructor(
    readonly wb: MemoryWorkbook,
    readonly payloadLimit: number,
    apiVersion: string,
  ) {
    this.version = parseVersion(apiVersion) ?? [1, 13];
  }

  /** True when the emulated host implements ExcelApi `version`. */
  supports(version: string): boolean {
    const v = parseVersion(version);
    if (!v) return false;
    return v[0] < this.version[0] || (v[0] === this.version[0] && v[1] <= this.version[1]);
  }

  /** office.js checks the requirement set before queuing a newer member and throws at once. */
  requireApi(member: string, version: string): void {
    if (!this.supports(version)) throw apiNotFound(member, version);
  }

  notify(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // A listener's failure is not the workbook's.
      }
    }
  }

  /** Calls every registered onChanged handler for each change; resolves when all have settled. */
  dispatch(changes: ChangeRecord[]): Promise<unknown[]> {
    const errors: unknown[] = [];
    const runs: Promise<void>[] = [];
    for (const change of changes) {
      for (const reg of [...this.registrations]) {
        const args = this.makeEventArgs(change);
        const run = Promise.resolve()
          .then(() => reg.handler(args))
          .then(
            () => undefined,
            (e: unknown) => {
              errors.push(e);
              this.eventErrors.push(e);
            },
          );
        this.pending.add(run);
        void run.finally(() => this.pending.delete(run));
        runs.push(run);
      }
    }
    return Promise.all(runs).then(() => errors);
  }
}

function parseVersion(v: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// ---------------------------------------------------------------------------------------------
// Commands and batches

export interface Batch {
  host: Host;
  responseBytes: number;
  /** Applied to the proxies only when the whole batch succeeds. */
  commits: (() => void)[];
  /** Something in the workbook changed (subscribers are told). */
  mutated: boolean;
  /** A command other than a selection or activation changed the workbook (clears undo). */
  wrote?: boolean;
  changes: ChangeRecord[];
}

export interface Command {
  /** The proxy it acts on: resolved (instantiated) before exec; null target = null object. */
  obj: MemClientObject;
  requestBytes: number;
  /** Selection or activation only: not a write as far as undo is concerned. */
  navigation?: boolean;
  exec(target: unknown, batch: Batch): void;
}

/** What the proxies need from their request context. */
export interface ContextCore {
  readonly _host: Host;
  /** True while a batch executes: proxies created then (items, navigation) resolve at once. */
  _processing: boolean;
  _enqueue(cmd: Command): void;
}

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON: the estimate of what crosses the wire. */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  return encoder.encode(JSON.stringify(v)).length;
}

// ---------------------------------------------------------------------------------------------
// Load options

export interface LoadTree {
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadTree>;
  top?: number;
  skip?: number;
}

function emptyTree(): LoadTree {
  return { all: false, props: new Set(), navs: new Map() };
}

/**
 * `"values, format/fill/color"`, `["items/name", "items/id"]`,
 * `{ select: "a,b", expand: "c" }` or `{ values: true, format: { fill: { color: true } }, $top: 5 }`.
 * No argument loads every scalar property.
 */
export function parseLoadOption(option: unknown): LoadTree {
  const tree = emptyTree();
  if (option === undefined || option === null) {
    tree.all = true;
    return tree;
  }
  if (typeof option === "string") {
    addPaths(tree, option);
  } else if (Array.isArray(option)) {
    for (const o of option) if (typeof o === "string") addPaths(tree, o);
  } else if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    if ("select" in o || "expand" in o || "top" in o || "skip" in o) {
      const list = (v: unknown) => (Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : "");
      addPaths(tree, list(o.select));
      for (const p of list(o.expand).split(",")) {
        const segs = p
          .split("/")
          .map((s) => s.trim())
          .filter(Boolean);
        if (segs.length) walk(tree, segs).all = true;
      }
      if (typeof o.top === "number") tree.top = o.top;
      if (typeof o.skip === "number") tree.skip = o.skip;
      if (!o.select && !o.expand) tree.all = true;
    } else {
      fillFromObject(tree, o);
    }
  }
  if (!tree.all && tree.props.size === 0 && tree.navs.size === 0) tree.all = true;
  return tree;
}

function addPaths(tree: LoadTree, spec: string): void {
  for (const path of spec.split(",")) {
    const segs = path
      .split("/")
      .map((s) => s.trim())
      .filter(Boolean);
    if (segs.length === 0) continue;
    const last = segs.pop() as string;
    walk(tree, segs).props.add(last);
  }
}

function walk(tree: LoadTree, segs: string[]): LoadTree {
  let t = tree;
  for (const s of segs) {
    let next = t.navs.get(s);
    if (!next) t.navs.set(s, (next = emptyTree()));
    t = next;
  }
  return t;
}

function fillFromObject(tree: LoadTree, o: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(o)) {
    if (k === "$all") tree.all = tree.all || v === true;
    else if (k === "$top" && typeof v === "number") tree.top = v;
    else if (k === "$skip" && typeof v === "number") tree.skip = v;
    else if (v === true) tree.props.add(k);
    else if (v && typeof v === "object") {
      const sub = walk(tree, [k]);
      fillFromObject(sub, v as Record<string, unknown>);
      if (!sub.all && sub.props.size === 0 && sub.navs.size === 0) sub.all = true;
    }
  }
}

/** A collection's load applies to its items, with or without the `items/` prefix. */
function itemTree(tree: LoadTree): LoadTree {
  const t = emptyTree();
  const merge = (into: LoadTree, from: LoadTree) => {
    into.all = into.all || from.all;
    for (const p of from.props) into.props.add(p);
    for (const [k, v] of from.navs) {
      let sub = into.navs.get(k);
      if (!sub) into.navs.set(k, (sub = emptyTree()));
      merge(sub, v);
    }
  };
  const items = tree.navs.get("items");
  if (items) merge(t, items);
  if (tree.all || tree.props.has("items")) t.all = true;
  for (const p of tree.props) if (p !== "items") t.props.add(p);
  for (const [k, v] of tree.navs) {
    if (k === "items") continue;
    let sub = t.navs.get(k);
    if (!sub) t.navs.set(k, (sub = emptyTree()));
    merge(sub, v);
  }
  if (!t.all && t.props.size === 0 && t.navs.size === 0) t.all = true;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Proxies

/** Per-class description of what can be loaded. */
export interface ClassMeta {
  type: string;
  /** Loadable scalar properties: name -> reader of the resolved target. */
  scalars: Record<string, (target: never, host: Host) => unknown>;
  /** Scalars that need a newer requirement set than the class. */
  scalarVersions?: Record<string, string>;
  /** Navigation properties (getters on the proxy returning proxies). */
  navs: string[];
  /** Collections: the item proxies for a resolved target (created resolved). */
  items?: (target: never, owner: MemClientObject, host: Host) => MemClientObject[];
  /** False when the target no longer exists (a deleted sheet, format, setting): ItemNotFound. */
  alive?: (target: never, host: Host) => boolean;
}

type Resolver = (parentTarget: unknown) => unknown;

export abstract class MemClientObject {
  /** The request context the proxy belongs to. */
  readonly context: ContextCore;
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal Loaded (after a sync) or locally set scalar values. */
  readonly _values = new Map<string, unknown>();
  /** @internal Collections: the items of the last load. */
  _items: MemClientObject[] | undefined = undefined;
  private readonly _parent: MemClientObject | null;
  private readonly _resolver: Resolver;
  private _resolved = false;
  private _target: unknown = undefined;
  private readonly _navCache = new Map<string, MemClientObject>();

  abstract _meta(): ClassMeta;

  /**
   * `resolver` maps the parent's target to this object's target (null = null object) or throws
   * (ItemNotFound, ...). It runs at this proxy's place in the queue, like office.js' instantiate.
   */
  constructor(
    context: ContextCore,
    parent: MemClientObject | null,
    resolver: Resolver,
    fixedTarget?: unknown,
  ) {
    this.context = context;
    this._parent = parent;
    this._resolver = resolver;
    if (fixedTarget !== undefined) {
      this._resolved = true;
      this._target = fixedTarget;
    } else if (!context._processing) {
      context._enqueue({
        obj: this,
        requestBytes: 0,
        exec: (target, batch) => {
          batch.commits.push(() => {
            this._isNull = target === null;
          });
        },
      });
    }
  }

  /** @internal Resolves (once) the state this proxy stands for; null for a null object. */
  _ensure(): unknown {
    if (this._resolved) return this._target;
    const parentTarget = this._parent ? this._parent._ensure() : undefined;
    const t = this._parent && parentTarget === null ? null : this._resolver(parentTarget);
    this._resolved = true;
    this._target = t;
    return t;
  }

  /** Office.js: true when the object does not exist; readable only after a sync. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._meta().type, "isNullObject");
    return this._isNull;
  }

  /** Queues a load of the given properties (see parseLoadOption). */
  load(option?: unknown): this {
    const tree = parseLoadOption(option);
    this.context._enqueue({
      obj: this,
      requestBytes: 0,
      exec: (target, batch) => executeLoad(this, target, tree, batch),
    });
    return this;
  }

  /** A plain object with the loaded properties (office.js' toJSON). */
  toJSON(): Record<string, unknown> {
    const meta = this._meta();
    if (meta.items) return { items: (this._items ?? []).map((i) => i.toJSON()) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) out[k] = v;
    for (const [k, child] of this._navCache) {
      const j = child.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }

  // --- for subclasses ------------------------------------------------------------------------

  /** @internal Reads a scalar: the loaded or set value, else PropertyNotLoaded. */
  _get(name: string): unknown {
    if (this._values.has(name)) return this._values.get(name);
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(this._meta().type, name);
  }

  /** @internal Sets a scalar locally (readable at once, as in office.js) and queues the write. */
  _set(name: string, value: unknown, apply: (target: never, value: unknown, batch: Batch) => void): void {
    this._values.set(name, value);
    this.context._enqueue({
      obj: this,
      requestBytes: jsonBytes(value) + name.length,
      exec: (target, batch) => {
        if (target !== null) apply(target as never, value, batch);
      },
    });
  }

  /** @internal Queues a method call (ignored on a null object). */
  _call(apply: (target: never, batch: Batch) => void, requestBytes = 0, navigation = false): void {
    this.context._enqueue({
      obj: this,
      requestBytes,
      navigation,
      exec: (target, batch) => {
        if (target !== null) apply(target as never, batch);
      },
    });
  }

  /** @internal A navigation property: one proxy per parent, created on first access. */
  _nav<T extends MemClientObject>(name: string, create: () => T): T {
    let child = this._navCache.get(name) as T | undefined;
    if (!child) {
      child = create();
      this._navCache.set(name, child);
    }
    return child;
  }

  /** @internal The collection's items, or PropertyNotLoaded. */
  _getItems<T extends MemClientObject>(): T[] {
    if (this._items) return this._items as T[];
    if (this._isNull === true) return undefined as unknown as T[];
    throw propertyNotLoaded(this._meta().type, "items");
  }
}

function executeLoad(obj: MemClientObject, target: unknown, tree: LoadTree, batch: Batch): void {
  const meta = obj._meta();
  if (target === null) {
    batch.commits.push(() => {
      obj._isNull = true;
    });
    return;
  }
  if (meta.items) {
    const sub = itemTree(tree);
    let items = meta.items(target as never, obj, batch.host);
    const skip = tree.skip ?? 0;
    items = items.slice(skip, tree.top === undefined ? undefined : skip + tree.top);
    batch.responseBytes += 2 + items.length;
    for (const item of items) executeLoad(item, ensureAlive(item, batch.host), sub, batch);
    batch.commits.push(() => {
      obj._items = items;
      obj._isNull = false;
    });
    return;
  }
  const names = new Set<string>(tree.all ? Object.keys(meta.scalars) : []);
  for (const p of tree.props) names.add(p);
  const values = new Map<string, unknown>();
  const navLoads: [string, LoadTree][] = [];
  for (const name of names) {
    const read = meta.scalars[name];
    if (read) {
      const version = meta.scalarVersions?.[name];
      if (version && !batch.host.supports(version)) throw apiNotFound(`${meta.type}.${name}`, version);
      const v = read(target as never, batch.host);
      values.set(name, v);
      batch.responseBytes += jsonBytes(v) + name.length + 4;
    } else if (meta.navs.includes(name)) {
      navLoads.push([name, { all: true, props: new Set(), navs: new Map() }]);
    } else {
      throw unknownProperty(meta.type, name);
    }
  }
  for (const [name, sub] of tree.navs) {
    if (!meta.navs.includes(name)) throw unknownProperty(meta.type, name);
    navLoads.push([name, sub]);
  }
  for (const [name, sub] of navLoads) {
    const child = (obj as unknown as Record<string, MemClientObject>)[name];
    executeLoad(child, ensureAlive(child, batch.host), sub, batch);
  }
  batch.commits.push(() => {
    for (const [k, v] of values) obj._values.set(k, v);
    obj._isNull = false;
  });
}

/** Resolves the proxy and checks its target still exists. */
export function ensureAlive(obj: MemClientObject, host: Host): unknown {
  const target = obj._ensure();
  const meta = obj._meta();
  if (target !== null && meta.alive && !meta.alive(target as never, host)) throw itemNotFound(meta.type);
  return target;
}

function unknownProperty(type: string, name: string): MemoryOfficeError {
  return invalidArgument(
    `${type}.load`,
    `'${name}' is not a property of ${type} this in-memory host emulates`,
  );
}

/** Office.js ClientResult: `value` is readable after the sync that computes it. */
export class MemClientResult<T> {
  private _loaded = false;
  private _value: T | undefined = undefined;

  get value(): T {
    if (!this._loaded) throw valueNotLoaded();
    return this._value as T;
  }

  /** @internal */
  _resolve(v: T): void {
    this._loaded = true;
    this._value = v;
  }
}
