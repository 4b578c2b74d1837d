/** Views and a renderer for the component tests: the 17040 request, a scoring with a draw, problems. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { request17040 } from "../../src/engine";
import { App, type PaneActions } from "../../src/taskpane/components/App";
import { nl, type Strings } from "../../src/taskpane/i18n/strings";
import { requestView, type PaneState, type ResultsView } from "../../src/taskpane/model";
import { initialPaneState, usePane, type PaneApi } from "../../src/taskpane/usePane";

/** The 17040 request at a glance. */
export const request = requestView(request17040);

/** A scoring of 14 candidates: nine in, two tied for place 10 (a draw), one literal HTML name. */
export const results: ResultsView = {
  counts: { received: 14, eligible: 11, knockedOut: 2, incomplete: 1, top: 9, needsDraw: 2 },
  knockouts: [
    { id: "K4", description: "Ervaring met Civision", count: 1 },
    { id: "K8", description: "Uurtarief", count: 1 },
  ],
  cvRequirements: [{ id: "E1", description: "CV van maximaal 5 pagina's", count: 1 }],
  cvRequirementsExclude: true,
  top: [
    ...Array.from({ length: 8 }, (_, i) => ({
      row: i + 2,
      rank: i + 1,
      name: `Kandidaat ${i + 1}`,
      score: 100 - i * 5,
      rate: 60 + i,
      tie: false,
      needsDraw: false,
      drawn: false,
    })),
    {
      row: 10,
      rank: 9,
      name: "<b>x</b>",
      score: 50,
      rate: 70,
      tie: false,
      needsDraw: false,
      drawn: false,
    },
    {
      row: 11,
      rank: 10,
      name: "Eva Jansen",
      score: 50,
      rate: 72.5,
      tie: true,
      needsDraw: true,
      drawn: false,
    },
    {
      row: 12,
      rank: 10,
      name: "Femke de Vries",
      score: 50,
      rate: 72.5,
      tie: true,
      needsDraw: true,
      drawn: false,
    },
  ],
  drawGroups: [
    {
      from: 10,
      to: 10,
      candidates: [
        { row: 11, name: "Eva Jansen" },
        { row: 12, name: "Femke de Vries" },
      ],
    },
  ],
  topN: 10,
};

/** Problems at cells. */
export const problems = [
  { sheet: "Kandidaten", cell: "G7", message: "Geen geldig aantal jaren: 'veel'." },
  { sheet: "Werkervaring", cell: "D3", message: "Geen geldige datum: '31-02-2020'." },
];

/** The ready state with the 17040 request and nothing scored yet. */
export const ready: PaneState = { ...initialPaneState, phase: "ready", request };

/** Mock actions, one jest.fn each. */
export function mockActions(): jest.Mocked<PaneActions> {
  return {
    setUp: jest.fn(),
    score: jest.fn(),
    recordDraw: jest.fn(),
    selectCell: jest.fn(),
    editRequest: jest.fn(),
    share: jest.fn(),
    cleanUp: jest.fn(),
    dismissError: jest.fn(),
    dismissNotice: jest.fn(),
    addCvFiles: jest.fn(),
    setCvCandidate: jest.fn(),
    removeCvFile: jest.fn(),
    toggleCvProposal: jest.fn(),
    applyCvProposals: jest.fn(),
    clearCv: jest.fn(),
  };
}

/** The pane's App as in Excel, offering the 17040 preset and the blank one. */
export function PaneApp(props: { strings: Strings; state: PaneState; actions: PaneActions }) {
  return (
    <App
      {...props}
      inExcel
      presets={[{ id: "17040", title: "Klantmanager Inkomen" }]}
      blankId="blanco"
    />
  );
}

/**
 * A stub of the pane's use cases (src/office, src/cv), one jest.fn each: the 17040 request set
 * up, no privacy clean-up due; `given` replaces the ones a test needs.
 */
export function stubPaneApi(given: Partial<jest.Mocked<PaneApi>> = {}): jest.Mocked<PaneApi> {
  return {
    readRequest: jest.fn(async () => ({
      request: request17040,
      problems: [],
      privacy: { due: false, closed: "2024-08-26", pending: 0 },
    })),
    setUp: jest.fn(),
    score: jest.fn(),
    recordDraw: jest.fn(),
    selectCell: jest.fn(),
    showRequest: jest.fn(),
    share: jest.fn(),
    cleanUp: jest.fn(),
    cvIntake: jest.fn(),
    readCv: jest.fn(),
    proposeCv: jest.fn(),
    checkCvProposals: jest.fn(),
    applyCvProposals: jest.fn(),
    ...given,
  };
}

/** The pane with its real controller (usePane) over `api`. */
export function ControlledPane({ api, strings }: { api: PaneApi; strings: Strings }) {
  const { state, actions } = usePane(api, strings);
  return <PaneApp strings={strings} state={state} actions={actions} />;
}

/** Renders the pane with its real controller over `api`, as Excel shows it (Fluent's light theme). */
export function renderControlledPane(api: PaneApi, strings: Strings = nl) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ControlledPane api={api} strings={strings} />
    </FluentProvider>
  );
}

/** Renders the pane in a state, returning the actions and the render result. */
export function renderPane(state: PaneState, strings: Strings = nl) {
  const actions = mockActions();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <PaneApp strings={strings} state={state} actions={actions} />
    </FluentProvider>
  );
  return { actions, ...result };
}
