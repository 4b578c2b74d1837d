/**
 * The settings section of the `Aanvraag` sheet: one value per row, found by its
 * defined name (or its label in column A), read as the kind each setting is.
 */
import {
  isEmptyCell,
  readCvRequirements,
  readDate,
  readNumber,
  readText,
  readYesNo,
  type CellValue,
  type CvRequirementPolicy,
  type NumberKind,
  type Request,
} from "../../engine";
import { cellAddress, parseCell } from "../address";
import { optionalSettings, requestSheet, settingRows, type SettingKey } from "../layout";
import { headerKey } from "../regions";
import { typedCell, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { requestCellMessages as m, requestSheetTexts } from "../texts";
import type { Reader } from "./reader";

/** The request's settings: everything but the criteria tables, the competencies and the facts. */
export interface RequestSettings {
  settings: Omit<Request, "knockouts" | "awards" | "competencyGate" | "facts">;
  /** The settings of the competency gate (step 4); its competencies are a table of their own. */
  gate: Omit<Request["competencyGate"], "competencies">;
}

/** The request field path (as validateRequest names it) of each settings row. */
const settingFields: Record<SettingKey, string> = {
  id: "id",
  title: "title",
  organisation: "organisation",
  referenceDate: "referenceDate",
  closingMoment: "closingMoment",
  maxRate: "maxRate",
  topN: "topN",
  hoursMin: "hoursPerWeek.min",
  hoursMax: "hoursPerWeek.max",
  termWeeks: "termWeeks",
  extensionCount: "extensions.count",
  extensionWeeks: "extensions.weeks",
  includeExtensions: "contractValueIncludesExtensions",
  feePerHour: "feePerHour",
  scale: "competencyGate.scale",
  passFrom: "competencyGate.passFrom",
  minAssessors: "competencyGate.minAssessors",
  listingClosingMoment: "listingClosingMoment",
  cvRequirements: "cvRequirements",
};

/** The kind of number of each numeric setting, so a message names it rightly ("Geen geldig aantal"). */
const settingKinds: Partial<Record<SettingKey, NumberKind>> = {
  maxRate: "amount",
  feePerHour: "amount",
  topN: "count",
  extensionCount: "count",
  minAssessors: "count",
};

/**
 * Reads the settings rows; an unreadable or missing value is a problem at its cell
 * (or at the row where it belongs) and reads as NaN or empty.
 *
 * @example
 * readSettings(snapshot, sheet, reader).settings.topN; // 10
 */
export function readSettings(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  r: Reader
): RequestSettings {
  const setting = settingReader(snapshot, sheet, r);
  const label = requestSheetTexts.labels;
  const text = (key: SettingKey) => readText(setting(key).value);
  const number = (key: SettingKey): number => {
    const { value, cell } = setting(key);
    const read = readNumber(value, settingKinds[key] ?? "number");
    if (read.ok) return read.value;
    if (cell) r.problem(settingFields[key], cell, m.field(label[key], read.message));
    return Number.NaN;
  };
  const referenceDate = (() => {
    const { value, cell } = setting("referenceDate");
    const read = readDate(value);
    if (read.ok) return read.value;
    if (cell) r.problem("referenceDate", cell, m.field(label.referenceDate, read.message));
    return "";
  })();
  const closingMoment = (() => {
    const { value, cell } = setting("closingMoment");
    if (isEmptyCell(value)) return "";
    const moment = readMoment(value);
    if (moment === null && cell) r.problem("closingMoment", cell, m.invalidMoment(readText(value)));
    return moment ?? "";
  })();
  const listingClosingMoment = (() => {
    const { value, cell } = setting("listingClosingMoment");
    if (isEmptyCell(value)) return undefined;
    const moment = readMoment(value);
    if (moment === null && cell)
      r.problem("listingClosingMoment", cell, m.invalidListingMoment(readText(value)));
    return moment ?? undefined;
  })();
  const includeExtensions = (() => {
    const { value, cell } = setting("includeExtensions");
    if (isEmptyCell(value)) return false;
    const read = readYesNo(value, false);
    if (!read.ok && cell) {
      r.problem(
        settingFields.includeExtensions,
        cell,
        m.field(label.includeExtensions, read.message)
      );
    }
    return read.ok && read.value === true;
  })();
  // An empty cell, or no such row (a sheet made before the setting), is `uitsluiten`: as FLEX.KNOCKOUT reads it.
  const cvRequirements = ((): CvRequirementPolicy => {
    const { value, cell } = setting("cvRequirements");
    if (isEmptyCell(value)) return "exclude";
    const read = readCvRequirements(value);
    if (read.ok) return read.value;
    if (cell)
      r.problem(settingFields.cvRequirements, cell, m.field(label.cvRequirements, read.message));
    return "exclude";
  })();
  const scale = text("scale")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

  const settings: RequestSettings["settings"] = {
    id: text("id"),
    title: text("title"),
    organisation: text("organisation"),
    referenceDate,
    closingMoment,
    ...(listingClosingMoment === undefined ? {} : { listingClosingMoment }),
    maxRate: number("maxRate"),
    topN: number("topN"),
    hoursPerWeek: { min: number("hoursMin"), max: number("hoursMax") },
    termWeeks: number("termWeeks"),
    extensions: { count: number("extensionCount"), weeks: number("extensionWeeks") },
    contractValueIncludesExtensions: includeExtensions,
    feePerHour: number("feePerHour"),
    cvRequirements,
  };
  const gate = { scale, passFrom: text("passFrom"), minAssessors: number("minAssessors") };
  r.place("hoursPerWeek", r.cellOf("hoursPerWeek.max"));
  return { settings, gate };
}

/** A setting's value and cell: by defined name on this sheet, else by its label in column A. */
function settingReader(snapshot: WorkbookSnapshot, sheet: SheetSnapshot, r: Reader) {
  const byLabel = new Map<string, number>();
  sheet.values.forEach((row, i) => {
    const key = headerKey(row[requestSheet.labelColumn - 1]);
    if (key && !byLabel.has(key)) byLabel.set(key, i + 1);
  });
  const cache = new Map<SettingKey, { value: CellValue; cell: string | null }>();
  return (key: SettingKey): { value: CellValue; cell: string | null } => {
    const known = cache.get(key);
    if (known) return known;
    const row = settingRows.find((s) => s.key === key);
    const named = snapshot.names.find(
      (n) =>
        n.name.toLowerCase() === row?.name.toLowerCase() &&
        n.sheet.toLowerCase() === sheet.name.toLowerCase()
    );
    let found: { value: CellValue; cell: string | null };
    if (named && !named.address.includes(":")) {
      const { row: rr, column } = parseCell(named.address);
      found = { value: typedCell(sheet, rr, column), cell: named.address };
    } else {
      const at = byLabel.get(headerKey(requestSheetTexts.labels[key]));
      if (at !== undefined) {
        found = {
          value: typedCell(sheet, at, requestSheet.valueColumn),
          cell: cellAddress(at, requestSheet.valueColumn),
        };
      } else if (optionalSettings.has(key)) {
        found = { value: null, cell: null };
      } else {
        const where = cellAddress(
          requestSheet.firstSettingRow + settingRows.indexOf(row!),
          requestSheet.labelColumn
        );
        r.problem(settingFields[key], where, m.missingSetting(requestSheetTexts.labels[key]));
        found = { value: null, cell: null };
      }
    }
    if (found.cell) r.place(settingFields[key], found.cell);
    cache.set(key, found);
    return found;
  };
}

/** `04-10-2024 11:25`, an Excel date-time, or `2024-10-04T11:25` as `jjjj-mm-ddTuu:mm`; null when unreadable. */
function readMoment(value: CellValue): string | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const date = readDate(value);
    return date.ok
      ? `${date.value}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
      : null;
  }
  if (typeof value === "number") {
    const date = readDate(Math.floor(value));
    const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
    return date.ok ? `${date.value}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
  }
  const match = /^(.+?)[T\s]+(\d{1,2}):(\d{2})$/i.exec(readText(value));
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  const date = readDate(match[1]);
  return date.ok ? `${date.value}T${pad(Number(match[2]))}:${match[3]}` : null;
}
