/**
 * @jest-environment ./test/nodeEnvironment.js
 */
// The node project's environment (no DOM, an ordinary global, test:cpu's meter).
/** From the use cases' outcome to what the pane shows, on the example workbook. */
import path from "path";
import { planScore } from "../../src/workbook/score";
import { WorkbookError } from "../../src/workbook/problems";
import { en, nl } from "../../src/taskpane/i18n/strings";
import { paneError, requestView, resultsView } from "../../src/taskpane/model";
import { xlsxSnapshot } from "../office/helpers";

const example = path.resolve(__dirname, "../../examples/aanvraag-17040.xlsx");

describe("resultsView on examples/aanvraag-17040.xlsx", () => {
  test("counts, knock-outs per criterion and the top in ranking order", async () => {
    const plan = planScore(await xlsxSnapshot(example), { preset: "17040" });
    const view = resultsView(plan);
    const s = plan.evaluation.summary;
    expect(view.counts).toEqual({
      received: s.received,
      eligible: s.eligible,
      knockedOut: s.knockedOut,
      incomplete: s.incomplete,
      top: s.top,
      needsDraw: s.needsDraw,
    });
    expect(view.top.filter((r) => !r.needsDraw)).toHaveLength(s.top);
    expect(view.top.filter((r) => r.needsDraw)).toHaveLength(s.needsDraw);
    expect(view.drawGroups.flatMap((g) => g.candidates)).toHaveLength(s.needsDraw);
    const ranks = view.top.map((r) => r.rank ?? 0);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const k of [...view.knockouts, ...view.cvRequirements])
      expect(k.count).toBe(s.failedPerCriterion[k.id]);
    // Knock-outs (K…) and CV requirements (E…) apart, together every failure.
    expect(view.knockouts.map((k) => k.id).every((id) => id.startsWith("K"))).toBe(true);
    expect(view.cvRequirements.map((k) => k.id).every((id) => id.startsWith("E"))).toBe(true);
    expect(view.cvRequirements.length).toBeGreaterThan(0);
    expect(view.cvRequirementsExclude).toBe(true);
    expect([...view.knockouts, ...view.cvRequirements].reduce((n, k) => n + k.count, 0)).toBe(
      Object.values(s.failedPerCriterion).reduce((n, c) => n + c, 0)
    );
    expect(requestView(plan.request).awards.map((a) => a.points)).toEqual([50, 30, 20]);
  });
});

describe("paneError", () => {
  test("a workbook error keeps its Dutch message and cells, with what to do", () => {
    const cells = [{ sheet: "Aanvraag", cell: "B9", message: "Top N moet een heel getal zijn." }];
    expect(paneError(new WorkbookError("De aanvraag bevat 1 fout.", cells), en)).toEqual({
      message: "De aanvraag bevat 1 fout.",
      hint: en.workbookErrorHint,
      problems: cells,
    });
  });

  test("an Office error shows its code and what to do", () => {
    const officeError = Object.assign(new Error("The request failed."), {
      code: "GeneralException",
    });
    expect(paneError(officeError, nl)).toEqual({
      message: "The request failed. (GeneralException)",
      hint: nl.officeErrorHint,
      problems: [],
    });
  });

  test("anything else is still a message, never a blank pane", () => {
    expect(paneError("kapot", nl).message).toBe("Er ging iets mis: kapot");
    expect(paneError(undefined, nl).hint).toBe(nl.unexpectedErrorHint);
  });
});
