/**
 * Issue 20 in the pane (jsdom): the CV intake. The component over views (what it shows,
 * which action each control calls, axe), and the controller with the components over a
 * stub of the use cases: files chosen or dropped, read, each file's candidate preselected
 * from its name, proposals reviewed with their evidence and ticks, "Overnemen" applying
 * only the ticked ones that can be applied, an unreadable file's Dutch message.
 */
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import {
  candidateOfFile,
  request17040,
  type CandidateProposals,
  type CvDocument,
  type CvProposal,
  type Request,
} from "../../src/engine";
import { en, nl } from "../../src/taskpane/i18n/strings";
import { chosenOf, reviewOf, type CvIntakeView, type PaneState } from "../../src/taskpane/model";
import type { PaneApi } from "../../src/taskpane/usePane";
import { ready, renderControlledPane, renderPane, stubPaneApi } from "./fixtures";

const evidence = (file: string, page: number, line: number, text: string) => ({
  file,
  page,
  line,
  text,
});

const pages: CvProposal = {
  kind: "requirement",
  id: "E1",
  value: 3,
  note: "3 pagina's (PDF)",
  evidence: evidence("eva-jansen.pdf", 1, 1, "Eva Jansen"),
};
const dutch: CvProposal = {
  kind: "requirement",
  id: "E2",
  value: "Ja",
  note: "Nederlands herkend",
  evidence: evidence(
    "eva-jansen.pdf",
    1,
    2,
    "Ervaren klantmanager inkomen met oog voor de burger."
  ),
};
const period: CvProposal = {
  kind: "period",
  role: "Klantmanager inkomen, Gemeente Delft",
  from: "2019-01-01",
  to: null,
  countsFor: ["K3"],
  note: "maand zonder dag: 1 januari genomen; K3: 'klantmanager inkomen'",
  evidence: evidence(
    "eva-jansen.pdf",
    1,
    7,
    "jan. 2019 – heden  Klantmanager Inkomen – Gemeente Delft"
  ),
};
const education: CvProposal = {
  kind: "yes",
  source: "education",
  ids: ["K6"],
  note: "hbo-bachelor in de opleiding",
  evidence: evidence("eva-jansen.pdf", 2, 3, "2008 – 2012 Hogeschool Utrecht, bachelor SJD"),
};
const estimated: CvProposal = {
  kind: "requirement",
  id: "E1",
  value: 2,
  note: "geschat: 2 pagina's",
  evidence: evidence("Piet Bos.docx", 1, 1, "Piet Bos"),
};
const references: CvProposal = {
  kind: "requirement",
  id: "E3",
  value: 2,
  note: "2 referenties",
  evidence: evidence("Piet Bos.docx", 2, 10, "Referenties"),
};

const eva: CandidateProposals = {
  candidate: "Eva Jansen",
  proposals: [pages, dutch, period, education],
};
const piet: CandidateProposals = { candidate: "Piet Bos", proposals: [estimated, references] };
const filled = "de cel had al een waarde (Kandidaten!J3: 4)";

/** The review the controller would show: Piet's references already typed. */
const cv: CvIntakeView = {
  candidates: ["Eva Jansen", "Piet Bos", "Ans de Wit"],
  files: [
    { id: 1, file: "eva-jansen.pdf", candidate: "Eva Jansen", status: "read", message: null },
    { id: 2, file: "Piet Bos.docx", candidate: "Piet Bos", status: "read", message: null },
    {
      id: 3,
      file: "scan.pdf",
      candidate: null,
      status: "unreadable",
      message:
        "scan.pdf: geen tekst gevonden (een scan zonder tekstlaag?). Typ de gegevens zelf over.",
    },
  ],
  reviews: reviewOf(
    [eva, piet],
    [
      { candidate: "Eva Jansen", blocked: [null, null, null, null] },
      { candidate: "Piet Bos", blocked: [null, filled] },
    ]
  ),
};
const reviewing: PaneState = { ...ready, cv };

describe("the review (components)", () => {
  test("shows each file's candidate, the proposals with evidence and note, a blocked one with its reason; axe finds nothing", async () => {
    const { container } = renderPane(reviewing);
    expect(screen.getByRole("heading", { name: "CV's inlezen" })).toBeTruthy();
    expect(
      (screen.getByRole("combobox", { name: "Kandidaat bij eva-jansen.pdf" }) as HTMLSelectElement)
        .value
    ).toBe("Eva Jansen");
    expect(screen.getByText(/^scan\.pdf: geen tekst gevonden/)).toBeTruthy();

    const evaList = screen.getByRole("region", { name: "Voorstellen voor Eva Jansen" });
    const boxes = within(evaList).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes).toHaveLength(4);
    const box = (name: string) =>
      within(evaList).getByRole("checkbox", { name }) as HTMLInputElement;
    // What the CV itself says comes ticked; a "Ja" for a knock-out waits for the evaluator.
    expect(box("E1 CV van maximaal 5 pagina's: 3").checked).toBe(true);
    expect(box("E2 CV in het Nederlands: Ja").checked).toBe(true);
    const periodBox = box("Werkervaring: Klantmanager inkomen, Gemeente Delft, 01-01-2019 – heden");
    expect(periodBox.checked).toBe(true);
    expect(box("Ja voor K6 (opleiding)").checked).toBe(false);
    // The evidence (file, page, line, text) and the note describe the check box.
    const described = document.getElementById(periodBox.getAttribute("aria-describedby")!)!;
    expect(described.textContent).toContain(
      "eva-jansen.pdf, pagina 1, regel 7: “jan. 2019 – heden  Klantmanager Inkomen – Gemeente Delft”"
    );
    expect(described.textContent).toContain("maand zonder dag: 1 januari genomen");
    expect(described.textContent).toContain("Telt voor: K3");

    const pietList = screen.getByRole("region", { name: "Voorstellen voor Piet Bos" });
    const blocked = within(pietList).getByRole("checkbox", {
      name: "E3 Minimaal 2 referenties: 2",
    }) as HTMLInputElement;
    expect(blocked.checked).toBe(false);
    expect(blocked.disabled).toBe(true);
    expect(within(pietList).getByText(`Wordt niet overgenomen: ${filled}`)).toBeTruthy();
    // An estimated page count waits for the evaluator's tick too.
    expect(
      (within(pietList).getByRole("checkbox", { name: /^E1 / }) as HTMLInputElement).checked
    ).toBe(false);

    expect(screen.getByText("3 van 6 aangevinkt")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  test("each control calls its action: tick, candidate, remove, Overnemen, clear", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(reviewing);
    await user.click(screen.getByRole("checkbox", { name: "Ja voor K6 (opleiding)" }));
    expect(actions.toggleCvProposal).toHaveBeenCalledWith("Eva Jansen|3", true);
    await user.click(screen.getByRole("checkbox", { name: "E2 CV in het Nederlands: Ja" }));
    expect(actions.toggleCvProposal).toHaveBeenLastCalledWith("Eva Jansen|1", false);
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Kandidaat bij Piet Bos.docx" }),
      "Ans de Wit"
    );
    expect(actions.setCvCandidate).toHaveBeenCalledWith(2, "Ans de Wit");
    await user.click(screen.getByRole("button", { name: "scan.pdf weghalen" }));
    expect(actions.removeCvFile).toHaveBeenCalledWith(3);
    await user.click(screen.getByRole("button", { name: "Overnemen" }));
    expect(actions.applyCvProposals).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "CV's wissen" }));
    expect(actions.clearCv).toHaveBeenCalledTimes(1);
  });

  test("files come from the file chooser and from a drop", async () => {
    const user = userEvent.setup();
    const { actions } = renderPane(ready);
    const a = new File(["%PDF-1.7"], "eva-jansen.pdf", { type: "application/pdf" });
    const b = new File(["PK"], "Piet Bos.docx");
    await user.upload(screen.getByLabelText("CV's kiezen", { selector: "input" }), [a, b]);
    expect(actions.addCvFiles).toHaveBeenCalledWith([a, b]);
    fireEvent.drop(screen.getByTestId("cv-drop"), { dataTransfer: { files: [b] } });
    expect(actions.addCvFiles).toHaveBeenLastCalledWith([b]);
    // Dropped beside the area: the page does not open the file, and nothing is read.
    const beside = fireEvent.drop(document.body, {
      dataTransfer: { files: [b], types: ["Files"] },
    });
    expect(beside).toBe(false);
    expect(actions.addCvFiles).toHaveBeenCalledTimes(2);
  });

  test("nothing ticked or busy: Overnemen is disabled; busy: the controls too, with progress", () => {
    const none: PaneState = {
      ...ready,
      cv: {
        ...cv,
        reviews: cv.reviews.map((r) => ({
          ...r,
          items: r.items.map((i) => ({ ...i, checked: false })),
        })),
      },
    };
    renderPane(none);
    expect(screen.getByRole("button", { name: "Overnemen" }).hasAttribute("disabled")).toBe(true);
    cleanup();
    renderPane({ ...reviewing, busy: "cvApply" });
    expect(screen.getByRole("button", { name: "Overnemen" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "CV's kiezen" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("progressbar", { name: "Voorstellen overnemen…" })).toBeTruthy();
  });

  test("speaks English in an English Office; the reader's message and notes stay Dutch", () => {
    renderPane(reviewing, en);
    expect(screen.getByRole("heading", { name: "Read CVs" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Candidate for eva-jansen.pdf" })).toBeTruthy();
    expect(
      screen.getByRole("checkbox", {
        name: "Work history: Klantmanager inkomen, Gemeente Delft, 01/01/2019 – present",
      })
    ).toBeTruthy();
    expect(screen.getAllByText(/eva-jansen\.pdf, page 1, line 7/)).toHaveLength(1);
    expect(screen.getByText(/^scan\.pdf: geen tekst gevonden/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Apply" })).toBeTruthy();
  });
});

describe("the model", () => {
  test("a file's name preselects the candidate it names, and only then", () => {
    const names = ["Eva Jansen", "Piet Bos", "Jan Bos", "Jan Bos-Smit"];
    expect(candidateOfFile("CV_Eva-Jansen.pdf", names)).toBe("Eva Jansen");
    expect(candidateOfFile("piet bos.docx", names)).toBe("Piet Bos");
    expect(candidateOfFile("cv jan bos smit 2024.docx", names)).toBe("Jan Bos-Smit");
    expect(candidateOfFile("cv jan bos.docx", names)).toBe("Jan Bos");
    expect(candidateOfFile("jansen.pdf", names)).toBeNull();
    expect(candidateOfFile("eva.pdf", names)).toBeNull();
    expect(candidateOfFile("Eva Jansen.pdf", [])).toBeNull();
  });

  test("a Nee (an English CV) waits for the evaluator's own tick: one click would knock out", () => {
    const english = { ...pages, id: "E2", value: "Nee" as const, note: "Engels" };
    const reviews = reviewOf(
      [{ candidate: "Eva Jansen", proposals: [english] }],
      [{ candidate: "Eva Jansen", blocked: [null] }]
    );
    expect(reviews[0].items.map((i) => i.checked)).toEqual([false]);
  });

  test("Overnemen takes the ticked proposals that can be applied, per candidate", () => {
    const reviews = reviewOf(
      [eva, piet],
      [
        { candidate: "Eva Jansen", blocked: [null, "kolom ontbreekt", null, null] },
        { candidate: "Piet Bos", blocked: [null, filled] },
      ]
    );
    expect(reviews[0].items.map((i) => i.checked)).toEqual([true, false, true, false]);
    // A blocked item stays out even when marked ticked.
    reviews[0].items[1].checked = true;
    expect(chosenOf(reviews)).toEqual([{ candidate: "Eva Jansen", proposals: [pages, period] }]);
  });
});

/** The use cases as src/office and src/cv give them, stubbed: two readable CVs, one unreadable. */
function stubApi(): jest.Mocked<PaneApi> {
  const doc = (file: string): CvDocument => ({
    file,
    format: file.endsWith(".pdf") ? "pdf" : "docx",
    pages: 2,
    pagesSource: "pdf",
    lines: [{ page: 1, line: 1, text: file }],
  });
  return stubPaneApi({
    cvIntake: jest.fn(async () => ({
      request: request17040,
      candidates: ["Eva Jansen", "Piet Bos"],
    })),
    readCv: jest.fn(async (file: string, bytes: Uint8Array) => {
      if (file === "scan.pdf")
        throw Object.assign(
          new Error(
            `${file}: geen tekst gevonden (een scan zonder tekstlaag?). Typ de gegevens zelf over.`
          ),
          { name: "CvReadError", file, code: "noText" }
        );
      if (bytes.length === 0) throw new Error("empty");
      return doc(file);
    }),
    proposeCv: jest.fn<Promise<CandidateProposals>, [string, CvDocument[], Request]>(
      async (candidate) => (candidate === "Eva Jansen" ? eva : piet)
    ),
    checkCvProposals: jest.fn(async (all: CandidateProposals[]) =>
      all.map((c) => ({
        candidate: c.candidate,
        blocked: c.proposals.map((p) => (p === references ? filled : null)),
      }))
    ),
    applyCvProposals: jest.fn(async (chosen: CandidateProposals[]) => ({
      applied: chosen.reduce((n, c) => n + c.proposals.length, 0),
      notApplied: [],
    })),
  });
}

describe("the intake (controller and components)", () => {
  test("drop two CVs and a scan, review, Overnemen: only the ticked ones that can be applied, then the CVs are forgotten", async () => {
    const user = userEvent.setup();
    const api = stubApi();
    renderControlledPane(api, nl);
    await screen.findByRole("heading", { name: "CV's inlezen" });
    const files = [
      new File(["%PDF-1.7 eva"], "eva-jansen.pdf"),
      new File(["PK piet"], "CV Piet Bos.docx"),
      new File(["%PDF-1.7 scan"], "scan.pdf"),
    ];
    fireEvent.drop(screen.getByTestId("cv-drop"), { dataTransfer: { files } });
    await screen.findByRole("region", { name: "Voorstellen voor Piet Bos" });
    // Read from their bytes, in the pane.
    expect(api.readCv).toHaveBeenCalledTimes(3);
    expect(api.readCv.mock.calls[0][0]).toBe("eva-jansen.pdf");
    expect([...api.readCv.mock.calls[0][1]]).toEqual(
      [..."%PDF-1.7 eva"].map((c) => c.charCodeAt(0))
    );
    // Each candidate's own documents, the request's criteria.
    expect(api.proposeCv).toHaveBeenCalledWith(
      "Eva Jansen",
      [expect.objectContaining({ file: "eva-jansen.pdf" })],
      request17040
    );
    expect(api.proposeCv).toHaveBeenCalledWith(
      "Piet Bos",
      [expect.objectContaining({ file: "CV Piet Bos.docx" })],
      request17040
    );
    expect(
      (
        screen.getByRole("combobox", {
          name: "Kandidaat bij CV Piet Bos.docx",
        }) as HTMLSelectElement
      ).value
    ).toBe("Piet Bos");
    // The scan: its message, no candidate, no proposals.
    expect(screen.getByText(/^scan\.pdf: geen tekst gevonden/)).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: "Kandidaat bij scan.pdf" })).toBeNull();
    expect(api.applyCvProposals).not.toHaveBeenCalled();

    // The evaluator also takes the education line, and leaves the language out.
    await user.click(screen.getByRole("checkbox", { name: "Ja voor K6 (opleiding)" }));
    await user.click(screen.getByRole("checkbox", { name: "E2 CV in het Nederlands: Ja" }));
    await user.click(screen.getByRole("button", { name: "Overnemen" }));
    await screen.findByText(/^3 voorstellen overgenomen in Werkervaring en Kandidaten/);
    expect(api.applyCvProposals).toHaveBeenCalledTimes(1);
    expect(api.applyCvProposals).toHaveBeenCalledWith([
      { candidate: "Eva Jansen", proposals: [pages, period, education] },
    ]);
    // The CVs and their proposals are gone from the pane.
    expect(screen.queryByRole("region", { name: /^Voorstellen voor/ })).toBeNull();
    expect(screen.queryByText(/^scan\.pdf/)).toBeNull();
  });

  test("a file whose name names nobody waits for its candidate; picking one proposes", async () => {
    const user = userEvent.setup();
    const api = stubApi();
    renderControlledPane(api, en);
    await screen.findByRole("heading", { name: "Read CVs" });
    await user.upload(screen.getByLabelText("Choose CVs", { selector: "input" }), [
      new File(["%PDF"], "cv-2024.pdf"),
    ]);
    const select = await screen.findByRole("combobox", { name: "Candidate for cv-2024.pdf" });
    expect((select as HTMLSelectElement).value).toBe("");
    expect(api.proposeCv).not.toHaveBeenCalled();
    await user.selectOptions(select, "Eva Jansen");
    await screen.findByRole("region", { name: "Proposals for Eva Jansen" });
    expect(api.proposeCv).toHaveBeenCalledWith(
      "Eva Jansen",
      [expect.objectContaining({ file: "cv-2024.pdf" })],
      request17040
    );
    await waitFor(() => expect(screen.getByText("3 of 4 ticked")).toBeTruthy());
  });
});
