/** The terminal summary: CV requirements (E…) under their own heading, never among the knock-outs. */
import { evaluate, request17040, type CvRequirementPolicy } from "../../src/engine";
import { summaryLines } from "../../src/cli/summary";
import { row } from "../engine/helpers";

function lines(policy: CvRequirementPolicy, withFailures = true): string[] {
  const cv = { E1: 4, E2: "Ja", E3: 2 };
  const people = [
    row({ name: "Ans", values: cv }),
    row({ name: "Bram", values: { ...cv, E1: withFailures ? 6 : 4 } }),
    row({ name: "Cor", values: { ...cv, K3: 1, E3: withFailures ? 1 : 2 } }),
  ];
  return summaryLines(evaluate({ ...request17040, cvRequirements: policy }, people), []);
}

/** The lines under a heading, up to the next line that is not indented. */
function under(all: string[], heading: string): string[] {
  const at = all.indexOf(heading);
  if (at < 0) throw new Error(`no heading '${heading}' in:\n${all.join("\n")}`);
  const rest = all.slice(at + 1);
  const end = rest.findIndex((l) => !l.startsWith("  "));
  return end < 0 ? rest : rest.slice(0, end);
}

describe("summaryLines and CV requirements", () => {
  test("uitsluiten: knock-outs list only K…; CV-eisen have their own heading saying they exclude", () => {
    const all = lines("exclude");
    expect(under(all, "Knock-outs per criterium:")).toEqual([
      expect.stringMatching(/^ {2}K3 +1× {2}Minimaal 2 jaar/),
    ]);
    expect(under(all, "CV-eisen niet gehaald (CV-eisen: uitsluiten, dus valt af):")).toEqual([
      expect.stringMatching(/^ {2}E1 +1× {2}CV van maximaal 5 pagina's$/),
      expect.stringMatching(/^ {2}E3 +1× {2}Minimaal 2 referenties$/),
    ]);
    expect(all).toContain("Kandidaten: 3 — 1 geschikt, 2 vallen af, 0 onvolledig");
  });

  test("alleen melden: the heading says they do not count; Bram stays eligible", () => {
    const all = lines("report");
    expect(
      under(all, "CV-eisen niet gehaald (CV-eisen: alleen melden, telt niet mee):")
    ).toHaveLength(2);
    expect(all).toContain("Kandidaten: 3 — 2 geschikt, 1 valt af, 0 onvolledig");
  });

  test("nobody failing one says so, under its own words", () => {
    const all = lines("exclude", false);
    expect(all).toContain("CV-eisen niet gehaald: geen");
    expect(under(all, "Knock-outs per criterium:")).toHaveLength(1);
  });
});

describe("summaryLines and a top that is not final", () => {
  const notFinal = /^De top is nog niet definitief/;

  test("an incomplete candidate: the summary says the top is not final, and why", () => {
    const people = [row({ name: "Ans" }), row({ name: "Bram", values: { K6: null } })];
    const all = summaryLines(evaluate(request17040, people), []);
    expect(all.filter((l) => notFinal.test(l))).toEqual([
      expect.stringContaining("(1 onvolledig)"),
    ]);
  });

  test("every candidate decided: no such line", () => {
    const all = summaryLines(
      evaluate(request17040, [row({ name: "Ans" }), row({ name: "Bram" })]),
      []
    );
    expect(all.some((l) => notFinal.test(l))).toBe(false);
  });
});

describe("summaryLines after a recorded draw", () => {
  test("the drawn candidates hold places of their own: no '=' at the place the draw decided", () => {
    const request = { ...request17040, topN: 1 };
    const tied = [row({ name: "Ans", drawOrder: 2 }), row({ name: "Bram", drawOrder: 1 })];
    const all = summaryLines(evaluate(request, tied), []);
    const top = under(all, "Top 1:");
    expect(top).toEqual([expect.stringMatching(/^ +1 {2}Bram /)]);
    // Without the draw the same two share the place and need one.
    const undrawn = summaryLines(
      evaluate(request, [row({ name: "Ans" }), row({ name: "Bram" })]),
      []
    );
    expect(undrawn.some((l) => /^ +1= /.test(l))).toBe(false);
    expect(undrawn).toContain("Loting nodig:");
  });
});

describe("summaryLines and a user's control characters (issue 18)", () => {
  test("a name and supplier with ESC, CSI, BEL, CR and a bidi override print as visible escapes", () => {
    const cv = { E1: 4, E2: "Ja", E3: 2 };
    const name = "Jan\u001b]0;gehackt\u0007\u001b[2J\r";
    const all = summaryLines(
      evaluate(request17040, [
        row({ name, supplier: "Flex\u009b31m\u202eBV", values: cv }),
        row({ name: "Ans", values: cv }),
      ]),
      [{ sheet: "Kandidaten", cell: "A2", message: `Geen geldige naam: '${name}'` }]
    ).join("\n");
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // The engine trims the name (the CR goes); the rest is shown.
    expect(all).toContain("Jan\\u001b]0;gehackt\\u0007\\u001b[2J (Flex\\u009b31m\\u202eBV)");
    expect(all).toContain("A2: Geen geldige naam: 'Jan\\u001b]0;gehackt");
  });
});
