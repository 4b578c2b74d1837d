/**
 * Where our texts quote request 17040, they quote its own words: checked against the
 * request's text as the marketplace published it (test/fixtures/request-17040.txt, a copy
 * of ../shared/request-17040.txt, checked equal where that file is present).
 */
import fs from "fs";
import path from "path";
import { request17040 } from "../../src/engine";
import { coverTexts, cvTexts, step3Texts } from "../../src/share/texts";

const fixture = path.resolve(__dirname, "../fixtures/request-17040.txt");
const shared = path.resolve(__dirname, "../../../shared/request-17040.txt");
const raw = fs.readFileSync(fixture, "utf8");
/** The text with every run of white space (its line breaks mid-sentence too) as one space. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();
const request = words(raw);

/** The quoted parts ("…") of some texts. */
const quotes = (texts: readonly string[]) =>
  texts.flatMap((t) => [...t.matchAll(/"([^"]+)"/g)].map((m) => words(m[1])));

test("the fixture is request 17040's text", () => {
  expect(request).toContain("Aanvraagnummer 17040");
});

/** Skipped, and saying so in its name, on a machine without the published text beside the project. */
const present = fs.existsSync(shared);
(present ? test : test.skip)(
  `the fixture is the request as published (../shared/request-17040.txt${present ? "" : "; skipped: absent here"})`,
  () => {
    expect(raw).toBe(fs.readFileSync(shared, "utf8"));
  }
);

test("the competencies are the request's, in its words and order", () => {
  const listed = [...raw.matchAll(/^- ([^;.\n]+)[;.]\s*$/gm)].map((m) => m[1].trim());
  const start = listed.indexOf(request17040.competencyGate.competencies[0]);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(listed.slice(start, start + request17040.competencyGate.competencies.length)).toEqual(
    request17040.competencyGate.competencies
  );
});

test.each(["VOG", "Aanwezigheid", cvTexts.factLabel])(
  "the preset's fact '%s' is a sentence of the request",
  (label) => {
    const fact = request17040.facts.find((f) => f.label === label);
    expect(fact).toBeDefined();
    expect(request).toContain(words(fact!.value));
  }
);

test("every quote of the municipality's workbook is the request's own words", () => {
  const quoted = [
    ...quotes(coverTexts.procedure(10, 6, 2, "voldoende")),
    ...quotes(step3Texts.instructions),
  ];
  expect(quoted.length).toBeGreaterThanOrEqual(2);
  for (const quote of quoted) expect(request).toContain(quote);
});
