/**
 * The pane in each state: what it shows, which callback each action calls, axe, and the keyboard
 * alone. At the end, issue 17 in the pane: "Delen met gemeente" while the top is not final, the
 * controller and the components together over a stub of the use cases whose share refuses as
 * src/office's does: the message names the cells, in the pane's language, and each cell is a
 * link to it. (One file: each file of the pane's tests loads React and Fluent UI afresh.)
 */
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { en, nl } from "../../src/taskpane/i18n/strings";
import type { ScoreResult } from "../../src/taskpane/model";
import { initialPaneState, type PaneApi } from "../../src/taskpane/usePane";
import { NotFinalError } from "../../src/workbook/finality";
import {
  renderControlledPane,
  problems,
  ready,
  renderPane,
  request,
  results,
  stubPaneApi,
} from "./fixtures";

/** Tabs until `target` has focus (at most 40 stops), as a keyboard user would. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
  for (let i = 0; i < 40 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

describe("not set up", () => {
  const state = { ...initialPaneState, phase: "notSetUp" as const };

  test("offers the preset and a blank request; axe finds nothing", async () => {
    const { container } = renderPane(state);
    expect(screen.getByRole("heading", { name: "Nieuwe beoordeling" })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("starts from the preset or blank, by keyboard", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(state);
    await tabTo(
      user,
      screen.getByRole("button", { name: "Aanvraag 17040 – Klantmanager Inkomen" })
    );
    await user.keyboard("{Enter}");
    expect(actions.setUp).toHaveBeenCalledWith("17040");
    await tabTo(user, screen.getByRole("button", { name: "Lege aanvraag" }));
    await user.keyboard(" ");
    expect(actions.setUp).toHaveBeenLastCalledWith("blanco");
  });

  test("disables the buttons while setting up", () => {
    renderPane({ ...state, busy: "setUp" });
    expect(screen.getByRole("button", { name: "Lege aanvraag" }).hasAttribute("disabled")).toBe(
      true
    );
    expect(screen.getByText("Werkmap inrichten…")).toBeTruthy();
  });
});

describe("loading", () => {
  test("shows a spinner, never a blank pane", () => {
    renderPane(initialPaneState);
    expect(screen.getByText("Bezig met laden…")).toBeTruthy();
  });
});

describe("ready", () => {
  test("shows the request at a glance; axe finds nothing", async () => {
    const { container } = renderPane(ready);
    expect(
      screen.getByRole("heading", { name: "Aanvraag 17040: Klantmanager Inkomen" })
    ).toBeTruthy();
    // The peildatum is the reactietermijn; the listing's own date is shown, named, and not used.
    expect(screen.getByText("26-08-2024 (reactietermijn)")).toBeTruthy();
    expect(screen.getByText("Einde inschrijfdatum")).toBeTruthy();
    expect(screen.getByText("04-10-2024 11:25 (telt niet mee)")).toBeTruthy();
    expect(screen.getByText(/^€\s75,00$/)).toBeTruthy();
    expect(screen.getByText(String(request.topN))).toBeTruthy();
    for (const k of request.knockouts)
      expect(screen.getByText(new RegExp(`^${k.id} `))).toBeTruthy();
    expect(screen.getByText(/^G9 .*\(50 punten\)$/)).toBeTruthy();
    expect(screen.getByText(/^G10 .*\(30 punten\)$/)).toBeTruthy();
    expect(screen.getByText(/^G11 .*\(20 punten\)$/)).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("selects the Aanvraag sheet and scores, by keyboard", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(ready);
    await tabTo(user, screen.getByRole("button", { name: "Aanvraag bewerken (blad Aanvraag)" }));
    await user.keyboard("{Enter}");
    expect(actions.editRequest).toHaveBeenCalledTimes(1);
    await tabTo(user, screen.getByRole("button", { name: "Controleren en beoordelen" }));
    await user.keyboard("{Enter}");
    expect(actions.score).toHaveBeenCalledTimes(1);
  });

  test("lists the CV requirements apart, named CV-eis, with what failing one does", () => {
    renderPane(ready);
    expect(
      screen.getByRole("heading", { name: "CV-eisen (wie er niet aan voldoet, valt af)" })
    ).toBeTruthy();
    expect(screen.getByText("CV-eis E1 CV van maximaal 5 pagina's")).toBeTruthy();
    expect(screen.queryByText(/^E1 /)).toBeNull();
    cleanup();
    renderPane({ ...ready, request: { ...request, cvRequirementsExclude: false } }, en);
    expect(screen.getByRole("heading", { name: "CV requirements (reported only)" })).toBeTruthy();
    expect(screen.getByText("CV requirement E3 Minimaal 2 referenties")).toBeTruthy();
  });

  test("speaks English in an English Office", () => {
    renderPane(ready, en);
    expect(
      screen.getByRole("heading", { name: "Request 17040: Klantmanager Inkomen" })
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check and score" })).toBeTruthy();
    expect(screen.getByText("26/08/2024 (response deadline)")).toBeTruthy();
    expect(screen.getByText("Listing closes")).toBeTruthy();
    expect(screen.getByText("04/10/2024 11:25 (not used for scoring)")).toBeTruthy();
  });
});

describe("scoring", () => {
  test("shows a progress bar and disables the action; axe finds nothing", async () => {
    const { container } = renderPane({ ...ready, busy: "score" });
    expect(
      screen.getByRole("progressbar", { name: "Bezig met controleren en beoordelen…" })
    ).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Controleren en beoordelen" }).hasAttribute("disabled")
    ).toBe(true);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("results", () => {
  const state = { ...ready, results };

  test("shows the counts, knock-outs per criterion and the top with marks; axe finds nothing", async () => {
    const { container } = renderPane(state);
    const table = screen.getByRole("table", { name: "Top 10" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(1 + results.top.length);
    const text = (c: HTMLElement) => c.textContent?.replace(/\s/g, " ");
    expect(within(rows[1]).getAllByRole("cell").map(text)).toEqual([
      "1",
      "Kandidaat 1",
      "100",
      "€ 60,00",
      "",
    ]);
    expect(within(rows[11]).getByText("Loting nodig")).toBeTruthy();
    expect(screen.getByText("K4 Ervaring met Civision: 1")).toBeTruthy();
    expect(
      screen.getByText("Afgewezen (knock-out of CV-eis)").nextElementSibling?.textContent
    ).toBe("2");
    // A CV requirement under its own heading, named CV-eis, never knock-out.
    expect(screen.getByRole("heading", { name: "CV-eisen niet gehaald (valt af)" })).toBeTruthy();
    expect(screen.getByText("CV-eis E1 CV van maximaal 5 pagina's: 1")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("shows a name with HTML as literal text", () => {
    const { container } = renderPane(state);
    expect(screen.getByText("<b>x</b>")).toBeTruthy();
    expect(container.querySelector("td b")).toBeNull();
  });
});

describe("problems", () => {
  test("lists each problem with a link that selects its cell, by keyboard; axe finds nothing", async () => {
    const user = userEvent.setup();
    const { actions, container } = renderPane({ ...ready, problems });
    expect(screen.getByRole("heading", { name: "2 problemen" })).toBeTruthy();
    expect(screen.getByText("Geen geldig aantal jaren: 'veel'.")).toBeTruthy();
    await tabTo(user, screen.getByRole("button", { name: "Werkervaring!D3" }));
    await user.keyboard("{Enter}");
    expect(actions.selectCell).toHaveBeenCalledWith("Werkervaring", "D3");
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("draw needed", () => {
  const state = { ...ready, results };

  test("records the draw order in a dialog, by keyboard", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(state);
    expect(screen.getByText(/Eva Jansen, Femke de Vries hebben dezelfde score/)).toBeTruthy();
    await tabTo(user, screen.getByRole("button", { name: "Loting vastleggen" }));
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog");
    expect(await axe(dialog)).toHaveNoViolations();
    const eva = within(dialog).getByRole("combobox", { name: "Lotnummer van Eva Jansen" });
    const femke = within(dialog).getByRole("combobox", { name: "Lotnummer van Femke de Vries" });
    await user.selectOptions(eva, "2");
    expect(
      within(dialog)
        .getByRole("button", { name: "Vastleggen en opnieuw beoordelen" })
        .hasAttribute("disabled")
    ).toBe(true);
    expect(
      within(dialog).getAllByText("Elk lotnummer mag maar één keer voorkomen.").length
    ).toBeGreaterThan(0);
    await user.selectOptions(femke, "1");
    await tabTo(
      user,
      within(dialog).getByRole("button", { name: "Vastleggen en opnieuw beoordelen" })
    );
    await user.keyboard("{Enter}");
    // With the names the dialog showed, so that rows moved since the scoring are refused.
    expect(actions.recordDraw).toHaveBeenCalledWith(
      [11, 12],
      [2, 1],
      ["Eva Jansen", "Femke de Vries"]
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The page behind the dialog is back for assistive technology.
    expect(await screen.findByRole("table", { name: "Top 10" })).toBeTruthy();
  });

  test("closes with Escape without recording", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(state);
    await tabTo(user, screen.getByRole("button", { name: "Loting vastleggen" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(actions.recordDraw).not.toHaveBeenCalled();
  });

  test("shows the progress bar while the draw is recorded", () => {
    renderPane({ ...state, busy: "draw" });
    expect(
      screen.getByRole("progressbar", { name: "Loting vastleggen en opnieuw beoordelen…" })
    ).toBeTruthy();
  });
});

describe("error", () => {
  const error = {
    message: "Het blad 'Kandidaten' ontbreekt.",
    hint: "Pas de werkmap aan zoals hierboven staat en probeer het opnieuw.",
    problems: [problems[0]],
  };

  test("shows a message bar with what to do and the cells; axe finds nothing", async () => {
    const { container } = renderPane({ ...ready, error });
    expect(screen.getByText("Dat lukte niet")).toBeTruthy();
    expect(screen.getByText(error.message)).toBeTruthy();
    expect(screen.getByText(error.hint)).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("selects a cell of the error and dismisses it, by keyboard", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane({ ...ready, error });
    await tabTo(user, screen.getByRole("button", { name: "Kandidaten!G7" }));
    await user.keyboard("{Enter}");
    expect(actions.selectCell).toHaveBeenCalledWith("Kandidaten", "G7");
    await tabTo(user, screen.getByRole("button", { name: "Sluiten" }));
    await user.keyboard("{Enter}");
    expect(actions.dismissError).toHaveBeenCalledTimes(1);
  });

  test("shows even when the workbook could not be read", () => {
    renderPane({ ...initialPaneState, phase: "notSetUp", error });
    expect(screen.getByText(error.message)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Nieuwe beoordeling" })).toBeTruthy();
  });
});

describe("after scoring: share and clean up", () => {
  const due = { due: true, closed: "2024-08-26", pending: 14 };

  test("shares by keyboard; no reminder before 4 weeks; axe finds nothing", async () => {
    const user = userEvent.setup();
    const { actions, container } = renderPane({
      ...ready,
      results,
      privacy: { ...due, due: false, pending: 0 },
    });
    expect(screen.queryByText(/meer dan 4 weken geleden/)).toBeNull();
    const share = screen.getByRole("button", { name: "Delen met gemeente" });
    await tabTo(user, share);
    await user.keyboard("{Enter}");
    expect(actions.share).toHaveBeenCalledTimes(1);
    expect(actions.cleanUp).not.toHaveBeenCalled();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("reminds after 4 weeks while something is left, with the closing date", () => {
    renderPane({ ...ready, privacy: due });
    expect(
      screen.getByText(
        "De aanvraag sloot op 26-08-2024, meer dan 4 weken geleden. Schoon de persoonsgegevens op van de kandidaten die niet geselecteerd zijn."
      )
    ).toBeTruthy();
  });

  test("no reminder once nothing is left to clean up", () => {
    renderPane({ ...ready, privacy: { ...due, pending: 0 } });
    expect(screen.queryByText(/meer dan 4 weken geleden/)).toBeNull();
  });

  test("asks before cleaning up; Cancel changes nothing, Clean up runs it (keyboard only)", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane({ ...ready, privacy: due });
    const button = screen.getByRole("button", { name: "Persoonsgegevens opschonen" });
    await tabTo(user, button);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("alertdialog", { name: "Persoonsgegevens opschonen?" });
    expect(within(dialog).getByText(/niet ongedaan maken met Ctrl\+Z/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(actions.cleanUp).not.toHaveBeenCalled();

    await tabTo(user, button);
    await user.keyboard("{Enter}");
    const again = await screen.findByRole("alertdialog");
    const confirm = within(again).getByRole("button", { name: "Opschonen" });
    await tabTo(user, confirm);
    await user.keyboard("{Enter}");
    expect(actions.cleanUp).toHaveBeenCalledTimes(1);
  });

  test("shows the progress and disables every action while sharing", () => {
    renderPane({ ...ready, results, busy: "share" });
    expect(screen.getByRole("status").textContent).toContain("Werkmap voor de gemeente maken…");
    for (const name of [
      "Delen met gemeente",
      "Persoonsgegevens opschonen",
      "Controleren en beoordelen",
    ])
      expect(screen.getByRole("button", { name }).hasAttribute("disabled")).toBe(true);
  });

  test("shows what was done and dismisses it, in English too", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(
      { ...ready, notice: en.cleanUpDone(14, 3, 10), privacy: { ...due, pending: 0 } },
      en
    );
    expect(screen.getByText(en.cleanUpDone(14, 3, 10))).toBeTruthy();
    expect(screen.getByRole("button", { name: "Share with the municipality" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(actions.dismissNotice).toHaveBeenCalledTimes(1);
  });
});

const cells = [
  { sheet: "Kandidaten", cell: "I23", message: "K6: Niet ingevuld. Typ Ja of Nee." },
  { sheet: "Kandidaten", cell: "P12", message: "Loting: nog te beslissen." },
];

function stubApi(): jest.Mocked<PaneApi> {
  return stubPaneApi({
    score: jest.fn<Promise<ScoreResult>, []>(),
    selectCell: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    showRequest: jest.fn(async () => undefined),
    share: jest.fn(async () => {
      throw new NotFinalError(cells);
    }),
  });
}

describe("share refused while the top is not final (issue 17): controller and components", () => {
  test.each([
    [
      nl,
      "De top is nog niet definitief, dus er is niets gedeeld. Beslis eerst deze 2 cellen: Kandidaten!I23 en Kandidaten!P12.",
    ],
    [
      en,
      "The top is not final yet, so nothing was shared. First decide these 2 cells: Kandidaten!I23 and Kandidaten!P12.",
    ],
  ])(
    "share refused while not final (%#): the cells named and linked, no success notice",
    async (strings, message) => {
      const user = userEvent.setup();
      const api = stubApi();
      renderControlledPane(api, strings);
      await user.click(await screen.findByRole("button", { name: strings.shareAction }));
      expect(await screen.findByText(message)).toBeTruthy();
      expect(screen.getByText(strings.shareNotFinalHint)).toBeTruthy();
      expect(screen.queryByText(strings.shareDone(10))).toBeNull();
      await user.click(screen.getByRole("button", { name: "Kandidaten!P12" }));
      await waitFor(() => expect(api.selectCell).toHaveBeenCalledWith("Kandidaten", "P12"));
      expect(api.share).toHaveBeenCalledTimes(1);
    }
  );
});
