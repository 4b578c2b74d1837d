/**
 * Writes the CV corpus of the CV-intake tests and bench (test/fixtures/cv): fictional CVs
 * as .docx (the `docx` package), varied in layout (one column, two columns as a table or as
 * section columns, work history in a table, dates on the right by a tab, running text, a
 * scan without a text layer), in date forms (every form the extractor reads), in length
 * (1–7 pages) and language (Dutch, English, Dutch with an English section), with or without
 * references ("op aanvraag" too), education with date ranges that are not work. Its truth
 * goes to truth.json.
 *
 * Every .docx is saved once more by LibreOffice Writer (so docProps/app.xml holds <Pages>)
 * and converted to PDF by it; the truth's page count is that PDF's (pdfinfo), and the
 * script checks that <Pages> agrees. Also writes the unreadable files that need LibreOffice
 * to make: an old Word file (.doc) and a PDF with a password (unreadable/).
 *
 * Run (needs soffice and pdfinfo, pdftoppm): node scripts/make-cv-corpus.mjs
 * Deterministic: the same seed gives the same CVs (the files' timestamps differ).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { fileURLToPath } from "url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "test/fixtures/cv");
const FONT = "DejaVu Sans"; // installed with fontconfig wherever LibreOffice is: the page counts must not depend on a substitute

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
let seed = 17040;
/** A number in [0, 1) from a seeded generator (mulberry32). */
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** One element of a list, picked by the seeded generator. */
const pick = (list) => list[Math.floor(rnd() * list.length)];
/** An integer in [a, b]. */
const between = (a, b) => a + Math.floor(rnd() * (b - a + 1));
/** Some distinct elements of a list. */
function some(list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length)
    out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates
const nlFull = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];
const nlAbbr = [
  "jan.",
  "feb.",
  "mrt.",
  "apr.",
  "mei",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "okt.",
  "nov.",
  "dec.",
];
const nlBare = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const nlAbbr2 = [
  "jan.",
  "febr.",
  "mrt.",
  "apr.",
  "mei",
  "juni",
  "juli",
  "aug.",
  "sept.",
  "okt.",
  "nov.",
  "dec.",
];
const enFull = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const enAbbr = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n) => String(n).padStart(2, "0");
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dash = () => pick([" – ", " - ", " – ", " — "]);

/**
 * The date forms: each renders a range (to null = still running) and says whether it keeps
 * the months ("month") or only the years ("year"): the truth follows what is written.
 */
const forms = {
  nlAbbr: {
    p: "month",
    r: (f, t) => `${nlAbbr[f.m - 1]} ${f.y}${dash()}${t ? `${nlAbbr[t.m - 1]} ${t.y}` : "heden"}`,
  },
  nlFull: {
    p: "month",
    r: (f, t) => `${nlFull[f.m - 1]} ${f.y}${dash()}${t ? `${nlFull[t.m - 1]} ${t.y}` : "heden"}`,
  },
  nlBare: {
    p: "month",
    r: (f, t) => `${nlBare[f.m - 1]} ${f.y}${dash()}${t ? `${nlBare[t.m - 1]} ${t.y}` : "nu"}`,
  },
  nlTm: {
    p: "month",
    r: (f, t) => `${nlBare[f.m - 1]} ${f.y} t/m ${t ? `${nlBare[t.m - 1]} ${t.y}` : "heden"}`,
  },
  year: { p: "year", r: (f, t) => `${f.y}${dash()}${t ? t.y : "nu"}` },
  yearPart: { p: "year", r: (f, t) => `${f.y} - ${t ? t.y : "heden"} (parttime)` },
  mmTm: { p: "month", r: (f, t) => `${pad(f.m)}-${f.y} t/m ${t ? `${pad(t.m)}-${t.y}` : "heden"}` },
  mDash: { p: "month", r: (f, t) => `${f.m}-${f.y}${dash()}${t ? `${t.m}-${t.y}` : "nu"}` },
  slash: { p: "month", r: (f, t) => `${pad(f.m)}/${f.y} - ${t ? `${pad(t.m)}/${t.y}` : "heden"}` },
  sinds: { p: "month", open: true, r: (f) => `sinds ${nlFull[f.m - 1]} ${f.y}` },
  vanTot: { p: "year", r: (f, t) => `van ${f.y} tot ${t ? t.y : "heden"}` },
  day: {
    p: "month",
    r: (f, t) =>
      `01-${pad(f.m)}-${f.y}${dash()}${t ? `${lastDay(t.y, t.m)}-${pad(t.m)}-${t.y}` : "heden"}`,
  },
  dashOpen: { p: "month", open: true, r: (f) => `${nlAbbr[f.m - 1]} ${f.y} –` },
  yearOpen: { p: "year", open: true, r: (f) => `${f.y} -` },
  nlCap: {
    p: "month",
    r: (f, t) =>
      `${cap(nlFull[f.m - 1])} ${f.y}${dash()}${t ? `${cap(nlFull[t.m - 1])} ${t.y}` : "Heden"}`,
  },
  nlAbbr2: {
    p: "month",
    r: (f, t) => `${nlAbbr2[f.m - 1]} ${f.y} – ${t ? `${nlAbbr2[t.m - 1]} ${t.y}` : "heden"}`,
  },
  compact: { p: "year", r: (f, t) => `${f.y}-${t ? t.y : "heden"}` },
  enCompact: { p: "year", r: (f, t) => `${f.y}–${t ? t.y : "present"}` },
  enAbbr: {
    p: "month",
    r: (f, t) => `${enAbbr[f.m - 1]} ${f.y} - ${t ? `${enAbbr[t.m - 1]} ${t.y}` : "Present"}`,
  },
  enFull: {
    p: "month",
    r: (f, t) => `${enFull[f.m - 1]} ${f.y}${dash()}${t ? `${enFull[t.m - 1]} ${t.y}` : "current"}`,
  },
  enYear: { p: "year", r: (f, t) => `${f.y}${dash()}${t ? t.y : "present"}` },
};

/** A range in a form, and its truth ("YYYY-MM"): a year-only range runs January to December. */
function range(formName, from, to) {
  let form = forms[formName];
  if (form.open && to) form = forms.nlAbbr;
  const text = form.r(from, to);
  const f = form.p === "year" ? `${from.y}-01` : `${from.y}-${pad(from.m)}`;
  const t = to === null ? null : form.p === "year" ? `${to.y}-12` : `${to.y}-${pad(to.m)}`;
  return { text, from: f, to: t };
}

// ---------------------------------------------------------------------------------------------
// People, employers, roles, tasks (all fictional; the gemeenten are real places)
const firstNames = [
  "Anouk",
  "Bas",
  "Carla",
  "Dirk",
  "Esther",
  "Frank",
  "Gerda",
  "Hans",
  "Ilse",
  "Joost",
  "Karin",
  "Lars",
  "Marieke",
  "Niels",
  "Olga",
  "Pieter",
  "Renate",
  "Sander",
  "Tineke",
  "Ufuk",
  "Vera",
  "Willem",
  "Yasmina",
  "Zoë",
  "Mohamed",
  "Fatima",
  "Kees",
  "Linda",
  "Ruud",
  "Sanne",
  "Thijs",
  "Nadia",
  "Erik",
  "Ingrid",
  "Jeroen",
  "Miriam",
];
const lastNames = [
  "de Vries",
  "Jansen",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "de Graaf",
  "van der Meer",
  "Kok",
  "Jacobs",
  "van Dam",
  "Schouten",
  "Willems",
  "Hoekstra",
  "Koster",
  "Prins",
  "Huisman",
  "Kuipers",
  "van Wijk",
  "Postma",
  "Veenstra",
  "El Amrani",
  "Yılmaz",
];
const places = [
  "Delft",
  "Zwolle",
  "Amersfoort",
  "Utrecht",
  "Leiden",
  "Haarlem",
  "Apeldoorn",
  "Deventer",
  "Gouda",
  "Almere",
  "Breda",
  "Tilburg",
  "Arnhem",
  "Nijmegen",
  "Enschede",
  "Groningen",
  "Leeuwarden",
  "Dordrecht",
  "Zaanstad",
  "Hilversum",
  "Alkmaar",
  "Venlo",
  "Helmond",
  "Schiedam",
];
const agencies = [
  "Kwadraat Interim B.V.",
  "De Brugwachter Detachering",
  "Sociaal Werkt Interim",
  "Loket Plus Advies",
  "Inkomen & Zo B.V.",
  "Rivierland Personeelsdiensten",
  "Publiek Talent Interim",
  "Stadswerk Detachering",
];
const otherEmployers = [
  "Sociale Dienst Groenveld",
  "Intergemeentelijke Sociale Dienst Lekstroom",
  "Werkplein Kanaalzone",
  "UWV-kantoor Noordrand",
  "Zorgverzekeraar Helder",
  "Woningcorporatie Thuisbasis",
  "Bewindvoering Oost B.V.",
  "Stichting Schuldhulp Vooruit",
];
const rolesNl = [
  "Klantmanager Inkomen",
  "Klantmanager inkomen",
  "Inkomensconsulent",
  "Allround inkomensconsulent",
  "Consulent Werk en Inkomen",
  "Medewerker Bijzondere Bijstand",
  "Teamleider Inkomen",
  "Kwaliteitsmedewerker Participatiewet",
  "Functioneel beheerder Civision",
  "Applicatiebeheerder Civision Samenwerken",
  "Schuldhulpverlener",
  "Beleidsmedewerker Participatiewet",
  "Casemanager Werk",
  "Sociaal rechercheur",
  "Medewerker Terugvordering en Verhaal",
  "Senior klantmanager Inkomen",
  "Interim klantmanager inkomen",
  "Administratief medewerker",
];
const rolesEn = [
  "Income Support Officer",
  "Benefits Case Manager",
  "Functional Application Manager (Civision)",
  "Policy Advisor Social Affairs",
  "Team Lead Income Services",
  "Debt Counsellor",
  "Client Manager Income",
];
const tasksNl = [
  "Beoordelen van aanvragen levensonderhoud op grond van de Participatiewet.",
  "Afhandelen van aanvragen bijzondere bijstand en individuele inkomenstoeslag.",
  "Voeren van intake- en heronderzoeksgesprekken met klanten.",
  "Registreren van besluiten en mutaties in Civision Samenwerken.",
  "Opstellen van rapportages en beschikkingen volgens de werkinstructies.",
  "Signaleren van fraude-indicaties en overdragen aan de sociale recherche.",
  "Samenwerken met wijkteams, schuldhulpverlening en werkconsulenten.",
  "Behandelen van bezwaarschriften in de voorfase en het informeel oplossen van geschillen.",
  "Wegwerken van achterstanden in de verwerking van inkomstenopgaven.",
  "Inwerken en coachen van nieuwe collega's binnen het team Inkomen.",
  "Toepassen van de kostendelersnorm en de middelentoets.",
  "Verwerken van maandelijkse wijzigingen en inkomstenverrekeningen.",
  "Deelnemen aan het project voor de invoering van een nieuwe werkwijze rond heronderzoeken.",
  "Testen van nieuwe releases en het bijhouden van parametertabellen in Civision.",
  "Adviseren van de teamleider over knelpunten in wet- en regelgeving.",
  "Afhandelen van terugvorderingen en het opstellen van betalingsregelingen.",
  "Beoordelen van aanvragen in het kader van de Tozo en de Bbz.",
  "Uitvoeren van huisbezoeken bij twijfel over de woonsituatie.",
  "Zorgen voor tijdige afhandeling binnen de wettelijke beslistermijnen.",
  "Meedenken over procesverbeteringen en het actualiseren van werkinstructies.",
  "Bijhouden van dossiers en het bewaken van de kwaliteit van de dienstverlening.",
  "Telefonisch en aan de balie te woord staan van inwoners met vragen over hun uitkering.",
  "Beoordelen van de rechtmatigheid van lopende uitkeringen.",
  "Organiseren van werkoverleggen en het voorzitten van casuïstiekbesprekingen.",
];
const tasksEn = [
  "Assessing applications for social assistance under the Participation Act.",
  "Handling special assistance requests and income supplements.",
  "Conducting intake interviews and periodic reviews with clients.",
  "Recording decisions in the Civision case management system.",
  "Writing reports and formal decisions following local procedures.",
  "Coaching new colleagues and sharing knowledge within the team.",
  "Working closely with neighbourhood teams and debt counselling services.",
  "Improving processes and updating work instructions.",
  "Monitoring legal deadlines and the quality of case files.",
];
const skillsNl = [
  "Participatiewet",
  "Civision Samenwerken",
  "Suite4Sociaal Domein",
  "Gespreksvoering",
  "Motiverende gespreksvoering",
  "Klantgericht werken",
  "Fraudepreventie",
  "Bijzondere bijstand",
  "Schuldhulpverlening",
  "Microsoft Office",
  "Wet kinderopvang",
  "Bbz en Tozo",
];
const coursesNl = [
  (y) => `Cursus Participatiewet actueel (${y})`,
  (y) => `Certificaat Civision Samenwerken, ${y}`,
  (y) => `Training motiverende gespreksvoering – ${y}`,
  (y) => `Cursus Bijzondere bijstand, Divosa Academie (${y})`,
  (y) => `Workshop omgaan met agressie, ${y}`,
];

// ---------------------------------------------------------------------------------------------
// Careers
/** A career: periods backwards from now (November 2026), the first possibly still running. */
function career(n, { open = true, maxMonths = 60, minMonths = 8 } = {}) {
  const out = [];
  let y = 2026;
  let m = 11;
  for (let i = 0; i < n; i++) {
    const isOpen = i === 0 && open;
    let end = { y, m };
    if (!isOpen) {
      const gap = between(0, 3);
      end = addMonths(end, -gap);
    }
    const len = between(minMonths, maxMonths);
    const start = addMonths(end, -len);
    out.push({ from: start, to: isOpen ? null : end });
    const prev = addMonths(start, -1);
    y = prev.y;
    m = prev.m;
  }
  return out;
}
/** A month moved by some months. */
function addMonths({ y, m }, k) {
  const i = y * 12 + (m - 1) + k;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

/** An employer: mostly gemeenten, some agencies and other organisations. */
function employer() {
  const r = rnd();
  if (r < 0.55) return `Gemeente ${pick(places)}`;
  if (r < 0.75) return pick(otherEmployers);
  return `${pick(agencies)} (gedetacheerd bij Gemeente ${pick(places)})`;
}

// ---------------------------------------------------------------------------------------------
// docx helpers
const run = (text, o = {}) => new TextRun({ text, font: FONT, ...o });
const para = (text, o = {}) =>
  new Paragraph({
    children: [run(text, o.run ?? {})],
    spacing: { after: o.after ?? 60 },
    ...(o.p ?? {}),
  });
const bold = (text, o = {}) => para(text, { ...o, run: { bold: true, ...(o.run ?? {}) } });
const heading = (text, o = {}) =>
  new Paragraph({
    children: [run(text, { bold: true, size: 26, color: o.color ?? "1F4E79" })],
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 100 },
    ...(o.p ?? {}),
  });
const bullet = (text) =>
  new Paragraph({ children: [run(text)], bullet: { level: 0 }, spacing: { after: 40 } });
const blank = () => new Paragraph({ children: [] });
const pageBreak = () => new Paragraph({ children: [new PageBreak()] });
/** A table cell holding paragraphs, a given width in twentieths of a point. */
const cell = (children, width, o = {}) =>
  new TableCell({
    children: children.length ? children : [blank()],
    width: { size: width, type: WidthType.DXA },
    ...o,
  });

// ---------------------------------------------------------------------------------------------
// The CV itself
/**
 * One CV from its spec: the docx children and its truth. Spec fields: name, lang ("nl"|"en"),
 * layout, forms (date forms cycled over the periods), periods (count), bullets (per period),
 * refs (a count, "aanvraag" or 0 = no section), edu (education entries), extra flags.
 */
function buildCv(spec) {
  const en = spec.lang === "en";
  const person = spec.person;
  const periods = career(spec.periods, {
    open: spec.open !== false,
    maxMonths: spec.maxMonths ?? 60,
  }).map((p, i) => {
    const formName = spec.forms[i % spec.forms.length];
    const r = range(formName, p.from, p.to);
    const role = en ? pick(rolesEn) : pick(rolesNl);
    const emp = en
      ? pick(["Municipality of " + pick(places), pick(agencies), `City of ${pick(places)}`])
      : employer();
    const tasks = some(en ? tasksEn : tasksNl, spec.bullets);
    return { ...r, role, employer: emp, tasks };
  });
  const truthPeriods = periods.map((p) => ({
    from: p.from,
    to: p.to,
    role: p.role,
    employer: p.employer,
  }));

  // education: ranges that are not work
  const edu = (spec.edu ?? defaultEdu(en, periods)).map((e) => {
    const r = range(e.form, e.from, e.to);
    return { ...r, title: e.title, institution: e.institution, hbo: e.hbo };
  });

  const header = [
    new Paragraph({
      children: [run(person.name, { bold: true, size: 40 })],
      spacing: { after: 80 },
    }),
    para(en ? "Curriculum Vitae" : pick(["Curriculum Vitae", "CV", "Curriculum vitae"]), {
      run: { size: 24, color: "555555" },
    }),
  ];
  const contact = en
    ? [
        `Address: ${person.street}, ${person.city}`,
        `Phone: ${person.phone}`,
        `E-mail: ${person.email}`,
        ...(spec.birth ? [`Date of birth: ${person.birth}`] : []),
      ]
    : [
        `Adres: ${person.street}, ${person.city}`,
        `Telefoon: ${person.phone}`,
        `E-mail: ${person.email}`,
        ...(spec.birth ? [`Geboortedatum: ${person.birth}`] : []),
        ...(spec.driving ? ["Rijbewijs B"] : []),
      ];

  const years = 2026 - Math.min(...periods.map((p) => Number(p.from.slice(0, 4))));
  const profileText = en
    ? `Experienced professional in income support with ${years} years of experience in local government. I combine a thorough knowledge of the Participation Act with a client-centred approach and enjoy improving processes together with colleagues.`
    : pick([
        `Ervaren klantmanager met ${years} jaar ervaring binnen het sociaal domein van gemeenten. Ik ken de Participatiewet door en door en werk graag nauwkeurig, klantgericht en resultaatgericht. Collega's typeren mij als betrokken, zelfstandig en stressbestendig.`,
        `Als inkomensconsulent werk ik al ${years} jaar met veel plezier voor gemeenten. Mijn kracht ligt in het snel doorgronden van complexe dossiers en het helder uitleggen van besluiten aan inwoners. Ik ben een teamspeler die ook goed zelfstandig kan werken.`,
        `Betrokken en daadkrachtige professional in werk en inkomen. In ${years} jaar heb ik ervaring opgedaan met de uitvoering van de Participatiewet, bijzondere bijstand en terugvordering. Ik houd van duidelijke afspraken en een goede samenwerking met ketenpartners.`,
      ]);
  const profile = [
    heading(en ? "Profile" : pick(["Profiel", "Persoonlijk profiel", "Over mij"])),
    para(profileText, { after: 120 }),
  ];
  if (spec.englishSummary)
    profile.push(
      heading("Summary (English)"),
      para(
        `Client manager income with ${years} years of experience in Dutch municipalities, familiar with Civision and the Participation Act.`
      )
    );

  // running text periods (the "prose" layout puts the older history in sentences)
  const prosePeriods = spec.layout === "prose" ? periods.slice(Math.ceil(periods.length / 2)) : [];
  const listed = periods.filter((p) => !prosePeriods.includes(p));
  if (prosePeriods.length) {
    const sentences = prosePeriods.map((p, i) =>
      i % 2 === 0
        ? `${cap(p.text)} werkte ik als ${lower(p.role)} bij ${p.employer}.`
        : `Daarvoor was ik ${cap(p.text).replace(/^./, (c) => c.toLowerCase())} ${lower(p.role)} bij ${p.employer}, met onder meer als taak: ${p.tasks[0].replace(/^./, (c) => c.toLowerCase())}`
    );
    profile.push(heading("Eerdere loopbaan"), para(sentences.join(" "), { after: 120 }));
  }

  const expHeading = heading(
    en
      ? "Work experience"
      : pick([
          "Werkervaring",
          "Werkervaring",
          "Loopbaan",
          "Relevante werkervaring",
          "Arbeidsverleden",
        ])
  );
  const experience = [expHeading, ...experienceBlocks(spec, listed, en)];
  if (spec.breakBeforeEdu) experience.push(pageBreak());

  const education = [
    heading(en ? "Education" : pick(["Opleidingen", "Opleiding", "Opleidingen"])),
    ...edu.flatMap((e) =>
      spec.layout === "table"
        ? [para(`${e.text}  ${e.title}, ${e.institution}`)]
        : spec.eduTwoLines
          ? [bold(e.title), para(`${e.institution}, ${e.text}`)]
          : [
              para(
                `${e.text}  ${e.title} – ${e.institution}${e.diploma === false ? " (geen diploma)" : ""}`
              ),
            ]
    ),
  ];
  const courses = spec.courses
    ? [
        heading(en ? "Courses" : "Cursussen en trainingen"),
        ...some(coursesNl, 3).map((c) => para(c(between(2012, 2025)))),
      ]
    : [];
  const skills = [
    heading(en ? "Skills" : pick(["Vaardigheden", "Kennis en vaardigheden", "Competenties"])),
    ...some(skillsNl, 5).map((s) => bullet(s)),
  ];
  const languages = [
    heading(en ? "Languages" : "Talen"),
    para(
      en
        ? "Dutch – native; English – fluent; German – basic"
        : "Nederlands – moedertaal; Engels – goed; Duits – redelijk"
    ),
  ];

  let referencesBlock = [];
  let references = null;
  if (spec.refs === "aanvraag") {
    references = 0;
    referencesBlock = [
      heading(en ? "References" : "Referenties"),
      para(
        en
          ? "References available on request."
          : pick([
              "Referenties op aanvraag.",
              "Referenties op aanvraag beschikbaar",
              "Referenties zijn op aanvraag beschikbaar.",
            ])
      ),
    ];
  } else if (spec.refs > 0) {
    references = spec.refs;
    const refHead = en
      ? pick(["References", "Referees"])
      : pick(["Referenties", "Referenties", "Referentie"]);
    referencesBlock = [heading(refHead)];
    for (let i = 0; i < spec.refs; i++) {
      const nm = `${pick(["Mw.", "Dhr.", "Mevr."])} ${pick("ABCDEFGHJKLMNPRSTW".split(""))}. ${pick(lastNames)}`;
      const fn = en
        ? pick(["team leader Income", "head of Social Affairs", "senior policy advisor"])
        : pick([
            "teamleider Inkomen",
            "afdelingshoofd Werk en Inkomen",
            "coördinator bijzondere bijstand",
            "manager Sociaal Domein",
          ]);
      const org = `Gemeente ${pick(places)}`;
      const tel = `06-${between(10000000, 99999999)}`;
      if (spec.refsTwoLines) referencesBlock.push(bold(nm), para(`${cap(fn)}, ${org} – ${tel}`));
      else referencesBlock.push(para(`${nm} – ${fn}, ${org}, ${tel}`));
    }
  } else references = null;

  const truth = {
    file: spec.file,
    pages: 0,
    dutch: !en,
    references,
    periods: truthPeriods,
    education: edu.map((e) => ({
      from: e.from,
      to: e.to,
      title: e.title,
      institution: e.institution,
      hbo: e.hbo,
    })),
    readable: true,
    layout: spec.layout,
    forms: [...new Set(spec.forms)],
  };
  return {
    header,
    contact,
    profile,
    experience,
    education,
    courses,
    skills,
    languages,
    referencesBlock,
    truth,
  };
}
/** A role in running text: a small first letter (names inside keep theirs). */
const lower = (s) => s.charAt(0).toLowerCase() + s.slice(1);
/** A string with a capital first letter. */
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Education ranges before the first job. */
function defaultEdu(en, periods) {
  const first = Math.min(...periods.map((p) => Number(p.from.slice(0, 4))));
  const e = first - between(0, 2);
  if (en)
    return [
      {
        form: "enYear",
        from: { y: e - 4, m: 9 },
        to: { y: e, m: 6 },
        title: "Bachelor of Social Work",
        institution: "University of Applied Sciences Utrecht",
        hbo: true,
      },
      {
        form: "enYear",
        from: { y: e - 10, m: 9 },
        to: { y: e - 4, m: 6 },
        title: "Secondary school (VWO)",
        institution: "Erasmus College Zoetermeer",
        hbo: false,
      },
    ];
  const r = rnd();
  const hbo =
    r < 0.4
      ? {
          title: "HBO Sociaal Juridische Dienstverlening (SJD)",
          institution: pick([
            "Hogeschool Utrecht",
            "Hanzehogeschool Groningen",
            "Saxion Hogeschool",
            "Hogeschool Leiden",
          ]),
          hbo: true,
        }
      : r < 0.7
        ? {
            title: "Hbo-bachelor Bestuurskunde",
            institution: pick([
              "Haagse Hogeschool",
              "NHL Stenden Hogeschool",
              "Hogeschool van Arnhem en Nijmegen",
            ]),
            hbo: true,
          }
        : {
            title: "MBO Juridisch medewerker (niveau 4)",
            institution: pick(["ROC Midden Nederland", "ROC Mondriaan", "Albeda College"]),
            hbo: false,
          };
  const form = pick(["year", "nlAbbr", "mmTm", "year", "slash"]);
  return [
    { form, from: { y: e - 4, m: 9 }, to: { y: e, m: 7 }, ...hbo },
    {
      form: "year",
      from: { y: e - 10, m: 8 },
      to: { y: e - 4, m: 7 },
      title: pick(["HAVO", "VWO", "Havo, profiel Economie en Maatschappij"]),
      institution: pick([
        "Stedelijk Lyceum",
        "Christelijk College De Populier",
        "Het Baarnsch Lyceum",
      ]),
      hbo: false,
    },
  ];
}

/** The work history in the spec's layout. */
function experienceBlocks(spec, periods, en) {
  const out = [];
  const L = spec.layout;
  if (L === "table") {
    if (spec.datesLast) {
      const w = [3300, 3700, 2600];
      const row = (cells) => new TableRow({ children: cells.map((c, i) => cell([c], w[i])) });
      out.push(
        new Table({
          width: { size: 9600, type: WidthType.DXA },
          rows: [
            row(["Functie", "Organisatie", "Periode"].map((h) => bold(h))),
            ...periods.map((p) => row([para(p.role), para(p.employer), para(p.text)])),
          ],
        })
      );
      for (const p of periods) {
        out.push(bold(`${p.employer}`, { p: { spacing: { before: 160, after: 60 } } }));
        for (const t of p.tasks) out.push(bullet(t));
      }
      return out;
    }
    const head = en ? ["Period", "Role", "Employer"] : ["Periode", "Functie", "Werkgever"];
    const w = spec.tableTasks ? [2100, 2200, 2300, 3000] : [2600, 3200, 3800];
    const rows = [
      new TableRow({
        tableHeader: true,
        children: [...head, ...(spec.tableTasks ? [en ? "Tasks" : "Werkzaamheden"] : [])].map(
          (h, i) => cell([bold(h)], w[i])
        ),
      }),
      ...periods.map(
        (p) =>
          new TableRow({
            children: [
              cell([para(p.text)], w[0]),
              cell([para(p.role)], w[1]),
              cell([para(p.employer)], w[2]),
              ...(spec.tableTasks
                ? [
                    cell(
                      p.tasks.map((t) => para(t)),
                      w[3]
                    ),
                  ]
                : []),
            ],
          })
      ),
    ];
    out.push(
      new Table({ rows, width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA } })
    );
    if (!spec.tableTasks)
      for (const p of periods) {
        out.push(bold(`${p.role} – ${p.employer}`, { p: { spacing: { before: 160, after: 60 } } }));
        for (const t of p.tasks) out.push(bullet(t));
      }
    return out;
  }
  for (const [i, p] of periods.entries()) {
    const variant = spec.variants ? spec.variants[i % spec.variants.length] : L;
    switch (variant) {
      case "sameline":
      case "twocol-section":
      case "twocol-table":
      case "prose":
        out.push(
          bold(
            pick([
              `${p.text}  ${p.role}, ${p.employer}`,
              `${p.text} | ${p.role} – ${p.employer}`,
              `${p.text}: ${p.role} bij ${p.employer}`,
            ])
          )
        );
        break;
      case "datesfirst":
        out.push(para(p.text, { run: { italics: true } }), bold(p.role), para(p.employer));
        break;
      case "rolefirst":
        out.push(bold(p.role), para(`${p.employer}, ${p.text}`));
        break;
      case "rolefirst3":
        out.push(bold(p.role), para(p.employer), para(p.text, { run: { color: "666666" } }));
        break;
      case "employerfirst":
        out.push(bold(`${p.employer}, ${p.role}`), para(p.text));
        break;
      case "roleparen":
        out.push(bold(`${p.role} bij ${p.employer} (${p.text})`));
        break;
      case "tabright":
        out.push(
          new Paragraph({
            children: [run(`${p.role}, ${p.employer}`, { bold: true }), run(`\t${p.text}`)],
            tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
            spacing: { before: 120, after: 40 },
          })
        );
        break;
      default:
        throw new Error(`unknown layout ${variant}`);
    }
    for (const t of p.tasks) out.push(bullet(t));
    for (let k = 0; k < (spec.projects ?? 0); k++)
      out.push(
        para(
          `${en ? "Project" : pick(["Project", "Resultaat", "Toelichting"])}: ${some(en ? tasksEn : tasksNl, 3).join(" ")}`,
          { after: 140 }
        )
      );
  }
  return out;
}

/** The document of a CV: the sections in its layout's order. */
function documentOf(spec, cv) {
  const styles = {
    default: {
      document: { run: { font: FONT, size: spec.size ?? 20 } },
      heading2: { run: { font: FONT, size: 26, bold: true } },
    },
  };
  const contactParas = cv.contact.map((c) => para(c));
  const body = [
    ...cv.profile,
    ...(spec.eduFirst ? [...cv.education, ...cv.experience] : [...cv.experience, ...cv.education]),
    ...cv.courses,
    ...(spec.layout === "twocol-table" ? [] : [...cv.skills, ...cv.languages]),
    ...cv.referencesBlock,
  ];
  if (spec.layout === "twocol-table") {
    const left = [heading("Personalia"), ...contactParas, ...cv.skills, ...cv.languages];
    const table = new Table({
      borders: TableBorders.NONE,
      width: { size: 9600, type: WidthType.DXA },
      rows: [
        new TableRow({
          children: [cell(left, 3000, { shading: { fill: "EAF1F8" } }), cell(body, 6600)],
        }),
      ],
    });
    return new Document({
      creator: "AwardScore corpus",
      styles,
      sections: [{ children: [...cv.header, table] }],
    });
  }
  if (spec.layout === "twocol-section")
    return new Document({
      creator: "AwardScore corpus",
      styles,
      sections: [
        { children: [...cv.header, ...contactParas] },
        {
          properties: { type: SectionType.CONTINUOUS, column: { count: 2, space: 567 } },
          children: body,
        },
      ],
    });
  const margins = spec.footer
    ? {
        headers: {
          default: new Header({
            children: [
              para(`Curriculum vitae ${spec.person.name}`, { run: { size: 16, color: "777777" } }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  run("Pagina ", { size: 16 }),
                  run("", { size: 16, children: [PageNumber.CURRENT] }),
                  run(" van ", { size: 16 }),
                  run("", { size: 16, children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
      }
    : {};
  return new Document({
    creator: "AwardScore corpus",
    styles,
    sections: [{ ...margins, children: [...cv.header, ...contactParas, ...body] }],
  });
}

// ---------------------------------------------------------------------------------------------
// The specs
/** A fictional person. */
function person(i) {
  // the later additions (i ≥ 36) take other pairs, so no name comes twice
  const name =
    i < 36
      ? `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`
      : `${firstNames[(i * 5 + 2) % firstNames.length]} ${lastNames[(i * 11 + 4) % lastNames.length]}`;
  const slug = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".");
  return {
    name,
    street: `${pick(["Lindelaan", "Kerkstraat", "Molenweg", "Dorpsstraat", "Stationsplein", "Beukenhof"])} ${between(1, 140)}`,
    city: `${between(1000, 9999)} ${pick(["AB", "CD", "KL", "RS", "XZ"])} ${pick(places)}`,
    phone: `06-${between(1000, 9999)} ${between(1000, 9999)}`,
    email: `${slug}@voorbeeldmail.nl`,
    birth: `${pad(between(1, 28))}-${pad(between(1, 12))}-${between(1962, 1995)}`,
  };
}

const S = [];
/** Adds a spec with defaults. */
function add(o) {
  const i = S.length;
  const p = person(i);
  const slug = p.name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/ +/g, "-");
  S.push({
    lang: "nl",
    bullets: 3,
    refs: 2,
    courses: false,
    birth: false,
    ...o,
    person: p,
    file: `cv${pad(i + 1)}-${slug}.docx`,
  });
}

// 1-page and short CVs
add({ layout: "sameline", forms: ["nlAbbr"], periods: 3, bullets: 1, refs: "aanvraag" });
add({
  layout: "datesfirst",
  forms: ["year", "year"],
  periods: 3,
  bullets: 1,
  refs: 0,
  open: false,
});
add({
  layout: "sameline",
  forms: ["sinds", "mmTm", "mmTm"],
  periods: 3,
  bullets: 1,
  refs: 1,
  birth: true,
});
add({ layout: "rolefirst", forms: ["yearOpen", "year", "year"], periods: 3, bullets: 1, refs: 2 });
add({ layout: "roleparen", forms: ["nlFull"], periods: 3, bullets: 2, refs: 2, driving: true });
// two pages
add({ layout: "table", forms: ["mmTm"], periods: 5, bullets: 3, refs: 2 });
add({
  layout: "twocol-table",
  forms: ["nlAbbr", "nlBare"],
  periods: 5,
  bullets: 3,
  refs: 2,
  birth: true,
});
add({ layout: "twocol-section", forms: ["year"], periods: 5, bullets: 5, refs: "aanvraag" });
add({ layout: "tabright", forms: ["slash"], periods: 5, bullets: 3, refs: 3, courses: true });
add({ layout: "datesfirst", forms: ["mDash"], periods: 5, bullets: 3, refs: 2, eduTwoLines: true });
add({ layout: "rolefirst3", forms: ["day"], periods: 5, bullets: 3, refs: 1, courses: true });
add({
  layout: "employerfirst",
  forms: ["dashOpen", "nlTm"],
  periods: 5,
  bullets: 3,
  refs: 2,
  birth: true,
});
add({
  layout: "prose",
  forms: ["sinds", "nlAbbr", "vanTot", "vanTot", "vanTot"],
  periods: 6,
  bullets: 4,
  projects: 1,
  refs: 0,
});
add({
  layout: "sameline",
  forms: ["year", "yearPart", "year"],
  periods: 5,
  bullets: 3,
  refs: 2,
  englishSummary: true,
});
// three to four pages
add({
  layout: "table",
  forms: ["nlFull", "nlAbbr"],
  periods: 7,
  bullets: 6,
  projects: 1,
  refs: 3,
  tableTasks: true,
  courses: true,
});
add({
  layout: "twocol-table",
  forms: ["year"],
  periods: 7,
  bullets: 6,
  refs: "aanvraag",
  projects: 2,
});
add({
  layout: "twocol-section",
  forms: ["nlAbbr", "mmTm"],
  periods: 8,
  bullets: 6,
  projects: 1,
  refs: 2,
  courses: true,
});
add({
  layout: "datesfirst",
  forms: ["sinds", "nlFull", "day"],
  periods: 7,
  bullets: 7,
  projects: 1,
  refs: 2,
  variants: ["datesfirst", "rolefirst3"],
  breakBeforeEdu: true,
});
add({
  layout: "tabright",
  forms: ["yearOpen", "yearPart", "year"],
  periods: 7,
  bullets: 7,
  refs: 2,
  projects: 2,
});
add({
  layout: "rolefirst",
  forms: ["nlBare", "nlTm", "slash"],
  periods: 7,
  bullets: 7,
  projects: 1,
  refs: 0,
  courses: true,
  birth: true,
});
add({
  layout: "sameline",
  forms: ["mDash", "mmTm"],
  periods: 8,
  bullets: 7,
  projects: 1,
  refs: 3,
  variants: ["sameline", "roleparen", "employerfirst"],
});
add({
  layout: "prose",
  forms: ["nlBare", "nlFull", "vanTot", "year", "vanTot", "year"],
  periods: 7,
  bullets: 6,
  refs: 2,
  projects: 2,
});
// five pages
add({
  layout: "datesfirst",
  forms: ["nlAbbr", "nlAbbr", "slash"],
  periods: 9,
  bullets: 8,
  refs: 2,
  projects: 2,
  courses: true,
  breakBeforeEdu: true,
});
add({
  layout: "table",
  forms: ["year", "yearPart"],
  periods: 9,
  bullets: 8,
  refs: "aanvraag",
  tableTasks: true,
  projects: 2,
});
add({
  layout: "rolefirst3",
  forms: ["sinds", "day", "mmTm"],
  periods: 9,
  bullets: 8,
  refs: 3,
  projects: 2,
  courses: true,
});
add({
  layout: "twocol-table",
  forms: ["nlFull"],
  periods: 9,
  bullets: 8,
  refs: 2,
  projects: 2,
  courses: true,
});
// more than five pages
add({
  layout: "sameline",
  forms: ["nlAbbr", "mDash", "nlTm"],
  periods: 10,
  bullets: 7,
  refs: 2,
  projects: 3,
  courses: true,
  maxMonths: 30,
});
add({
  layout: "tabright",
  forms: ["nlBare", "slash", "year"],
  periods: 11,
  bullets: 7,
  refs: 3,
  projects: 3,
  courses: true,
  maxMonths: 28,
  breakBeforeEdu: true,
});
add({
  layout: "datesfirst",
  forms: ["sinds", "mmTm", "day", "nlFull"],
  periods: 14,
  bullets: 7,
  refs: 2,
  projects: 3,
  courses: true,
  maxMonths: 24,
  variants: ["datesfirst", "rolefirst", "employerfirst"],
});
add({
  layout: "twocol-section",
  forms: ["nlAbbr", "year"],
  periods: 12,
  bullets: 7,
  refs: 2,
  projects: 3,
  courses: true,
  maxMonths: 24,
});
// English, and Dutch with English date words
add({ lang: "en", layout: "sameline", forms: ["enAbbr"], periods: 4, bullets: 2, refs: 2 });
add({
  lang: "en",
  layout: "datesfirst",
  forms: ["enFull", "enYear"],
  periods: 5,
  bullets: 3,
  refs: "aanvraag",
});
add({ lang: "en", layout: "table", forms: ["enAbbr", "slash"], periods: 6, bullets: 3, refs: 0 });
add({
  lang: "en",
  layout: "tabright",
  forms: ["enFull"],
  periods: 7,
  bullets: 4,
  refs: 3,
  projects: 1,
});
add({
  layout: "rolefirst",
  forms: ["enAbbr", "enFull", "enYear"],
  periods: 4,
  bullets: 3,
  refs: 2,
  englishSummary: true,
});
// the scan (built from a text CV rendered to images)
add({ layout: "sameline", forms: ["nlAbbr", "year"], periods: 4, bullets: 3, refs: 2, scan: true });

// Later additions, from a seed of their own (so the CVs above stay as they were): education
// before work, a header and page-number footer, dates in the last table column, more forms.
const firstBatch = S.length;
const seedAfterFirst = seed;
seed = 4711;
add({
  layout: "sameline",
  forms: ["nlAbbr2", "compact", "nlAbbr2"],
  periods: 6,
  bullets: 4,
  refs: 2,
  eduFirst: true,
  footer: true,
  variants: ["datesfirst", "sameline"],
});
add({
  layout: "table",
  forms: ["nlCap", "compact"],
  periods: 6,
  bullets: 4,
  refs: "aanvraag",
  datesLast: true,
  footer: true,
});
add({
  layout: "rolefirst",
  forms: ["nlAbbr2", "nlCap", "day", "compact"],
  periods: 13,
  bullets: 8,
  projects: 3,
  refs: 3,
  footer: true,
  eduFirst: true,
  courses: true,
  maxMonths: 30,
  variants: ["rolefirst", "tabright", "roleparen"],
});
add({
  lang: "en",
  layout: "sameline",
  forms: ["enCompact", "enAbbr"],
  periods: 5,
  bullets: 3,
  refs: 2,
  eduFirst: true,
  footer: true,
  variants: ["datesfirst", "rolefirst3"],
});
seed = seedAfterFirst;

// ---------------------------------------------------------------------------------------------
/** Runs LibreOffice once over some files. */
function soffice(args, cwd) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cv-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], {
      cwd,
      stdio: "pipe",
      timeout: 600_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
/** A PDF's page count (pdfinfo). */
function pdfPages(file) {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(out)[1]);
}
/** The <Pages> of a .docx's docProps/app.xml, or null. */
function appPages(file) {
  const zip = unzipSync(fs.readFileSync(file), { filter: (f) => f.name === "docProps/app.xml" });
  const xml = zip["docProps/app.xml"] ? strFromU8(zip["docProps/app.xml"]) : "";
  const m = /<Pages>(\d+)<\/Pages>/.exec(xml);
  return m ? Number(m[1]) : null;
}

/**
 * A .docx's bytes with <Pages> in docProps/app.xml, as Word writes it. LibreOffice 7.4 leaves
 * it out when it converts headless (and its ODF statistics count before the layout is done),
 * so the count is its PDF's.
 */
function withPages(file, pages) {
  const entries = unzipSync(fs.readFileSync(file));
  const app = strFromU8(entries["docProps/app.xml"]);
  if (/<Pages>/.test(app)) throw new Error(`${file} has <Pages> already`);
  entries["docProps/app.xml"] = strToU8(
    app.replace("</Properties>", `<Pages>${pages}</Pages></Properties>`)
  );
  return zipSync(entries, { level: 9 });
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cv-corpus-"));
  const raw = path.join(work, "raw");
  const rt = path.join(work, "rt");
  const pdf = path.join(work, "pdf");
  for (const d of [raw, rt, pdf]) fs.mkdirSync(d);
  const truths = [];
  const scanSpecs = [];
  for (const [i, spec] of S.entries()) {
    if (i === firstBatch) seed = 4712;
    const cv = buildCv(spec);
    const doc = documentOf(spec, cv);
    const name = spec.scan ? spec.file.replace(".docx", "-tekst.docx") : spec.file;
    fs.writeFileSync(path.join(raw, name), await Packer.toBuffer(doc));
    truths.push(cv.truth);
    if (spec.scan) scanSpecs.push({ spec, textName: name, truth: cv.truth });
  }
  // the scan: the text CV to PDF, its pages to grey images, the images in a .docx of their own
  for (const { spec, textName, truth } of scanSpecs) {
    const sdir = path.join(work, "scan");
    fs.mkdirSync(sdir, { recursive: true });
    soffice(["--convert-to", "pdf", "--outdir", sdir, path.join(raw, textName)]);
    const base = path.join(sdir, "page");
    execFileSync("pdftoppm", [
      "-r",
      "90",
      "-gray",
      "-png",
      path.join(sdir, textName.replace(".docx", ".pdf")),
      base,
    ]);
    const images = fs
      .readdirSync(sdir)
      .filter((f) => f.startsWith("page") && f.endsWith(".png"))
      .sort();
    const children = images.map(
      (img, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: "png",
              data: fs.readFileSync(path.join(sdir, img)),
              transformation: { width: 595, height: 842 },
            }),
            ...(i < images.length - 1 ? [new PageBreak()] : []),
          ],
        })
    );
    const doc = new Document({
      creator: "AwardScore corpus",
      sections: [
        { properties: { page: { margin: { top: 0, bottom: 0, left: 0, right: 0 } } }, children },
      ],
    });
    fs.rmSync(path.join(raw, textName));
    fs.writeFileSync(path.join(raw, spec.file), await Packer.toBuffer(doc));
    Object.assign(truth, {
      readable: false,
      dutch: true,
      references: null,
      periods: [],
      education: [],
      layout: "scan",
      forms: [],
      reason: "noText",
    });
  }
  // save every .docx once more by LibreOffice (docProps/app.xml gets <Pages>), then to PDF
  const files = S.map((s) => path.join(raw, s.file));
  soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", rt, ...files]);
  soffice(["--convert-to", "pdf", "--outdir", pdf, ...S.map((s) => path.join(rt, s.file))]);
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.endsWith(".docx")) fs.rmSync(path.join(outDir, f));
  const problems = [];
  for (const [i, spec] of S.entries()) {
    const pages = pdfPages(path.join(pdf, spec.file.replace(".docx", ".pdf")));
    const app = appPages(path.join(rt, spec.file));
    if (app !== null && app !== pages) problems.push(`${spec.file}: <Pages> ${app}, PDF ${pages}`);
    truths[i].pages = pages;
    fs.writeFileSync(path.join(outDir, spec.file), withPages(path.join(rt, spec.file), pages));
  }
  // the unreadable files LibreOffice makes: an old Word file and a PDF with a password
  const unreadable = path.join(outDir, "unreadable");
  fs.mkdirSync(unreadable, { recursive: true });
  const donor = path.join(rt, S[0].file);
  const docDir = path.join(work, "doc");
  soffice(["--convert-to", "doc:MS Word 97", "--outdir", docDir, donor]);
  fs.copyFileSync(
    path.join(docDir, S[0].file.replace(".docx", ".doc")),
    path.join(unreadable, "oud-word.doc")
  );
  const encDir = path.join(work, "enc");
  const enc = {
    EncryptFile: { type: "boolean", value: "true" },
    DocumentOpenPassword: { type: "string", value: "geheim" },
  };
  soffice([
    "--convert-to",
    `pdf:writer_pdf_Export:${JSON.stringify(enc)}`,
    "--outdir",
    encDir,
    path.join(rt, S[1].file),
  ]);
  fs.copyFileSync(
    path.join(encDir, S[1].file.replace(".docx", ".pdf")),
    path.join(unreadable, "beveiligd.pdf")
  );

  const truthFile = {
    about:
      "The truth of the CV corpus (scripts/make-cv-corpus.mjs). Per CV: pages (LibreOffice's PDF of the .docx, the same as its <Pages>), dutch, references (entries in the references section; 0 = 'op aanvraag'; null = no section), periods (work only; from/to 'YYYY-MM', to null = still running; a year-only date runs January to December), education (ranges that are not work), readable (false: no text layer).",
    cvs: truths,
    unreadable: [
      { file: "unreadable/oud-word.doc", code: "oldWord" },
      { file: "unreadable/beveiligd.pdf", code: "encrypted" },
    ],
  };
  fs.writeFileSync(path.join(outDir, "truth.json"), JSON.stringify(truthFile, null, 1) + "\n");
  fs.rmSync(work, { recursive: true, force: true });
  const byPages = {};
  for (const t of truths) byPages[t.pages] = (byPages[t.pages] ?? 0) + 1;
  console.log(
    `${truths.length} CVs; pages: ${JSON.stringify(byPages)}; periods: ${truths.reduce((a, t) => a + t.periods.length, 0)}`
  );
  if (problems.length) {
    console.error(`<Pages> differs from the PDF:\n${problems.join("\n")}`);
    process.exitCode = 1;
  }
}

await main();
