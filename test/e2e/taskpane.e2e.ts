/**
 * The evaluator's whole procedure in Debian's Chromium: the production task pane
 * served on localhost, Microsoft's real office.js (its CDN address routed to
 * `@microsoft/office-js/dist`) starting as in Excel on Windows against the Excel
 * simulator behind Excel's host bridge (host.ts), and the candidates of
 * examples/aanvraag-17040.xlsx typed into the simulated workbook. The page's own
 * Content-Security-Policy stays in force. Light and dark theme, Dutch and
 * English; screenshots under artifacts/e2e/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { gzipSync } from "zlib";
import { candidateMessages, request17040, type CellValue } from "../../src/engine";
import { en, nl, type Strings } from "../../src/taskpane/i18n/strings";
import { parseCell } from "../../src/workbook/address";
import { liveRankingCell, outputHeaders } from "../../src/workbook/layout";
import { planScore } from "../../src/workbook/score";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import {
  cellWords,
  liveFormulaTexts,
  liveRankingTexts,
  rejectionTexts,
  sheetNames,
} from "../../src/workbook/texts";
import { fakeValue, xlsxSnapshot } from "../office/helpers";
import { desktopHostInfo } from "../office/simulator/browser";
import type { FakeValue } from "../office/simulator/state";
import { buildForE2e } from "./build";
import type { OfficeConfig, TableRows } from "./host";
import { launchChromium } from "./chromium";
import { routeOffice, type OfficeRoutes } from "./office";
import { serve } from "./server";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "artifacts/e2e");
const example = path.join(root, "examples/aanvraag-17040.xlsx");
const literalName = "<b>x</b>";
const maxGzip = 250 * 1024;

/** What the page's host handle offers (see host.ts). */
interface PageHost {
  fillTable(table: string, rows: TableRows): number;
  typeCell(table: string, header: string, index: number, value: FakeValue): void;
  column(table: string, header: string): FakeValue[];
  formulas(table: string, header: string): string[];
  headers(table: string): string[];
  formats(sheet: string): Array<{ type: string; range: string; formula?: string }>;
  sheetNames(): string[];
  slowDown(ms: number): void;
  renameColumn(table: string, from: string, to: string): void;
  selection(): { sheet: string; address: string } | undefined;
  created(): { count: number; last?: string };
  gaps(): string[];
  requests(): number;
}

/** Office.onReady's answer and Office.context as the pane sees them. */
interface OfficeSeen {
  host: string | null;
  platform: string | null;
  addin: { visibilityMode?: string } | null;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

/**
 * In the page before any script: every Content-Security-Policy violation, and
 * (with a config) Excel's host for the run. The host bundle is the text of
 * host.ts as built.
 */
function initScript(hostScript: string, config?: OfficeConfig): string {
  const watch = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;
  if (!config) return watch;
  return `${watch}\nwindow.__officeConfig = ${JSON.stringify(config)};\n${hostScript}`;
}

/** What office.js itself reports in the page. */
const officeSeen = (page: Page) =>
  page.evaluate(async () => {
    const info = await Office.onReady();
    return {
      host: info.host as unknown as string | null,
      platform: info.platform as unknown as string | null,
      addin: (info as { addin?: { visibilityMode?: string } | null }).addin ?? null,
      displayLanguage: Office.context?.displayLanguage,
      bodyBackgroundColor: Office.context?.officeTheme?.bodyBackgroundColor,
    } satisfies OfficeSeen;
  });

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The rows of a table of the snapshot as records by header (input columns only). */
function tableRows(snapshot: WorkbookSnapshot, sheet: string): TableRows {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return [];
  const [headers, ...rows] = s.values as CellValue[][];
  const output = new Set<string>(outputHeaders(10));
  return rows
    .filter((row) => row[0] !== null && row[0] !== undefined && row[0] !== "")
    .map((row) => {
      const record: Record<string, FakeValue> = {};
      headers.forEach((h, c) => {
        if (typeof h === "string" && !output.has(h)) record[h] = fakeValue(row[c]);
      });
      return record;
    });
}

/**
 * The workbook without its work history (Werkervaring's rows): the typed years (K3, G9, G11)
 * decide, where with it the periods do (src/engine/candidate.ts), in the engine and in the
 * live formulas alike (FLEX.WORKYEARS on Berekening).
 */
function withoutHistory(source: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...source,
    sheets: source.sheets.map((s) =>
      s.name === sheetNames.periods
        ? {
            ...s,
            values: s.values.slice(0, 1),
            formulas: s.formulas?.slice(0, 1),
            tables: s.tables.map((t) => ({ ...t, rowCount: 0 })),
          }
        : s
    ),
  };
}

/** The names the pane's top table lists (top and draw), in ranking order. */
function topNames(plan: ReturnType<typeof planScore>): string[] {
  const byRow = new Map(plan.evaluation.candidates.map((c) => [c.row, c]));
  return plan.evaluation.ranking
    .map((row) => byRow.get(row)!)
    .filter((c) => c.top || c.needsDraw)
    .map((c) => c.name);
}

let context: BrowserContext;
let profile: string;
let build: string;
let server: Awaited<ReturnType<typeof serve>>;
let hostScript: string;
let routes: OfficeRoutes;
let candidates: TableRows;
let periods: TableRows;
let expectedTop: string[];
/** The pane's top as the engine decides it without the example's work history. */
let withoutHistoryTop: string[];
let expected: ReturnType<typeof planScore>;
/** The evaluator's decisions for the example's incomplete rows ("the CV does not say": Nee or 0). */
let decisions: Array<{ header: string; index: number; value: FakeValue }>;

beforeAll(async () => {
  build = mkdtempSync(path.join(os.tmpdir(), "awardscore-e2e-build-"));
  profile = mkdtempSync(path.join(os.tmpdir(), "awardscore-e2e-profile-"));
  mkdirSync(artifacts, { recursive: true });
  const [built, snapshot] = await Promise.all([buildForE2e(build), xlsxSnapshot(example)]);
  hostScript = readFileSync(built.hostScript, "utf8");

  // One top candidate without work history is renamed to HTML: it must show as text.
  periods = tableRows(snapshot, sheetNames.periods);
  const withHistory = new Set(periods.map((p) => String(p.Kandidaat)));
  const plan = planScore(snapshot, { preset: "17040" });
  const renamed = plan.evaluation.candidates.find((c) => c.top && !withHistory.has(c.name))!;
  const kandidaten = snapshot.sheets.find((s) => s.name === sheetNames.candidates)!;
  kandidaten.values[renamed.row - 1][0] = literalName;
  candidates = tableRows(snapshot, sheetNames.candidates);
  withoutHistoryTop = topNames(planScore(withoutHistory(snapshot), { preset: "17040" }));
  expected = planScore(snapshot, { preset: "17040" });
  const header = kandidaten.values[0];
  const named = (row: number) =>
    !["", null, undefined].includes(kandidaten.values[row - 1][0] as never);
  decisions = expected.undecided
    // The pane's table holds only the named rows (tableRows): a nameless row is not typed in.
    .filter(
      (cell) =>
        cell.sheet === sheetNames.candidates &&
        !cell.message.startsWith("Lot") &&
        cell.message !== candidateMessages.noName()
    )
    .map((cell) => {
      const { row, column } = parseCell(cell.cell);
      const id = String(header[column - 1]);
      const criterion = [...expected.request.knockouts, ...expected.request.awards].find((k) =>
        id.startsWith(`${k.id} `)
      );
      const yesNo = criterion?.valueKind.startsWith("yesNo") ?? false;
      // The data row among the named rows, as tableRows typed them.
      let index = 0;
      for (let r = 2; r < row; r++) if (named(r)) index++;
      return { header: id, index, value: yesNo ? "Nee" : 0 };
    });
  expectedTop = topNames(expected);

  server = await serve(build);
  context = await launchChromium(profile);
  routes = await routeOffice(context, server.url);
}, 420_000); // the production build, the CV readers (pdfjs) included, on a shared machine

afterAll(async () => {
  await context?.close();
  await server?.close();
  for (const dir of [build, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the task pane's initial JavaScript is at most 250 KB gzipped", () => {
  const js = readFileSync(path.join(build, "taskpane.js"));
  const gzipped = gzipSync(js, { level: 9 }).length;
  writeFileSync(
    path.join(artifacts, "bundle.json"),
    JSON.stringify({ taskpaneJsBytes: js.length, taskpaneJsGzipBytes: gzipped }, null, 2) + "\n"
  );
  console.log(`taskpane.js: ${js.length} bytes, ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThanOrEqual(maxGzip);
});

/** `Office.context.officeTheme` in a light and a dark Excel theme (what the pane reads is the body background). */
const light = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#262626",
};
const dark = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#363636",
  controlForegroundColor: "#ffffff",
};

const variants: Array<{ name: string; strings: Strings; config: OfficeConfig }> = [
  { name: "nl-light", strings: nl, config: { displayLanguage: "nl-NL", officeTheme: light } },
  { name: "nl-dark", strings: nl, config: { displayLanguage: "nl-NL", officeTheme: dark } },
  { name: "en-light", strings: en, config: { displayLanguage: "en-US", officeTheme: light } },
  { name: "en-dark", strings: en, config: { displayLanguage: "en-US", officeTheme: dark } },
];

/** The page as Excel on Windows opens it: the add-in's URL with Office's host info. */
const paneUrl = (locale: string) =>
  `${server.url}taskpane.html?_host_Info=${desktopHostInfo(locale)}`;

describe("start-up with Microsoft's office.js", () => {
  test("outside Office: office.js reports no host and the pane says to open it in Excel", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript({ content: initScript(hostScript) });
    await page.goto(`${server.url}taskpane.html`);
    await page.getByText(nl.notInExcel).waitFor();
    expect(await officeSeen(page)).toMatchObject({ host: null, platform: null });
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The page's policy is in force and watched: a script from elsewhere is refused and seen.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.src = "https://example.invalid/x.js";
      document.head.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect(await cspViolations(page)).toEqual(["script-src-elem https://example.invalid/x.js"]);
    await page.close();
  });

  test("in an Excel without ExcelApi 1.9: the pane names what is missing instead of its actions", async () => {
    const page = await context.newPage();
    const config: OfficeConfig = {
      displayLanguage: "nl-NL",
      officeTheme: light,
      requirements: { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" },
    };
    await page.addInitScript({ content: initScript(hostScript, config) });
    await page.goto(paneUrl(config.displayLanguage));
    await page.getByText(nl.tooOldTitle).waitFor();
    await page.getByText(/ExcelApi 1\.9/).waitFor();
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.each(variants)("$name", ({ name, strings, config }) => {
  let page: Page;
  const shot = (step: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}-${step}.png`), fullPage: true });
  const host = <T>(fn: (h: PageHost, arg: never) => T, arg?: unknown) =>
    page.evaluate(
      ([source, a]) =>
        new Function("h", "a", `return (${source})(h, a);`)((window as never)["awardscoreHost"], a),
      [fn.toString(), arg] as const
    ) as Promise<T>;

  beforeAll(async () => {
    page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript({ content: initScript(hostScript, config) });
    await page.goto(paneUrl(config.displayLanguage));
    expect(errors).toEqual([]);
  });
  afterAll(() => page?.close());

  test("office.js starts as in Excel on Windows: host, language and theme from Excel", async () => {
    await page.getByRole("heading", { name: strings.notSetUpTitle }).waitFor();
    expect(await officeSeen(page)).toEqual({
      host: "Excel",
      platform: "PC",
      addin: { visibilityMode: "Taskpane" },
      displayLanguage: config.displayLanguage,
      bodyBackgroundColor: config.officeTheme.bodyBackgroundColor,
    });
    // Microsoft's own files, from the CDN address the page names.
    expect(routes.served).toEqual(expect.arrayContaining(["office.js", "excel-win32-16.01.js"]));
  });

  test("sets up a new evaluation from preset 17040", async () => {
    await page.getByRole("heading", { name: strings.notSetUpTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(strings.locale);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!).backgroundColor
    );
    expect(background === "rgb(255, 255, 255)").toBe(
      config.officeTheme.bodyBackgroundColor === "#ffffff"
    );
    await shot("1-not-set-up");

    await page
      .getByRole("button", { name: strings.startFromPreset("17040", "Klantmanager Inkomen") })
      .click();
    await page
      .getByRole("heading", { name: strings.requestHeading("17040", "Klantmanager Inkomen") })
      .waitFor();
    expect(await host((h) => h.sheetNames())).toEqual(
      expect.arrayContaining([
        sheetNames.request,
        sheetNames.candidates,
        sheetNames.periods,
        sheetNames.ranking,
        liveRankingTexts.sheet,
      ])
    );
    await expect(page.getByText(strings.formatDate("2024-08-26"))).toBeTruthy();
    await shot("2-ready");

    await page.getByRole("button", { name: strings.editRequest }).click();
    await page.waitForFunction(() =>
      (window as never as { awardscoreHost: PageHost }).awardscoreHost.selection()
    );
    expect((await host((h) => h.selection()))?.sheet).toBe(sheetNames.request);
  });

  test("scores the candidates of the example workbook: the top ten in the pane and in the workbook", async () => {
    expect(await host((h, rows) => h.fillTable("Kandidaten", rows), candidates)).toBe(
      candidates.length
    );
    if (periods.length) await host((h, rows) => h.fillTable("Werkervaring", rows), periods);

    await host((h) => h.slowDown(400));
    await page.getByRole("button", { name: strings.scoreAction }).click();
    await page.getByRole("progressbar", { name: strings.scoring }).waitFor();
    await shot("3-scoring");
    await host((h) => h.slowDown(0));
    const table = page.getByRole("table", { name: strings.topHeading(10) });
    await table.waitFor();
    const names = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(names).toEqual(expectedTop);
    // A name with HTML is text: shown literally, no element made of it.
    await expect(page.getByRole("cell", { name: literalName, exact: true }).count()).resolves.toBe(
      1
    );
    expect(await page.locator("td b").count()).toBe(0);
    await shot("4-results");
    // The output columns hold set-up's live formulas in every row, no values written over them.
    const [, spillColumn, spillRow] = /^([A-Z]+)(\d+)$/.exec(liveRankingCell)!;
    const spill = `'${liveRankingTexts.sheet}'!$${spillColumn}$${spillRow}#`;
    const live: Record<string, (f: string) => boolean> = {
      "Knock-out": (f) => f.startsWith("=") && f.includes("FLEX.KNOCKOUT("),
      Score: (f) => f.startsWith("=") && f.includes("FLEX.AWARDSCORE("),
      Rang: (f) => f.startsWith("=") && f.includes(`INDEX(${spill},`) && f.endsWith(",1))"),
      "Top 10": (f) => f.startsWith("=") && f.includes(`INDEX(${spill},`) && f.endsWith(",2))"),
    };
    for (const [header, isLive] of Object.entries(live)) {
      const formulas = await host((h, c: string) => h.formulas("Kandidaten", c), header);
      expect(formulas).toHaveLength(candidates.length);
      expect(formulas.filter((f) => !isLive(f))).toEqual([]);
      expect(new Set(formulas).size).toBe(1);
    }
    // The first scoring, incomplete rows and work history included: every live cell agrees.
    for (const note of [
      liveFormulaTexts.differs([], 1).split(": ")[0],
      liveFormulaTexts.differs([], 2).split(": ")[0],
    ])
      expect(await page.getByText(note, { exact: false }).count()).toBe(0);

    const s = expected.evaluation.summary;
    const top = await host((h) => h.column("Kandidaten", "Top 10"));
    expect(top.filter((v) => v === cellWords.yes)).toHaveLength(s.top);
    expect(top.filter((v) => v === cellWords.draw)).toHaveLength(s.needsDraw);
    const scores = await host((h) => h.column("Kandidaten", "Score"));
    expected.evaluation.candidates.forEach(
      (c, i) => c.score !== null && expect(scores[i]).toBe(c.score)
    );
    const formats = await host((h) => h.formats("Kandidaten"));
    const custom = formats.filter((f) => f.type === "Custom").map((f) => f.formula ?? "");
    // In priority order, as Excel keeps them (the newest rule first): one rule per mark.
    expect(custom).toHaveLength(2);
    expect(custom).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`="${cellWords.yes}"$`)),
        expect.stringMatching(new RegExp(`="${cellWords.draw}"$`)),
      ])
    );

    // A problem's link selects its cell in Excel.
    const problem = expected.problems[0];
    if (problem) {
      await page
        .getByRole("button", { name: strings.problemLink(problem.sheet, problem.cell) })
        .first()
        .click();
      await page.waitForFunction(
        (cell) =>
          (window as never as { awardscoreHost: PageHost }).awardscoreHost.selection()?.address ===
          cell,
        problem.cell
      );
    }
  });

  test("records a draw with the keyboard; the ranking updates", async () => {
    const s = expected.evaluation.summary;
    expect(s.needsDraw).toBeGreaterThan(1);
    await page.getByRole("button", { name: strings.recordDraw }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const selects = dialog.getByRole("combobox");
    const n = await selects.count();
    expect(n).toBe(s.needsDraw);
    // The last of the group wins the draw: reverse the order.
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption(String(n - i));
    await shot("5-draw-dialog");
    await dialog.getByRole("button", { name: strings.drawSave }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await page.getByText(strings.markDrawn).first().waitFor();
    await page.locator("[role=status]").waitFor({ state: "detached" });

    const top = await host((h) => h.column("Kandidaten", "Top 10"));
    expect(top.filter((v) => v === cellWords.yes)).toHaveLength(10);
    expect(top.filter((v) => v === cellWords.draw)).toHaveLength(0);
    await shot("6-after-draw");
    const table = page.getByRole("table", { name: strings.topHeading(10) });
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(10);
    expect(await table.getByText(strings.markNeedsDraw).count()).toBe(0);
    expect(await table.getByText(strings.markDrawn).count()).toBeGreaterThan(0);
  });

  test("shares with the municipality only once the top is final: refused, decided, scored, shared", async () => {
    expect(await host((h) => h.sheetNames())).toContain(rejectionTexts.sheet);
    // Incomplete rows: nothing leaves, and the pane says which cells to decide (one or more per row).
    expect(new Set(decisions.map((d) => d.index)).size).toBe(
      expected.evaluation.summary.incomplete
    );
    await page.getByRole("button", { name: strings.shareAction }).click();
    await page.getByText(strings.shareNotFinal(["A1"]).split(". ")[0], { exact: false }).waitFor();
    expect((await host((h) => h.created())).count).toBe(0);
    await shot("8-share-refused");
    for (const decision of decisions)
      await host(
        (h, d: { header: string; index: number; value: FakeValue }) =>
          h.typeCell("Kandidaten", d.header, d.index, d.value),
        decision
      );
    await page.getByRole("button", { name: strings.scoreAction }).click();
    await page.getByRole("button", { name: strings.shareAction }).click();
    await page.getByText(strings.shareDone(10)).waitFor();
    // A scoring of decided rows: the live cells show what the scoring gives, none typed over.
    for (const note of [
      liveFormulaTexts.differs([], 1).split(": ")[0],
      liveFormulaTexts.differs([], 2).split(": ")[0],
      liveFormulaTexts.restored([], 1).split(" in ")[0],
    ])
      expect(await page.getByText(note, { exact: false }).count()).toBe(0);
    const created = await host((h) => h.created());
    expect(created.count).toBe(1);
    const shared = new ExcelJS.Workbook();
    await shared.xlsx.load(Buffer.from(created.last!, "base64") as unknown as ArrayBuffer);
    expect(shared.worksheets.map((w) => w.name)).toEqual([
      "Voorblad",
      "Top 10",
      "Stap 3",
      "Stap 4",
    ]);
    const table = page.getByRole("table", { name: strings.topHeading(10) });
    await table.waitFor();
    const current = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(current).toHaveLength(10);
    const sharedText: string[] = [];
    shared.getWorksheet("Top 10")!.eachRow((row) => row.eachCell((c) => sharedText.push(c.text)));
    for (const name of current) expect(sharedText).toContain(name);
    await shot("8-shared");
  });

  test("cleans up personal data after confirming: names outside the top become pseudonyms", async () => {
    await page.getByRole("button", { name: strings.cleanUpAction }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    // The dialog fades in: the screenshot waits until it is fully there.
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== "running")
    );
    await expect(
      dialog.getByRole("button", { name: strings.cleanUpConfirm }).isVisible()
    ).resolves.toBe(true);
    await shot("9-clean-up-dialog");
    await dialog.getByRole("button", { name: strings.cleanUpConfirm }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText(/^(Opgeschoond|Cleaned up): /).waitFor();
    // The table is back in the accessibility tree once the dialog has given the page back.
    const table = page.getByRole("table", { name: strings.topHeading(10) });
    await table.waitFor();
    const current = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(current).toHaveLength(10);
    const names = (await host((h) => h.column("Kandidaten", "Kandidaat")))
      .map(String)
      .filter((n) => n !== "");
    const outside = names.filter((n) => !current.includes(n));
    expect(outside.length).toBeGreaterThan(5);
    for (const n of outside) expect(n).toMatch(/^Kandidaat \d{2}$/);
    for (const n of current) expect(names).toContain(n);
    await shot("10-cleaned-up");
  });

  test("shows a workbook error in Dutch with what to do, and the pane stays", async () => {
    await host((h) => h.renameColumn("Kandidaten", "Kandidaat", "Naam"));
    await page.getByRole("button", { name: strings.scoreAction }).click();
    await page.getByText(strings.errorTitle).waitFor();
    await page.getByText(strings.workbookErrorHint).waitFor();
    expect(await page.getByText(/Kandidaat/).count()).toBeGreaterThan(0);
    await shot("7-error");
    await page.getByRole("button", { name: strings.dismiss }).click();
    await page.getByText(strings.errorTitle).waitFor({ state: "detached" });
    await host((h) => h.renameColumn("Kandidaten", "Naam", "Kandidaat"));
  });

  test("everything went through Excel's host within the page's Content-Security-Policy", async () => {
    expect(await host((h) => h.requests())).toBeGreaterThan(0);
    expect(await host((h) => h.gaps())).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });
});

describe("the work history", () => {
  test("without Werkervaring the typed years decide, in the engine and in the live formulas alike: no live cell differs", async () => {
    expect(periods.length).toBeGreaterThan(0);
    const page = await context.newPage();
    const config = variants[0].config;
    await page.addInitScript({ content: initScript(hostScript, config) });
    await page.goto(paneUrl(config.displayLanguage));
    const host = <T>(fn: (h: PageHost, arg: never) => T, arg?: unknown) =>
      page.evaluate(
        ([source, a]) =>
          new Function("h", "a", `return (${source})(h, a);`)(
            (window as never)["awardscoreHost"],
            a
          ),
        [fn.toString(), arg] as const
      ) as Promise<T>;
    await page
      .getByRole("button", { name: nl.startFromPreset("17040", "Klantmanager Inkomen") })
      .click();
    await page.getByRole("button", { name: nl.scoreAction }).waitFor();
    await host((h, rows) => h.fillTable("Kandidaten", rows), candidates);
    await page.getByRole("button", { name: nl.scoreAction }).click();
    const table = page.getByRole("table", { name: nl.topHeading(10) });
    await table.waitFor();
    // The engine's verdict without the work history is what the pane lists: another top.
    expect(await table.locator("tbody tr td:nth-child(2)").allTextContents()).toEqual(
      withoutHistoryTop
    );
    expect(withoutHistoryTop).not.toEqual(expectedTop);
    // The live formulas follow (FLEX.WORKYEARS finds no periods): no cell differs.
    const note = page.getByText(liveFormulaTexts.differs([], 2).split(": ")[0], { exact: false });
    expect(await note.count()).toBe(0);
    await page.screenshot({
      path: path.join(artifacts, "nl-light-11-work-history.png"),
      fullPage: true,
    });
    await page.close();
  });
});

/** The two fictional CVs of the intake (test/fixtures/cv-e2e/make.mjs): one Word file, one PDF. */
const cvDir = path.join(root, "test/fixtures/cv-e2e");
const cvFiles = { eva: "eva-jansen.docx", piet: "CV Piet Bos.pdf" };
/** The lazy chunk of src/cv as webpack names it (webpackChunkName "cv"). */
const isCvChunk = (url: string) => /\/cv\.[0-9a-f]+\.js$/.test(new URL(url).pathname);
/** Where the page loads office.js from (routed to the package on this machine). */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";

describe.each([variants[0], variants[2]])("CV intake, $name", ({ name, strings, config }) => {
  let page: Page;
  const requested: string[] = [];
  const shot = (step: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}-cv-${step}.png`), fullPage: true });
  const host = <T>(fn: (h: PageHost, arg: never) => T, arg?: unknown) =>
    page.evaluate(
      ([source, a]) =>
        new Function("h", "a", `return (${source})(h, a);`)((window as never)["awardscoreHost"], a),
      [fn.toString(), arg] as const
    ) as Promise<T>;
  /** The CVs' candidates: two complete rows of the example, renamed, without what the CVs say. */
  let rows: TableRows;
  const fromCv = ["E1", "E2", "E3", "K3", "K4", "K5", "K6", "G9", "G10", "G11"];

  beforeAll(async () => {
    page = await context.newPage();
    page.on("request", (r) => requested.push(r.url()));
    await page.addInitScript({ content: initScript(hostScript, config) });
    await page.goto(paneUrl(config.displayLanguage));
    const template = candidates.find((c) => expectedTop.includes(String(c.Kandidaat)))!;
    const blank = (record: TableRows[number]) =>
      Object.fromEntries(
        Object.entries(record).filter(([h]) => !fromCv.some((id) => h.startsWith(`${id} `)))
      );
    rows = [
      { ...blank(template), Kandidaat: "Eva Jansen" },
      // Piet's references are typed already: the CV's proposal must not overwrite them.
      { ...blank(template), Kandidaat: "Piet Bos", E3: 2 },
    ];
  });
  afterAll(() => page?.close());

  test("the CV readers are a chunk of their own, loaded only when CVs come in", async () => {
    await page
      .getByRole("button", { name: strings.startFromPreset("17040", "Klantmanager Inkomen") })
      .click();
    await page.getByRole("heading", { name: strings.cvHeading }).waitFor();
    expect(requested.filter(isCvChunk)).toEqual([]);
    const taskpane = readFileSync(path.join(build, "taskpane.js"), "utf8");
    expect(taskpane).not.toContain("WorkerMessageHandler"); // pdfjs stays out of the first load
  });

  test("drop one CV and choose the other; review the proposals with their evidence", async () => {
    expect(await host((h, r) => h.fillTable("Kandidaten", r), rows)).toBe(2);
    // Eva's Word file is dropped on the pane, Piet's PDF chosen with the file chooser.
    const bytes = [...readFileSync(path.join(cvDir, cvFiles.eva))];
    const dataTransfer = await page.evaluateHandle(
      ({ file, data }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], file));
        return transfer;
      },
      { file: cvFiles.eva, data: bytes }
    );
    await page.getByTestId("cv-drop").dispatchEvent("drop", { dataTransfer });
    await page.getByRole("region", { name: strings.cvProposalsFor("Eva Jansen") }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(cvDir, cvFiles.piet));
    await page.getByRole("region", { name: strings.cvProposalsFor("Piet Bos") }).waitFor();
    // Read in the page, by the lazy chunk: nothing but the pane's own files and office.js was asked for.
    expect(requested.filter(isCvChunk)).toHaveLength(1);
    expect(requested.filter((u) => !u.startsWith(server.url) && !u.startsWith(OFFICE_CDN))).toEqual(
      []
    );
    // Each file's candidate preselected from its name.
    for (const [file, candidate] of [
      [cvFiles.eva, "Eva Jansen"],
      [cvFiles.piet, "Piet Bos"],
    ])
      expect(
        await page.getByRole("combobox", { name: strings.cvCandidateFor(file) }).inputValue()
      ).toBe(candidate);

    const eva = page.getByRole("region", { name: strings.cvProposalsFor("Eva Jansen") });
    // The work period with its evidence: file, page, line and the line's text.
    const period = eva.getByRole("checkbox", { name: /Klantmanager Inkomen/i }).first();
    expect(await period.isChecked()).toBe(true);
    await eva
      .getByText(`${strings.cvEvidence(cvFiles.eva, 1, 7)}:`, { exact: false })
      .first()
      .waitFor();
    expect(await eva.getByText("jan. 2019 – heden", { exact: false }).count()).toBeGreaterThan(0);
    // Piet's typed references: shown, not to be applied, with the reason.
    const piet = page.getByRole("region", { name: strings.cvProposalsFor("Piet Bos") });
    const references = piet.getByRole("checkbox", { name: /^E3 / });
    expect(await references.isDisabled()).toBe(true);
    expect(await references.isChecked()).toBe(false);
    expect(await piet.getByText(strings.cvBlocked(""), { exact: false }).count()).toBeGreaterThan(
      0
    );
    await shot("1-review");
  });

  test("Overnemen writes the ticked ones in one go; a typed cell stays; then the scoring as before", async () => {
    // The evaluator reads the evidence and ticks what waits for a tick (a Ja, an estimated page count).
    const open = page.locator('main input[type="checkbox"]:not(:checked):not(:disabled)');
    for (let n = await open.count(); n > 0; n--) await open.first().check();
    const before = await host((h) => h.column("Werkervaring", "Kandidaat"));
    await page.getByRole("button", { name: strings.cvApply }).click();
    // "N voorstellen overgenomen in …": the text after the count.
    await page.getByText(strings.cvApplied(2).replace(/^\S+ \S+ /, ""), { exact: false }).waitFor();
    await shot("2-applied");
    // The review is gone with the CVs; the workbook holds what was confirmed.
    expect(
      await page.getByRole("region", { name: strings.cvProposalsFor("Eva Jansen") }).count()
    ).toBe(0);
    const names = (await host((h) => h.column("Werkervaring", "Kandidaat"))).map(String);
    expect(names.filter((n) => n === "Eva Jansen").length).toBeGreaterThan(
      before.filter((n) => n === "Eva Jansen").length
    );
    const from = await host((h) => h.column("Werkervaring", "Van"));
    expect(from.length).toBe(names.length);
    const header = (id: string) => request17040.knockouts.find((k) => k.id === id)!.header!;
    const e2 = await host((h, c: string) => h.column("Kandidaten", c), header("E2"));
    expect(e2[0]).toBe(cellWords.yes);
    const e3 = await host((h, c: string) => h.column("Kandidaten", c), header("E3"));
    expect(e3[0]).toBe(2); // Eva's two references
    expect(e3[1]).toBe(2); // Piet's typed value, kept

    await page.getByRole("button", { name: strings.scoreAction }).click();
    const table = page.getByRole("table", { name: strings.topHeading(10) });
    await table.waitFor();
    const top = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(top).toContain("Eva Jansen");
    await shot("3-scored");
    expect(await host((h) => h.gaps())).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });
});

afterAll(() => {
  // What office.js tried to reach beyond its CDN folder (refused: the run has no network).
  if (routes?.refused.length)
    console.log(`refused requests:\n${[...new Set(routes.refused)].join("\n")}`);
});
