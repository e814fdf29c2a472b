import { LIMITS } from '../../data/limits';
import { formatRowProblem, type RowProblem } from '../../data/import';

/**
 * Problems of an import, in the markup of ProblemList, with warnings marked as such. `total`
 * counts problems beyond those given (the worker sends only the first few hundred).
 */
export function RowProblemList({
  problems,
  total = problems.length,
}: {
  problems: readonly RowProblem[];
  total?: number;
}) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, LIMITS.maxProblemsListed);
  const more = Math.max(total, problems.length) - shown.length;
  return (
    <ul className="problems" data-testid="import-problems">
      {shown.map((p, i) => (
        <li key={i} className={p.level}>
          {p.level === 'warning' ? <span className="level">Note:</span> : null}
          {formatRowProblem(p)}
          {p.repair ? <span className="repair">If imported anyway, {p.repair}.</span> : null}
        </li>
      ))}
      {more > 0 ? <li>…and {more.toLocaleString('en')} more not listed.</li> : null}
    </ul>
  );
}
