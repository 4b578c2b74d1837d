/**
 * The pane refuses a CV file above the reader's limit (20 MB) by its size, before reading
 * its bytes: the reader's own Dutch message naming the file (src/cv, loaded lazily).
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { request17040 } from "../../src/engine";
import { nl } from "../../src/taskpane/i18n/strings";
import { usePane, type PaneApi } from "../../src/taskpane/usePane";

test("a 25 MB CV is refused by its size: its bytes are never read", async () => {
  const api = {
    readRequest: jest.fn(async () => ({
      request: request17040,
      problems: [],
      privacy: { due: false, closed: "2024-08-26", pending: 0 },
    })),
    cvIntake: jest.fn(async () => ({ request: request17040, candidates: ["Eva Jansen"] })),
    readCv: jest.fn(),
    proposeCv: jest.fn(async (candidate: string) => ({ candidate, proposals: [] })),
    checkCvProposals: jest.fn(async () => []),
  } as unknown as jest.Mocked<PaneApi>;
  // A Blob that says it is 25 MB and fails the test if its bytes are asked for.
  const arrayBuffer = jest.fn(async () => new ArrayBuffer(0));
  const big = { name: "groot.pdf", size: 25 * 1024 * 1024, arrayBuffer } as unknown as File;
  const { result } = renderHook(() => usePane(api, nl));
  await waitFor(() => expect(result.current.state.phase).not.toBe("loading"));
  await act(async () => result.current.actions.addCvFiles([big]));
  await waitFor(() => expect(result.current.state.cv.files).toHaveLength(1));
  expect(result.current.state.cv.files[0]).toMatchObject({
    file: "groot.pdf",
    status: "unreadable",
    message: "groot.pdf: het bestand is te groot (25 MB; AwardScore leest cv's tot 20 MB).",
  });
  expect(arrayBuffer).not.toHaveBeenCalled();
  expect(api.readCv).not.toHaveBeenCalled();
});
