/**
 * The evaluator's whole procedure in Debian's Chromium: the production task pane
 * served on localhost, office.js answered with the fake Excel host, and the
 * candidates of examples/aanvraag-17040.xlsx typed into the fake workbook.
 * Light and dark theme, Dutch and English; screenshots under artifacts/e2e/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { gzipSync } from "zlib";
import type { CellValue } from "../../src/engine";
import { en, nl, type Strings } from "../../src/taskpane/i18n/strings";
import { outputHeaders } from "../../src/workbook/layout";
import { planScore } from "../../src/workbook/score";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { cellWords, rejectionTexts, sheetNames } from "../../src/workbook/texts";
import type { FakeValue } from "../office/fakeExcel";
import { fakeValue, xlsxSnapshot } from "../office/helpers";
import { buildForE2e } from "./build";
import type { OfficeConfig, TableRows } from "./host";
import { launchChromium } from "./chromium";
import { serve } from "./server";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "artifacts/e2e");
const example = path.join(root, "examples/aanvraag-17040.xlsx");
const literalName = "<b>x</b>";
const maxGzip = 250 * 1024;

/** What the page's host handle offers (see host.ts). */
interface PageHost {
  fillTable(table: string, rows: TableRows): number;
  column(table: string, header: string): FakeValue[];
  formats(sheet: string): Array<{ type: string; range: string; formula?: string }>;
  sheetNames(): string[];
  slowDown(ms: number): void;
  renameColumn(table: string, from: string, to: string): void;
  selection(): { sheet: string; address: string } | undefined;
  created(): { count: number; last?: string };
}

/** The rows of a table of the snapshot as records by header (input columns only). */
function tableRows(snapshot: WorkbookSnapshot, sheet: string): TableRows {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return [];
  const [headers, ...rows] = s.values as CellValue[][];
  const output = new Set<string>(outputHeaders);
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

let context: BrowserContext;
let profile: string;
let build: string;
let server: Awaited<ReturnType<typeof serve>>;
let hostScript: string;
let candidates: TableRows;
let periods: TableRows;
let expectedTop: string[];
let expected: ReturnType<typeof planScore>;

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
  expected = planScore(snapshot, { preset: "17040" });
  const byRow = new Map(expected.evaluation.candidates.map((c) => [c.row, c]));
  expectedTop = expected.evaluation.ranking
    .map((row) => byRow.get(row)!)
    .filter((c) => c.top || c.needsDraw)
    .map((c) => c.name);

  server = await serve(build);
  context = await launchChromium(profile);
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: hostScript })
  );
}, 170_000);

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

const variants: Array<{ name: string; strings: Strings; config: OfficeConfig }> = [
  {
    name: "nl-light",
    strings: nl,
    config: { displayLanguage: "nl-NL", bodyBackgroundColor: "#ffffff" },
  },
  {
    name: "nl-dark",
    strings: nl,
    config: { displayLanguage: "nl-NL", bodyBackgroundColor: "#262626" },
  },
  {
    name: "en-light",
    strings: en,
    config: { displayLanguage: "en-US", bodyBackgroundColor: "#ffffff" },
  },
  {
    name: "en-dark",
    strings: en,
    config: { displayLanguage: "en-US", bodyBackgroundColor: "#262626" },
  },
];

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
    await page.addInitScript((c) => {
      (window as unknown as { __officeConfig: unknown }).__officeConfig = c;
    }, config);
    await page.goto(`${server.url}taskpane.html`);
    expect(errors).toEqual([]);
  });
  afterAll(() => page?.close());

  test("sets up a new evaluation from preset 17040", async () => {
    await page.getByRole("heading", { name: strings.notSetUpTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(strings.locale);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("main")!).backgroundColor
    );
    expect(background === "rgb(255, 255, 255)").toBe(config.bodyBackgroundColor === "#ffffff");
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
      ])
    );
    await expect(page.getByText(strings.formatDate("2024-10-04"))).toBeTruthy();
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
    expect(custom).toHaveLength(2);
    expect(custom[0]).toMatch(new RegExp(`="${cellWords.yes}"$`));
    expect(custom[1]).toMatch(new RegExp(`="${cellWords.draw}"$`));

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

  test("shares with the municipality: a new workbook with the top only, built in the browser", async () => {
    expect(await host((h) => h.sheetNames())).toContain(rejectionTexts.sheet);
    await page.getByRole("button", { name: strings.shareAction }).click();
    await page.getByText(strings.shareDone(10)).waitFor();
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
});
