import { formatProblem, type Problem } from '../model';

export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ul className="problems" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i}>{formatProblem(p)}</li>
      ))}
    </ul>
  );
}
