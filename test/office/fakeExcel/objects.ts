/**
 * The Office.js objects the add-in uses, over a {@link FakeWorkbookState}.
 * As in Excel: writes and loads are queued and happen at `sync()`; a property
 * read before `load` + `sync` throws; a missing item fails at `sync()`.
 */
import {
  boxAddress,
  newSheet,
  parseBox,
  sheetOf,
  type Box,
  type FakeChart,
  type FakeFormat,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type FakeWorkbookState,
} from "./state";

/** One queued action: what goes over the wire (`json`) and what it does. */
interface Action {
  json: unknown;
  run: () => void;
}

/** Figures of one run, for tests and the bench. */
export interface FakeStats {
  syncs: number;
  /** Request bytes (JSON size of the queued actions) per sync. */
  requestBytes: number[];
  /** Response bytes (JSON size of the values loaded) per sync. */
  responseBytes: number[];
  calculationSuspended: number;
  screenUpdatingSuspended: number;
}

const ERROR_TEXTS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!"];

/** The request context: queue, sync, and the objects. */
export class FakeContext {
  readonly queue: Action[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(
    readonly state: FakeWorkbookState,
    readonly stats: FakeStats
  ) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  /** Queues an action. */
  enqueue(json: unknown, run: () => void): void {
    this.queue.push({ json, run });
  }

  /** Runs the queue, counting the sync and its request bytes. */
  async sync(): Promise<void> {
    const actions = this.queue.splice(0);
    this.stats.syncs++;
    this.stats.requestBytes.push(JSON.stringify(actions.map((a) => a.json)).length);
    this.stats.responseBytes.push(0);
    for (const action of actions) action.run();
  }
}

/** Base of every proxy: load bookkeeping. */
abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();

  constructor(readonly ctx: FakeContext) {}

  /** The label of this object in the request JSON. */
  abstract get path(): string;

  /** The current value of a scalar property. */
  protected abstract compute(prop: string): unknown;

  /** Queues loading properties (`"a, b"`, `["a"]`, `"items/name"`, `"x/y"`). */
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue({ load: this.path, props: list }, () => list.forEach((p) => this.resolve(p)));
    return this;
  }

  /** Takes the value of a property now (at sync). */
  resolve(prop: string): void {
    const slash = prop.indexOf("/");
    if (slash < 0) {
      const value = this.compute(prop);
      this.loaded.set(prop, value);
      const bytes = this.ctx.stats.responseBytes;
      bytes[bytes.length - 1] += JSON.stringify(value ?? null).length;
      return;
    }
    // Walk plain navigation objects (`customOrNullObject.rule`) down to a proxy.
    let nav: unknown = this;
    let rest = prop;
    do {
      const cut = rest.indexOf("/");
      nav = (nav as Record<string, unknown>)[rest.slice(0, cut)];
      rest = rest.slice(cut + 1);
    } while (!(nav instanceof FakeObject) && nav && typeof nav === "object" && rest.includes("/"));
    if (!(nav instanceof FakeObject)) throw new Error(`InvalidArgument: ${prop}`);
    nav.resolve(rest);
  }

  /** A loaded property, or the error Excel throws. */
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new Error(
        `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues setting a property. */
  protected write(prop: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue({ set: this.path, prop, value }, apply);
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown[], apply: () => void): void {
    this.ctx.enqueue({ call: `${this.path}.${method}`, args }, apply);
  }
}

/** `context.application`. */
export class FakeApplication extends FakeObject {
  get path(): string {
    return "application";
  }
  protected compute(): unknown {
    return undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call(
      "suspendApiCalculationUntilNextSync",
      [],
      () => this.ctx.stats.calculationSuspended++
    );
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call(
      "suspendScreenUpdatingUntilNextSync",
      [],
      () => this.ctx.stats.screenUpdatingSuspended++
    );
  }
}

/** `context.workbook`. */
export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNameCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.names = new FakeNameCollection(ctx);
  }
  get path(): string {
    return "workbook";
  }
  protected compute(): unknown {
    return undefined;
  }
}

/** A collection proxy: `items` after `load("items/…")` + sync. */
abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private materialised?: T[];
  protected abstract list(): T[];
  protected compute(): unknown {
    return undefined;
  }
  override resolve(prop: string): void {
    this.materialised ??= this.list();
    const rest = prop.startsWith("items/") ? prop.slice(6) : prop === "items" ? "" : null;
    if (rest === null) throw new Error(`InvalidArgument: ${prop}`);
    if (rest) for (const item of this.materialised) item.resolve(rest);
  }
  get items(): T[] {
    if (!this.materialised)
      throw new Error("PropertyNotLoaded: The property 'items' is not available.");
    return this.materialised;
  }
}

/** `workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  get path(): string {
    return "worksheets";
  }
  protected list(): FakeWorksheet[] {
    return this.ctx.state.sheets.map((s) => new FakeWorksheet(this.ctx, s.name, false));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, name, false);
    this.call("add", [name], () => {
      if (sheetOf(this.ctx.state, name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.state.sheets.push(newSheet(name));
    });
    return sheet;
  }
}

/** A worksheet proxy (by name). */
export class FakeWorksheet extends FakeObject {
  private nullResolved?: boolean;
  readonly freezePanes: FakeFreezePanes;
  constructor(
    ctx: FakeContext,
    private readonly nameOf: string | (() => string),
    readonly nullable: boolean
  ) {
    super(ctx);
    this.freezePanes = new FakeFreezePanes(this);
    if (nullable)
      ctx.enqueue({ getItemOrNullObject: this.sheetName }, () => {
        this.nullResolved = !sheetOf(ctx.state, this.sheetName);
      });
  }
  /** The name the proxy was made with (a table's sheet: known at sync). */
  get sheetName(): string {
    return typeof this.nameOf === "string" ? this.nameOf : this.nameOf();
  }
  get path(): string {
    return typeof this.nameOf === "string" ? `worksheets[${this.nameOf}]` : "table.worksheet";
  }
  get isNullObject(): boolean {
    if (this.nullResolved === undefined)
      throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.nullResolved;
  }
  /** The sheet's state; throws ItemNotFound as a sync would. */
  sheet(): FakeSheet {
    const found = sheetOf(this.ctx.state, this.sheetName);
    if (!found) throw new Error(`ItemNotFound: worksheet '${this.sheetName}'`);
    return found;
  }
  protected compute(prop: string): unknown {
    const found = sheetOf(this.ctx.state, this.sheetName);
    if (!found) {
      if (this.nullable) return null;
      throw new Error(`ItemNotFound: worksheet '${this.sheetName}'`);
    }
    if (prop === "name") return found.name;
    throw new Error(`InvalidArgument: worksheet.${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this, () => parseBox(address ?? "A1:XFD1048576"), address ?? "all");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, () => usedBox(this.sheet(), !!valuesOnly), "used", true);
  }
  delete(): void {
    this.call("delete", [], () => {
      const sheet = this.sheet();
      const state = this.ctx.state;
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheet.toLowerCase() !== sheet.name.toLowerCase());
    });
  }
  activate(): void {
    this.call("activate", [], () => this.sheet());
  }
}

/** The bounding box of the cells with a value (or any cell), null when none. */
function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
  let box: Box | null = null;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === "" && !cell.formula) continue;
    const [r, c] = key.split(",").map(Number);
    box = box
      ? {
          top: Math.min(box.top, r),
          left: Math.min(box.left, c),
          bottom: Math.max(box.bottom, r),
          right: Math.max(box.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }
  return box;
}

/** `worksheet.freezePanes`. */
export class FakeFreezePanes extends FakeObject {
  constructor(readonly owner: FakeWorksheet) {
    super(owner.ctx);
  }
  get path(): string {
    return `${this.owner.path}.freezePanes`;
  }
  protected compute(): unknown {
    return undefined;
  }
  freezeRows(rows: number): void {
    this.call("freezeRows", [rows], () => (this.owner.sheet().freeze = { rows, columns: 0 }));
  }
  freezeAt(range: FakeRange): void {
    this.call("freezeAt", [range.path], () => {
      const box = range.box();
      this.owner.sheet().freeze = { rows: box.bottom, columns: box.right };
    });
  }
}

type Grid = unknown[][];

/** A range proxy. */
export class FakeRange extends FakeObject {
  constructor(
    readonly owner: FakeWorksheet,
    private readonly locate: () => Box | null,
    private readonly label: string,
    readonly nullable = false
  ) {
    super(owner.ctx);
  }
  get path(): string {
    return `${this.owner.path}.range[${this.label}]`;
  }
  /** The range's corners now; throws when it is a null object. */
  box(): Box {
    const box = this.locate();
    if (!box) throw new Error("InvalidReference: null range");
    return box;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  override resolve(prop: string): void {
    super.resolve("isNullObject");
    super.resolve(prop);
  }
  protected compute(prop: string): unknown {
    const sheet = sheetOf(this.ctx.state, this.owner.sheetName);
    const box = sheet ? this.locate() : null;
    if (prop === "isNullObject") return !box;
    if (!box || !sheet) {
      if (this.nullable) return null;
      throw new Error(`ItemNotFound: ${this.path}`);
    }
    const grid = (pick: (row: number, column: number) => unknown) => {
      const out: unknown[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row: unknown[] = [];
        for (let c = box.left; c <= box.right; c++) row.push(pick(r, c));
        out.push(row);
      }
      return out;
    };
    const cell = (r: number, c: number) => sheet.cells.get(`${r},${c}`);
    switch (prop) {
      case "values":
        return grid((r, c) => cell(r, c)?.value ?? "");
      case "formulas":
        return grid((r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? "");
      case "numberFormat":
        return grid((r, c) => cell(r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return grid((r, c) => valueType(cell(r, c)?.value ?? ""));
      case "rowIndex":
        return box.top - 1;
      case "columnIndex":
        return box.left - 1;
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "address":
        return `${sheet.name}!${boxAddress(box)}`;
      default:
        throw new Error(`InvalidArgument: range.${prop}`);
    }
  }
  get values(): FakeValue[][] {
    return this.read("values");
  }
  set values(values: Grid) {
    this.write("values", values, () =>
      this.each(values, "values", (c, v) => {
        c.value = v as FakeValue;
        delete c.formula;
      })
    );
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(formulas: Grid) {
    this.write("formulas", formulas, () =>
      this.each(formulas, "formulas", (c, v) => {
        if (typeof v === "string" && v.startsWith("=")) {
          c.formula = v;
          c.value = "";
        } else {
          c.value = v as FakeValue;
          delete c.formula;
        }
      })
    );
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: Grid) {
    this.write("numberFormat", formats, () =>
      this.each(formats, "numberFormat", (c, v) => {
        c.numberFormat = String(v);
      })
    );
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get address(): string {
    return this.read("address");
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this);
  }
  select(): void {
    this.call("select", [], () => {
      this.ctx.state.selection = {
        sheet: this.owner.sheet().name,
        address: boxAddress(this.box()),
      };
    });
  }
  /** Visits each cell with its value from a grid of the range's size (Excel refuses other sizes). */
  private each(
    grid: Grid,
    what: string,
    set: (cell: FakeSheet["cells"] extends Map<string, infer C> ? C : never, value: unknown) => void
  ): void {
    const sheet = this.owner.sheet();
    const box = this.box();
    const rows = box.bottom - box.top + 1;
    const columns = box.right - box.left + 1;
    if (grid.length !== rows || grid.some((r) => r.length !== columns)) {
      throw new Error(
        `InvalidArgument: ${what} of ${grid.length}×${grid[0]?.length} for ${boxAddress(box)}`
      );
    }
    grid.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null) return; // null leaves a cell as it is, as in Excel
        const key = `${box.top + i},${box.left + j}`;
        const cell = sheet.cells.get(key) ?? { value: "" };
        set(cell, value);
        sheet.cells.set(key, cell);
      })
    );
  }
  /** Visits every cell of the range (formats). */
  eachCell(set: (cell: { value: FakeValue; bold?: boolean; wrap?: boolean }) => void): void {
    const sheet = this.owner.sheet();
    const box = this.box();
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const key = `${r},${c}`;
        const cell = sheet.cells.get(key) ?? { value: "" };
        set(cell);
        sheet.cells.set(key, cell);
      }
  }
}

function valueType(value: FakeValue): string {
  if (value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return ERROR_TEXTS.includes(value) ? "Error" : "String";
}

/** `range.format` (font.bold, wrapText, columnWidth). */
export class FakeRangeFormat extends FakeObject {
  constructor(readonly range: FakeRange) {
    super(range.ctx);
  }
  get path(): string {
    return `${this.range.path}.format`;
  }
  protected compute(): unknown {
    return undefined;
  }
  set wrapText(wrap: boolean) {
    this.write("wrapText", wrap, () => this.range.eachCell((c) => (c.wrap = wrap)));
  }
  /** Recorded only, with the column widths it fitted to: the fake has no fonts to measure rows with. */
  autofitRows(): void {
    this.call("autofitRows", [], () => {
      const sheet = this.range.owner.sheet();
      sheet.autofitRows.push({ range: boxAddress(this.range.box()), widths: { ...sheet.widths } });
    });
  }
  set columnWidth(width: number) {
    this.write("columnWidth", width, () => {
      const box = this.range.box();
      for (let c = box.left; c <= box.right; c++) this.range.owner.sheet().widths[c] = width;
    });
  }
  get font(): { bold: boolean } {
    const format = this;
    return {
      set bold(bold: boolean) {
        format.write("font.bold", bold, () => format.range.eachCell((c) => (c.bold = bold)));
      },
      get bold(): boolean {
        throw new Error("PropertyNotLoaded: font.bold");
      },
    };
  }
}

/** `range.dataValidation`: list rules only. */
export class FakeDataValidation extends FakeObject {
  constructor(readonly range: FakeRange) {
    super(range.ctx);
  }
  get path(): string {
    return `${this.range.path}.dataValidation`;
  }
  protected compute(): unknown {
    return undefined;
  }
  clear(): void {
    this.call("clear", [], () => {
      const sheet = this.range.owner.sheet();
      const address = boxAddress(this.range.box());
      sheet.validations = sheet.validations.filter((v) => v.range !== address);
    });
  }
  set rule(rule: { list?: { source: string; inCellDropDown?: boolean } }) {
    this.write("rule", rule, () => {
      if (!rule.list) throw new Error("InvalidArgument: only list rules are faked");
      this.range.owner.sheet().validations.push({
        range: boxAddress(this.range.box()),
        items: rule.list.source.split(","),
      });
    });
  }
}

/** `range.conditionalFormats`: the formats intersecting the range. */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(readonly range: FakeRange) {
    super(range.ctx);
  }
  get path(): string {
    return `${this.range.path}.conditionalFormats`;
  }
  protected list(): FakeConditionalFormat[] {
    const box = this.range.box();
    return this.range.owner
      .sheet()
      .formats.filter((f) => intersects(parseBox(f.range), box))
      .map((f) => new FakeConditionalFormat(this.range, f.id));
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.range, id);
  }
  add(type: "Custom" | "DataBar"): FakeConditionalFormat {
    const id = `cf${this.ctx.state.nextId++}`;
    this.call("add", [type], () =>
      this.range.owner.sheet().formats.push({ id, type, range: boxAddress(this.range.box()) })
    );
    return new FakeConditionalFormat(this.range, id);
  }
}

function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A leaf object whose setters queue writes onto a conditional format. */
class FakeSetter extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly label: string,
    readonly getter: (prop: string) => unknown,
    readonly setter: (prop: string, value: unknown) => void
  ) {
    super(ctx);
  }
  get path(): string {
    return this.label;
  }
  protected compute(prop: string): unknown {
    return this.getter(prop);
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.write("formula", value, () => this.setter("formula", value));
  }
  set color(value: string) {
    this.write("color", value, () => this.setter("color", value));
  }
  set fillColor(value: string) {
    this.write("fillColor", value, () => this.setter("fillColor", value));
  }
}

/** One conditional format. */
export class FakeConditionalFormat extends FakeObject {
  constructor(
    readonly range: FakeRange,
    readonly formatId: string
  ) {
    super(range.ctx);
  }
  get path(): string {
    return `conditionalFormats[${this.formatId}]`;
  }
  private find(): FakeFormat | undefined {
    for (const sheet of this.ctx.state.sheets) {
      const found = sheet.formats.find((f) => f.id === this.formatId);
      if (found) return found;
    }
    return undefined;
  }
  private state(): FakeFormat {
    const found = this.find();
    if (!found) throw new Error(`ItemNotFound: ${this.path}`);
    return found;
  }
  protected compute(prop: string): unknown {
    if (prop === "id") return this.formatId;
    if (prop === "type") return this.state().type;
    throw new Error(`InvalidArgument: conditionalFormat.${prop}`);
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  /** `customOrNullObject.rule.formula`: null (formula null) when not a custom rule. */
  private customRule?: { rule: FakeSetter };
  get customOrNullObject(): { rule: FakeSetter } {
    return (this.customRule ??= {
      rule: new FakeSetter(
        this.ctx,
        `${this.path}.custom.rule`,
        () => {
          const f = this.find();
          return f?.type === "Custom" ? (f.formula ?? null) : null;
        },
        () => undefined
      ),
    });
  }
  get custom(): { rule: FakeSetter; format: { fill: FakeSetter } } {
    return {
      rule: new FakeSetter(
        this.ctx,
        `${this.path}.custom.rule`,
        () => undefined,
        (_, v) => {
          this.state().formula = String(v);
        }
      ),
      format: {
        fill: new FakeSetter(
          this.ctx,
          `${this.path}.custom.format.fill`,
          () => undefined,
          (_, v) => {
            this.state().fill = String(v);
          }
        ),
      },
    };
  }
  get dataBar(): { positiveFormat: FakeSetter } {
    return {
      positiveFormat: new FakeSetter(
        this.ctx,
        `${this.path}.dataBar.positiveFormat`,
        () => undefined,
        (_, v) => {
          this.state().barColour = String(v);
        }
      ),
    };
  }
  delete(): void {
    this.call("delete", [], () => {
      for (const sheet of this.ctx.state.sheets)
        sheet.formats = sheet.formats.filter((f) => f.id !== this.formatId);
    });
  }
}

/** Tables of the workbook (`owner` null) or of one sheet. */
export class FakeTableCollection extends FakeCollection<FakeTableProxy> {
  constructor(
    ctx: FakeContext,
    readonly owner: FakeWorksheet | null
  ) {
    super(ctx);
  }
  get path(): string {
    return this.owner ? `${this.owner.path}.tables` : "tables";
  }
  protected list(): FakeTableProxy[] {
    const key = this.owner?.sheet().name.toLowerCase();
    return this.ctx.state.tables
      .filter((t) => key === undefined || t.sheet.toLowerCase() === key)
      .map((t) => new FakeTableProxy(this.ctx, () => t));
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.ctx,
      () => {
        const t = this.ctx.state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new Error(`ItemNotFound: table '${name}'`);
        return t;
      },
      name
    );
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (!this.owner) throw new Error("The fake adds tables through a worksheet's tables.");
    const owner = this.owner;
    let created: FakeTable | undefined;
    this.call("add", [address, hasHeaders], () => {
      const sheet = owner.sheet();
      const box = parseBox(address);
      if (!hasHeaders) throw new Error("The fake only makes tables with headers.");
      if (
        this.ctx.state.tables.some(
          (t) => t.sheet.toLowerCase() === sheet.name.toLowerCase() && intersects(box, t as Box)
        )
      ) {
        throw new Error("InvalidOperation: tables cannot overlap");
      }
      const columns: string[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const v = sheet.cells.get(`${box.top},${c}`)?.value ?? "";
        columns.push(v === "" ? `Kolom${c - box.left + 1}` : String(v));
      }
      created = { name: `Tabel${this.ctx.state.nextId++}`, sheet: sheet.name, ...box, columns };
      this.ctx.state.tables.push(created);
    });
    return new FakeTableProxy(
      this.ctx,
      () => {
        if (!created) throw new Error("ItemNotFound: table not created");
        return created;
      },
      `new@${address}`
    );
  }
}

/** A table proxy. */
export class FakeTableProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly find: () => FakeTable,
    private readonly label = ""
  ) {
    super(ctx);
  }
  get path(): string {
    return `tables[${this.label || "item"}]`;
  }
  protected compute(prop: string): unknown {
    const t = this.find();
    if (prop === "name") return t.name;
    if (prop === "showHeaders") return true;
    if (prop === "showTotals") return false;
    throw new Error(`InvalidArgument: table.${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, () => {
      const t = this.find();
      if (
        this.ctx.state.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase())
      ) {
        throw new Error(`InvalidArgument: table name '${name}' exists`);
      }
      t.name = name;
    });
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get worksheet(): FakeWorksheet {
    return this.sheetProxy();
  }
  private sheetProxy(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find().sheet, false);
  }
  getRange(): FakeRange {
    return new FakeRange(this.sheetProxy(), () => this.find(), `${this.path}.all`);
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(
      this.sheetProxy(),
      () => ({ ...this.find(), bottom: this.find().top }),
      `${this.path}.header`
    );
  }
  get columns(): FakeTableColumns {
    return new FakeTableColumns(this);
  }
}

/** `table.columns`. */
export class FakeTableColumns extends FakeCollection<FakeTableColumn> {
  constructor(readonly table: FakeTableProxy) {
    super(table.ctx);
  }
  get path(): string {
    return `${this.table.path}.columns`;
  }
  protected list(): FakeTableColumn[] {
    return this.table.find().columns.map((name) => new FakeTableColumn(this.table, name));
  }
  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    this.call("add", [index ?? null, values ?? null, name ?? null], () => {
      const t = this.table.find();
      if (index !== undefined && index !== null && index !== t.columns.length) {
        throw new Error("The fake adds table columns at the right end only.");
      }
      const sheet = sheetOf(this.ctx.state, t.sheet);
      if (!sheet) throw new Error("ItemNotFound: sheet");
      const header = name ?? `Kolom${t.columns.length + 1}`;
      if (t.columns.some((c) => c.toLowerCase() === header.toLowerCase())) {
        throw new Error(`InvalidArgument: column '${header}' exists`);
      }
      t.right++;
      t.columns.push(header);
      sheet.cells.set(`${t.top},${t.right}`, { value: header });
    });
    return new FakeTableColumn(this.table, name ?? "");
  }
}

/** One table column. */
export class FakeTableColumn extends FakeObject {
  constructor(
    readonly table: FakeTableProxy,
    readonly columnName: string
  ) {
    super(table.ctx);
  }
  get path(): string {
    return `${this.table.path}.columns[${this.columnName}]`;
  }
  protected compute(prop: string): unknown {
    if (prop === "name") return this.columnName;
    throw new Error(`InvalidArgument: column.${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
}

/** `workbook.names`. */
export class FakeNameCollection extends FakeCollection<FakeNamedItem> {
  get path(): string {
    return "names";
  }
  protected list(): FakeNamedItem[] {
    return this.ctx.state.names.map((n) => new FakeNamedItem(this.ctx, n.name));
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
  add(name: string, reference: FakeRange): void {
    this.call("add", [name, reference.path], () => {
      if (this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(`ItemAlreadyExists: name '${name}'`);
      }
      const box = reference.box();
      const sheet = reference.owner.sheet().name;
      const abs = boxAddress(box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`;
      this.ctx.state.names.push({ name, formula: `=${quoted}!${abs}` });
    });
  }
}

/** One defined name. */
export class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly itemName: string
  ) {
    super(ctx);
  }
  get path(): string {
    return `names[${this.itemName}]`;
  }
  private find() {
    const n = this.ctx.state.names.find(
      (x) => x.name.toLowerCase() === this.itemName.toLowerCase()
    );
    if (!n) throw new Error(`ItemNotFound: name '${this.itemName}'`);
    return n;
  }
  protected compute(prop: string): unknown {
    const n = this.find();
    if (prop === "name") return n.name;
    if (prop === "formula") return n.formula;
    if (prop === "type") return "Range";
    throw new Error(`InvalidArgument: name.${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.call("delete", [], () => {
      const n = this.find();
      this.ctx.state.names = this.ctx.state.names.filter((x) => x !== n);
    });
  }
}

/** `worksheet.charts`. */
export class FakeChartCollection extends FakeObject {
  constructor(readonly owner: FakeWorksheet) {
    super(owner.ctx);
  }
  get path(): string {
    return `${this.owner.path}.charts`;
  }
  protected compute(): unknown {
    return undefined;
  }
  add(type: string, source: FakeRange): FakeChartProxy {
    const chart: FakeChart = { type, source: source.path, pointColours: {} };
    this.call("add", [type, source.path], () => {
      chart.source = boxAddress(source.box());
      chart.values = chart.source;
      this.owner.sheet().charts.push(chart);
    });
    return new FakeChartProxy(this.ctx, chart);
  }
}

/** A chart with the members the add-in sets. */
export class FakeChartProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly chart: FakeChart
  ) {
    super(ctx);
  }
  get path(): string {
    return "chart";
  }
  protected compute(): unknown {
    return undefined;
  }
  get title(): { text: string } {
    const self = this;
    return {
      set text(text: string) {
        self.write("title.text", text, () => (self.chart.title = text));
      },
      get text(): string {
        throw new Error("PropertyNotLoaded: title.text");
      },
    };
  }
  get legend(): { visible: boolean } {
    const self = this;
    return {
      set visible(visible: boolean) {
        self.write("legend.visible", visible, () => (self.chart.legend = visible));
      },
      get visible(): boolean {
        throw new Error("PropertyNotLoaded: legend.visible");
      },
    };
  }
  get axes(): { categoryAxis: { reversePlotOrder: boolean } } {
    const self = this;
    return {
      categoryAxis: {
        set reversePlotOrder(reversed: boolean) {
          self.write(
            "axes.categoryAxis.reversePlotOrder",
            reversed,
            () => (self.chart.reversed = reversed)
          );
        },
        get reversePlotOrder(): boolean {
          throw new Error("PropertyNotLoaded: reversePlotOrder");
        },
      },
    };
  }
  setPosition(start: FakeRange | string): void {
    this.call("setPosition", [typeof start === "string" ? start : start.path], () => {
      this.chart.position = typeof start === "string" ? start : boxAddress(start.box());
    });
  }
  get series(): { getItemAt(index: number): FakeSeries } {
    return { getItemAt: (index: number) => new FakeSeries(this, index) };
  }
}

/** One series of a chart. */
export class FakeSeries extends FakeObject {
  constructor(
    readonly owner: FakeChartProxy,
    readonly index: number
  ) {
    super(owner.ctx);
  }
  get path(): string {
    return `chart.series[${this.index}]`;
  }
  protected compute(): unknown {
    return undefined;
  }
  private check(): void {
    if (this.index !== 0) throw new Error("ItemNotFound: the fake charts have one series");
  }
  setValues(range: FakeRange): void {
    this.call("setValues", [range.path], () => {
      this.check();
      this.owner.chart.values = boxAddress(range.box());
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.call("setXAxisValues", [range.path], () => {
      this.check();
      this.owner.chart.categories = boxAddress(range.box());
    });
  }
  get format(): { fill: { setSolidColor(colour: string): void } } {
    return {
      fill: {
        setSolidColor: (colour: string) =>
          this.call(
            "format.fill.setSolidColor",
            [colour],
            () => (this.owner.chart.colour = colour)
          ),
      },
    };
  }
  get points(): { getItemAt(i: number): { format: { fill: { setSolidColor(c: string): void } } } } {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (colour: string) =>
              this.call(`points[${i}].format.fill.setSolidColor`, [colour], () => {
                this.owner.chart.pointColours[i] = colour;
              }),
          },
        },
      }),
    };
  }
}
