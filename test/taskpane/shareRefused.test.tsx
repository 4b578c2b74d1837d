/**
 * Issue 17 in the pane (jsdom): "Delen met gemeente" while the top is not final. The
 * controller and the components together, over a stub of the use cases whose share
 * refuses as src/office's does: the message names the cells, in the pane's language,
 * and each cell is a link to it.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { request17040 } from "../../src/engine";
import { en, nl, type Strings } from "../../src/taskpane/i18n/strings";
import type { ScoreResult } from "../../src/taskpane/model";
import { usePane, type PaneApi } from "../../src/taskpane/usePane";
import { NotFinalError } from "../../src/workbook/finality";
import { PaneApp } from "./fixtures";

const cells = [
  { sheet: "Kandidaten", cell: "I23", message: "K6: Niet ingevuld. Typ Ja of Nee." },
  { sheet: "Kandidaten", cell: "P12", message: "Loting: nog te beslissen." },
];

function stubApi(): jest.Mocked<PaneApi> {
  return {
    readRequest: jest.fn(async () => ({
      request: request17040,
      problems: [],
      privacy: { due: false, closed: "2024-08-26", pending: 0 },
    })),
    setUp: jest.fn(),
    score: jest.fn<Promise<ScoreResult>, []>(),
    recordDraw: jest.fn(),
    selectCell: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    showRequest: jest.fn(async () => undefined),
    share: jest.fn(async () => {
      throw new NotFinalError(cells);
    }),
    cleanUp: jest.fn(),
    cvIntake: jest.fn(),
    readCv: jest.fn(),
    proposeCv: jest.fn(),
    checkCvProposals: jest.fn(),
    applyCvProposals: jest.fn(),
  };
}

function Pane({ api, strings }: { api: PaneApi; strings: Strings }) {
  const { state, actions } = usePane(api, strings);
  return <PaneApp strings={strings} state={state} actions={actions} />;
}

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
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane api={api} strings={strings} />
      </FluentProvider>
    );
    await user.click(await screen.findByRole("button", { name: strings.shareAction }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText(strings.shareNotFinalHint)).toBeTruthy();
    expect(screen.queryByText(strings.shareDone(10))).toBeNull();
    await user.click(screen.getByRole("button", { name: "Kandidaten!P12" }));
    await waitFor(() => expect(api.selectCell).toHaveBeenCalledWith("Kandidaten", "P12"));
    expect(api.share).toHaveBeenCalledTimes(1);
  }
);
