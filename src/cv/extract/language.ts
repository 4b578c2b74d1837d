/**
 * E2: whether a CV is written in Dutch, by franc-min (trigram language detection, MIT) on
 * the CV's running text: the longer lines, sampled across the whole document, so that a
 * Dutch CV with English section names (or the other way round) is judged by its body.
 */
import { franc } from "franc-min";
import type { CvDocument, RequirementProposal } from "../../engine";
import { extractTexts, languageNames } from "./texts";

/** Below this many characters of running text, no proposal: too little to tell. */
export const MIN_TEXT = 150;

/** franc reads at most this many characters; the sample spreads them over the CV. */
const SAMPLE = 2000;

/** Lines of running text: at least 4 words, mostly letters. */
function bodyLines(doc: CvDocument) {
  return doc.lines.filter((l) => {
    const words = l.text.trim().split(/\s+/);
    const letters = (l.text.match(/\p{L}/gu) ?? []).length;
    return words.length >= 4 && letters >= l.text.length * 0.6;
  });
}

/**
 * The E2 proposal ("Ja" when the text is Dutch, else "Nee"), or null when the CV has too
 * little running text to tell.
 *
 * @example
 * proposeDutch("E2", doc); // { kind: "requirement", id: "E2", value: "Ja", … }
 */
export function proposeDutch(id: string, doc: CvDocument): RequirementProposal | null {
  const body = bodyLines(doc);
  const total = body.reduce((n, l) => n + l.text.length, 0);
  if (total < MIN_TEXT) return null;
  // Every k-th line, so the sample covers the whole CV within franc's limit.
  const step = Math.max(1, Math.ceil(total / SAMPLE));
  const sample = body
    .filter((_, i) => i % step === 0)
    .map((l) => l.text.trim())
    .join("\n");
  const language = franc(sample, { minLength: 20 });
  if (language === "und") return null;
  const first = body.find((l) => l.text.trim().split(/\s+/).length >= 6) ?? body[0];
  const dutch = language === "nld";
  return {
    kind: "requirement",
    id,
    value: dutch ? "Ja" : "Nee",
    note: dutch ? extractTexts.dutch : extractTexts.notDutch(languageNames[language] ?? language),
    evidence: {
      file: doc.file,
      page: first.page,
      line: first.line,
      text: first.text.trim().slice(0, 200),
    },
  };
}
