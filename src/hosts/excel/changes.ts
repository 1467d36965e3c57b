/**
 * What changed since the adapter last read the workbook (issue 14): the sheets the change events
 * named, so that the automatic re-check after an edit reads only those. Events are a hint, never
 * the truth: until a handler is registered, after it is removed or when a read fails, the next read
 * reads everything; a co-author's edit (source "Remote") marks its sheet without starting a
 * re-check; an event that comes late (during a re-check) marks its sheet again, for the next one.
 */
export interface Changes {
  /** Read every sheet. */
  all: boolean;
  /** Sheets named by id (change events). */
  ids: Set<string>;
  /** Sheets named by name, lower-case (the add-in's own value writes). */
  names: Set<string>;
}

export class ChangeTracker {
  private watchers = 0;
  private all = true;
  private readonly ids = new Set<string>();
  private readonly names = new Set<string>();

  /** A change handler is registered: events are seen from now on (what came before was not). */
  get watching(): boolean {
    return this.watchers > 0;
  }

  started(): void {
    this.watchers++;
    this.all = true;
  }

  stopped(): void {
    this.watchers = Math.max(0, this.watchers - 1);
    this.all = true;
  }

  /** A change event named this sheet (by id). */
  sheet(id: string): void {
    this.ids.add(id);
  }

  /** The add-in wrote values on this sheet (by name). */
  sheetNamed(name: string): void {
    this.names.add(name.toLowerCase());
  }

  /** Read everything next time. */
  everything(): void {
    this.all = true;
  }

  /** The changes for a read, the tracker clean after it; give them back with restore() if the read fails. */
  take(): Changes {
    const taken: Changes = {
      all: this.all || !this.watching,
      ids: new Set(this.ids),
      names: new Set(this.names),
    };
    this.all = false;
    this.ids.clear();
    this.names.clear();
    return taken;
  }

  restore(taken: Changes): void {
    if (taken.all) this.all = true;
    for (const id of taken.ids) this.ids.add(id);
    for (const n of taken.names) this.names.add(n);
  }
}
