import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import type { RequestView } from "../model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    "& dd": { margin: 0 },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Props of {@link RequestSummary}. */
export interface RequestSummaryProps {
  strings: Strings;
  request: RequestView;
  /** Selects the `Aanvraag` sheet in Excel. */
  onEditRequest: () => void;
}

/** The request at a glance: number, title, peildatum (and the listing's date), max rate, top N and the criteria with their points. */
export function RequestSummary({ strings, request, onEditRequest }: RequestSummaryProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="request-title">
      <Subtitle2 as="h2" id="request-title">
        {strings.requestHeading(request.id, request.title)}
      </Subtitle2>
      <dl className={styles.facts}>
        {request.organisation && (
          <>
            <dt>{strings.organisation}</dt>
            <dd>{request.organisation}</dd>
          </>
        )}
        <dt>{strings.referenceDate}</dt>
        <dd>
          {strings.formatDate(request.referenceDate)}
          {request.referenceIsDeadline && ` ${strings.referenceDateIsDeadline}`}
        </dd>
        {request.listingClosingMoment && (
          <>
            <dt>{strings.listingClosingMoment}</dt>
            <dd>
              {strings.formatDate(request.listingClosingMoment.slice(0, 10))}{" "}
              {request.listingClosingMoment.slice(11)} {strings.listingClosingNotUsed}
            </dd>
          </>
        )}
        <dt>{strings.maxRate}</dt>
        <dd>{strings.formatEuro(request.maxRate)}</dd>
        <dt>{strings.topN}</dt>
        <dd>{request.topN}</dd>
      </dl>
      <Caption1 as="h3">{strings.knockoutsHeading}</Caption1>
      <ul className={styles.list}>
        {request.knockouts.map((k) => (
          <li key={k.id}>
            <Body1>
              {k.id} {k.description}
            </Body1>
          </li>
        ))}
      </ul>
      {request.cvRequirements.length > 0 && (
        <>
          <Caption1 as="h3">
            {strings.cvRequirementsHeading(request.cvRequirementsExclude)}
          </Caption1>
          <ul className={styles.list}>
            {request.cvRequirements.map((k) => (
              <li key={k.id}>
                <Body1>
                  {strings.cvRequirement(k.id)} {k.description}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Caption1 as="h3">{strings.awardsHeading}</Caption1>
      <ul className={styles.list}>
        {request.awards.map((a) => (
          <li key={a.id}>
            <Body1>
              {a.id} {a.description} ({strings.points(a.points)})
            </Body1>
          </li>
        ))}
      </ul>
      <Link as="button" onClick={onEditRequest}>
        {strings.editRequest}
      </Link>
    </section>
  );
}
