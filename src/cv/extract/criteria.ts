/**
 * What a CV must name for each of the request's own criteria, read from the criterion's
 * description and header (never a list of ids): "ervaring als klantmanager inkomen" asks for
 * a role, "ervaring met de software Civision" for a topic anywhere in the period's lines,
 * "binnen een gemeente" for an employer word, "Hbo-bachelor in de richting … of SJD" for an
 * education level and direction. A new request is new data, not new code.
 */
import type { CriterionId, Request } from "../../engine";
import { historyCriteria } from "../../engine/workHistory";

/** A phrase as words to find (lower case); `acronym` words may also be spelled out. */
export interface Phrase {
  text: string;
  words: string[];
}

/** What a period must name to count for an experience criterion. */
export interface ExperienceTarget {
  id: CriterionId;
  /** "years": a `Telt voor` suggestion; "yes": a "Ja" for the candidate's column. */
  use: "years" | "yes";
  /** "role": the phrase must be in the role lines; "topic": anywhere in the period's lines. */
  where: "role" | "topic";
  /** Any one of these phrases (the request's "X of Y"). */
  phrases: Phrase[];
  /** "binnen een gemeente": a word the employer must name. */
  employerWord?: string;
  /** The window in years back from the peildatum, when the criterion has one. */
  windowYears?: number;
}

/** What an education line must name for an education criterion. */
export interface EducationTarget {
  id: CriterionId;
  /** Level words the criterion names (hbo, bachelor, wo, master, mbo). */
  levels: string[];
  /** "in de richting X of Y": any one of these; empty = any direction. */
  directions: Phrase[];
}

/** The targets of a request. */
export interface Targets {
  experience: ExperienceTarget[];
  education: EducationTarget[];
}

/** Words that say nothing distinctive about what a criterion asks. */
const FILLER = new Set(
  (
    "minimaal ten minste tenminste maximaal jaar jaren ervaring werkervaring aantoonbare aantoonbaar relevante " +
    "in de het een als met binnen bij van voor op of en te the a an of in with as at years year experience " +
    "laatste afgelopen last past software applicatie systeem pakket programma wet allround ervaren senior junior medior " +
    "zelfstandig zelfstandige brede breed richting afgeronde afgerond opleiding diploma"
  ).split(" ")
);

/** The education levels a criterion can name. */
const LEVELS = ["hbo", "wo", "mbo", "bachelor", "master"];

/** The words of a text, lower case (letters and digits; hyphens split). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(Boolean);
}

function phrase(text: string): Phrase | null {
  const original = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const words: string[] = [];
  for (const w of original) {
    const lower = w.toLowerCase();
    if (FILLER.has(lower) || /^\d+$/.test(lower) || /^[a-z]\d+$/i.test(w)) continue;
    // An acronym keeps its capitals, so that matching may spell it out (SJD).
    words.push(/^[A-Z]{2,6}$/.test(w) && !LEVELS.includes(lower) ? w : lower);
  }
  return words.length ? { text: words.join(" "), words } : null;
}

/** The phrases after a word ("als …", "met …"), up to the next clause; split on " of ". */
function phrasesAfter(text: string, word: RegExp): Phrase[] {
  const m = word.exec(text);
  if (!m) return [];
  const rest = text
    .slice(m.index + m[0].length)
    .split(/\s(?:in de|in het|binnen|bij|gedurende|sinds|op het gebied)\s|[,.;:()]/u)[0];
  return rest
    .split(/\s(?:of|en\/of|or)\s|\//u)
    .map(phrase)
    .filter((p): p is Phrase => p !== null);
}

function windowOf(text: string): number | undefined {
  const m = /(?:laatste|afgelopen|last|past)\s+(\d+)\s+(?:jaar|years)/iu.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** A criterion's header without its leading id and the window in brackets. */
function headerText(header: string | null, id: string): string {
  if (!header) return "";
  return header.replace(new RegExp(`^${id}\\s*`), "").replace(/\([^)]*\)/g, " ");
}

/**
 * What the CV must name for each criterion of the request: experience criteria (those in
 * years, and yes/no criteria that ask for "ervaring"/"experience") and education criteria
 * (yes/no criteria that name a level: hbo, wo, bachelor, …).
 *
 * @example
 * targetsOf(request17040).experience.find((t) => t.id === "K3"); // { where: "role", phrases: [{ text: "klantmanager inkomen", … }], windowYears: 5, … }
 */
export function targetsOf(request: Request): Targets {
  const years = new Set(historyCriteria(request));
  const experience: ExperienceTarget[] = [];
  const education: EducationTarget[] = [];
  for (const c of [...request.knockouts, ...request.awards]) {
    const all = `${c.description} ${c.header ?? ""}`;
    const words = wordsOf(all);
    const isYears = years.has(c.id);
    const isYes = c.valueKind === "yesNo" || c.valueKind === "yesNoNotApplicable";
    const levels = LEVELS.filter((l) => words.includes(l));
    if (isYes && levels.length > 0) {
      const directions = phrasesAfter(c.description, /\brichting\s+(?:van\s+)?/iu);
      education.push({ id: c.id, levels, directions });
      continue;
    }
    const asksExperience = /ervaring|experience|werkzaam/iu.test(all);
    if (!isYears && !(isYes && asksExperience)) continue;
    const windowYears = c.windowYears ?? windowOf(all);
    const role = phrasesAfter(c.description, /\b(?:als|as)\s+/iu);
    const topic = phrasesAfter(c.description, /\b(?:met|with)\s+(?:de|het|the)?\s*/iu);
    const employer = /\b(?:binnen|bij|at|within)\s+(?:een|de|a|an)\s+([\p{L}]+)/iu.exec(
      c.description
    );
    const fromHeader = phrase(headerText(c.header, c.id));
    const phrases = role.length ? role : topic.length ? topic : fromHeader ? [fromHeader] : [];
    if (!phrases.length) continue;
    experience.push({
      id: c.id,
      use: isYears ? "years" : "yes",
      where: role.length ? "role" : "topic",
      phrases,
      employerWord: employer ? employer[1].toLowerCase() : undefined,
      windowYears,
    });
  }
  return { experience, education };
}

/** Whether a text word is a phrase word, allowing a Dutch plural or linking "s" ("klantmanagers"). */
function sameWord(token: string, word: string): boolean {
  if (token === word) return true;
  if (!token.startsWith(word)) return false;
  return ["s", "en", "e", "n", "'s"].includes(token.slice(word.length));
}

/**
 * Whether the words of a text name a phrase: every phrase word as a word of the text, or
 * joined into one compound word ("inkomensconsulent" for "consulent inkomen" and back), or an
 * acronym spelled out ("Sociaal Juridische Dienstverlening" for "SJD").
 *
 * @example
 * namesPhrase(wordsOf("Consulent inkomen"), { text: "inkomensconsulent", words: ["inkomensconsulent"] }); // true
 */
export function namesPhrase(tokens: string[], p: Phrase): boolean {
  const joined = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    joined
      .add(a + b)
      .add(`${a}s${b}`)
      .add(b + a)
      .add(`${b}s${a}`);
  }
  const has = (word: string): boolean => {
    if (/^[A-Z]{2,6}$/.test(word)) {
      const lower = word.toLowerCase();
      if (tokens.includes(lower)) return true;
      for (let i = 0; i + lower.length <= tokens.length; i++)
        if ([...lower].every((ch, k) => tokens[i + k].startsWith(ch))) return true;
      return false;
    }
    return tokens.some((t) => sameWord(t, word)) || joined.has(word);
  };
  if (p.words.every(has)) return true;
  // Two phrase words written as one compound in the text ("inkomensconsulent").
  if (p.words.length === 2) {
    const [a, b] = p.words;
    const compounds = [a + b, `${a}s${b}`, b + a, `${b}s${a}`];
    return tokens.some((t) => compounds.some((c) => sameWord(t, c)));
  }
  return false;
}
