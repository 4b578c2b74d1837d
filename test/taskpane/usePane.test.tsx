/** The controller: each action calls the use case, shows progress, then the outcome or the error. */
import { act, renderHook, waitFor } from "@testing-library/react";
import { request17040, type CandidateProposals } from "../../src/engine";
import { nl } from "../../src/taskpane/i18n/strings";
import type { CvApplyResult, CvCheck, ScoreResult } from "../../src/taskpane/model";
import { usePane, type PaneApi } from "../../src/taskpane/usePane";
import { NotFinalError } from "../../src/workbook/finality";
import { WorkbookError } from "../../src/workbook/problems";

const outcome: ScoreResult = {
  request: request17040,
  evaluation: {
    candidates: [],
    ranking: [],
    summary: {
      received: 0,
      eligible: 0,
      knockedOut: 0,
      incomplete: 0,
      failedPerCriterion: {},
      top: 0,
      needsDraw: 0,
    },
  },
  problems: [{ sheet: "Kandidaten", cell: "A2", message: "Naam ontbreekt." }],
  notes: [],
};

/** A stub of the use cases; `setUp` makes the next read find the request. */
function stubApi(): jest.Mocked<PaneApi> {
  let setUp = false;
  return {
    readRequest: jest.fn(async () =>
      setUp ? { request: request17040, problems: [], privacy } : null
    ),
    setUp: jest.fn<Promise<unknown>, [string]>(async () => {
      setUp = true;
      return { changes: 1 };
    }),
    score: jest.fn(async () => outcome),
    recordDraw: jest.fn<Promise<ScoreResult>, [number[], number[], string[]?]>(async () => outcome),
    selectCell: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    showRequest: jest.fn(async () => undefined),
    share: jest.fn(async () => ({ top: 10 })),
    cleanUp: jest.fn(async () => ({ pseudonyms: 14, clearedPeriods: 3, kept: 10 })),
    // The CV intake: its own tests (cvIntake.test.tsx) stub these.
    cvIntake: jest.fn(async () => ({ request: request17040, candidates: [] })),
    readCv: jest.fn(),
    proposeCv: jest.fn(),
    checkCvProposals: jest.fn<Promise<CvCheck[]>, [CandidateProposals[]]>(async () => []),
    applyCvProposals: jest.fn<Promise<CvApplyResult>, [CandidateProposals[]]>(async () => ({
      applied: 0,
      notApplied: [],
    })),
  };
}

const privacy = { due: true, closed: "2024-10-04", pending: 17 };

test("reads the workbook, sets it up, scores and records a draw", async () => {
  const api = stubApi();
  const { result } = renderHook(() => usePane(api, nl));
  expect(result.current.state.phase).toBe("loading");
  await waitFor(() => expect(result.current.state.phase).toBe("notSetUp"));

  act(() => result.current.actions.setUp("17040"));
  expect(result.current.state.busy).toBe("setUp");
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  expect(api.setUp).toHaveBeenCalledWith("17040");
  expect(result.current.state.request?.id).toBe("17040");
  expect(result.current.state.busy).toBeNull();

  act(() => result.current.actions.score());
  expect(result.current.state.busy).toBe("score");
  act(() => result.current.actions.score()); // a second click while running does nothing
  await waitFor(() => expect(result.current.state.results).not.toBeNull());
  expect(api.score).toHaveBeenCalledTimes(1);
  expect(result.current.state.problems).toEqual(outcome.problems);

  act(() => result.current.actions.recordDraw([11, 12], [2, 1], ["Ans", "Bram"]));
  expect(result.current.state.busy).toBe("draw");
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(api.recordDraw).toHaveBeenCalledWith([11, 12], [2, 1], ["Ans", "Bram"]);

  act(() => result.current.actions.selectCell("Kandidaten", "A2"));
  act(() => result.current.actions.editRequest());
  expect(api.selectCell).toHaveBeenCalledWith("Kandidaten", "A2");
  expect(api.showRequest).toHaveBeenCalledTimes(1);
});

test("shows a workbook error in Dutch with its cells, and clears it on dismiss", async () => {
  const api = stubApi();
  api.readRequest.mockResolvedValue({ request: request17040, problems: [], privacy });
  const cells = [{ sheet: "Kandidaten", cell: "B1", message: "Kolom ontbreekt." }];
  api.score.mockRejectedValue(
    new WorkbookError("Het blad 'Kandidaten' mist de kolom 'Kandidaat'.", cells)
  );
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  act(() => result.current.actions.score());
  await waitFor(() => expect(result.current.state.error).not.toBeNull());
  expect(result.current.state.error).toEqual({
    message: "Het blad 'Kandidaten' mist de kolom 'Kandidaat'.",
    hint: nl.workbookErrorHint,
    problems: cells,
  });
  expect(result.current.state.busy).toBeNull();
  act(() => result.current.actions.dismissError());
  expect(result.current.state.error).toBeNull();
});

test("a failed first read still leaves a pane to work in", async () => {
  const api = stubApi();
  api.readRequest.mockRejectedValue(
    Object.assign(new Error("Busy"), { code: "ActivityLimitReached" })
  );
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.error).not.toBeNull());
  expect(result.current.state.phase).toBe("notSetUp");
  expect(result.current.state.error?.hint).toBe(nl.officeErrorHint);
});

test("an error of selecting a cell is shown too", async () => {
  const api = stubApi();
  api.selectCell.mockRejectedValue(
    Object.assign(new Error("Item not found"), { code: "ItemNotFound" })
  );
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("notSetUp"));
  act(() => result.current.actions.selectCell("Kandidaten", "Z9"));
  await waitFor(() =>
    expect(result.current.state.error?.message).toBe("Item not found (ItemNotFound)")
  );
});

test("shares with the municipality and says so; refused while the top is not final, naming the cells", async () => {
  const api = stubApi();
  api.readRequest.mockResolvedValue({ request: request17040, problems: [], privacy });
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  expect(result.current.state.privacy).toEqual(privacy);

  act(() => result.current.actions.share());
  expect(result.current.state.busy).toBe("share");
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBe(nl.shareDone(10));

  act(() => result.current.actions.dismissNotice());
  expect(result.current.state.notice).toBeNull();

  const cells = [
    { sheet: "Kandidaten", cell: "I23", message: "K6: Niet ingevuld. Typ Ja of Nee." },
    { sheet: "Kandidaten", cell: "P12", message: "Loting: nog te beslissen." },
  ];
  api.share.mockRejectedValue(new NotFinalError(cells));
  act(() => result.current.actions.share());
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBeNull();
  expect(result.current.state.error).toEqual({
    message: nl.shareNotFinal(["Kandidaten!I23", "Kandidaten!P12"]),
    hint: nl.shareNotFinalHint,
    problems: cells,
  });
  expect(result.current.state.error?.message).toContain("Kandidaten!I23 en Kandidaten!P12");
});

test("cleans up: the notice counts what changed and the reminder has nothing left", async () => {
  const api = stubApi();
  api.readRequest.mockResolvedValue({ request: request17040, problems: [], privacy });
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  // The workbook read again after cleaning up has nothing left to clean.
  api.readRequest.mockResolvedValue({
    request: request17040,
    problems: [],
    privacy: { ...privacy, pending: 0 },
  });
  act(() => result.current.actions.cleanUp());
  expect(result.current.state.busy).toBe("cleanUp");
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBe(nl.cleanUpDone(14, 3, 10));
  expect(result.current.state.privacy).toEqual({ ...privacy, pending: 0 });

  api.cleanUp.mockResolvedValue({ pseudonyms: 0, clearedPeriods: 0, kept: 10 });
  act(() => result.current.actions.cleanUp());
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBe(nl.cleanUpNothing);

  // What the clean-up could not vouch for follows the count.
  api.cleanUp.mockResolvedValue({
    pseudonyms: 2,
    clearedPeriods: 0,
    kept: 10,
    warnings: ["Let op: de notities bij cellen zijn niet nagekeken."],
  });
  act(() => result.current.actions.cleanUp());
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBe(
    `${nl.cleanUpDone(2, 0, 10)} Let op: de notities bij cellen zijn niet nagekeken.`
  );

  // Only the CVs' lines in Voorstellen were left: emptied, and said so.
  api.cleanUp.mockResolvedValue({
    pseudonyms: 0,
    clearedPeriods: 0,
    kept: 10,
    clearedProposals: 4,
  });
  act(() => result.current.actions.cleanUp());
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  expect(result.current.state.notice).toBe(`${nl.cleanUpDone(0, 0, 10)} ${nl.cleanUpProposals(4)}`);
});

test("a clean-up that is refused shows the workbook's Dutch message and no notice", async () => {
  const api = stubApi();
  api.readRequest.mockResolvedValue({ request: request17040, problems: [], privacy });
  api.cleanUp.mockRejectedValue(new WorkbookError("Er is nog een loting nodig."));
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  act(() => result.current.actions.cleanUp());
  await waitFor(() => expect(result.current.state.error).not.toBeNull());
  expect(result.current.state.error?.message).toBe("Er is nog een loting nodig.");
  expect(result.current.state.notice).toBeNull();
  expect(result.current.state.privacy).toEqual(privacy);
});

test("shown again: reads the workbook again, keeps the results with a note that they may be stale", async () => {
  const api = stubApi();
  let shown: (() => void) | undefined;
  const stop = jest.fn();
  api.onShown = jest.fn((listener: () => void) => {
    shown = listener;
    return stop;
  });
  const { result, unmount } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("notSetUp"));
  act(() => result.current.actions.setUp("17040"));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  act(() => result.current.actions.score());
  await waitFor(() => expect(result.current.state.results).not.toBeNull());
  const reads = api.readRequest.mock.calls.length;

  api.readRequest.mockResolvedValueOnce({
    request: { ...request17040, title: "Gewijzigd terwijl verborgen" },
    problems: [],
    privacy: { ...privacy, pending: 3 },
  });
  act(() => shown!());
  await waitFor(() =>
    expect(result.current.state.request?.title).toBe("Gewijzigd terwijl verborgen")
  );
  expect(api.readRequest).toHaveBeenCalledTimes(reads + 1);
  expect(result.current.state.privacy?.pending).toBe(3);
  expect(result.current.state.results).not.toBeNull();
  expect(result.current.state.problems).toEqual(outcome.problems);
  expect(result.current.state.notice).toBe(nl.resultsMayBeStale);

  unmount();
  expect(stop).toHaveBeenCalledTimes(1);
});

test("after sharing and after cleaning up the workbook is read again", async () => {
  const api = stubApi();
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).toBe("notSetUp"));
  act(() => result.current.actions.setUp("17040"));
  await waitFor(() => expect(result.current.state.phase).toBe("ready"));
  const reads = api.readRequest.mock.calls.length;
  act(() => result.current.actions.share());
  await waitFor(() => expect(api.readRequest).toHaveBeenCalledTimes(reads + 1));
  await waitFor(() => expect(result.current.state.busy).toBeNull());
  api.readRequest.mockResolvedValueOnce({
    request: request17040,
    problems: [],
    privacy: { ...privacy, pending: 0 },
  });
  act(() => result.current.actions.cleanUp());
  await waitFor(() => expect(api.readRequest).toHaveBeenCalledTimes(reads + 2));
  await waitFor(() => expect(result.current.state.privacy?.pending).toBe(0));
});
