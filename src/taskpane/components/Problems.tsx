import { Body1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { ProblemView } from "../model";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  strings: Strings;
  problems: ProblemView[];
  /** Selects the problem's cell in Excel. */
  onSelect: (sheet: string, cell: string) => void;
  /** Whether to show a heading with the count (not inside an error bar). */
  heading?: boolean;
}

/** Problems at cells: each address is a link that selects the cell in Excel. */
export function ProblemList({ strings, problems, onSelect, heading = true }: ProblemListProps) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <section aria-label={strings.problemsHeading(problems.length)}>
      {heading && <Subtitle2 as="h2">{strings.problemsHeading(problems.length)}</Subtitle2>}
      <ul className={styles.list}>
        {problems.map((p, i) => (
          <li key={`${p.sheet}!${p.cell}#${i}`}>
            <Link as="button" onClick={() => onSelect(p.sheet, p.cell)}>
              {strings.problemLink(p.sheet, p.cell)}
            </Link>{" "}
            <Body1>{p.message}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
