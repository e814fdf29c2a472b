import type { AnyProgress, ParseProgress } from '../../data/import';

/** What is being done, for people: "Checking the rows". */
function describe(progress: Exclude<AnyProgress, ParseProgress>): string {
  switch (progress.phase) {
    case 'checking':
      return 'Checking the rows';
    case 'building':
      return 'Building the graph';
    case 'validating':
      return 'Validating the graph';
    case 'merging':
      return 'Merging into the current graph';
    case 'saving':
      return 'Saving in this browser';
    case 'opening':
      return 'Opening the dataset';
  }
}

/**
 * A progress bar with its label and percentage. Without `done` the bar is indeterminate: a
 * step that cannot say how far it is (validating, saving).
 */
export function ProgressLine(props: { label: string; done: number | null; total: number }) {
  const known = props.done !== null && props.total > 0;
  const percent = known ? Math.min(100, Math.round((100 * (props.done ?? 0)) / props.total)) : null;
  return (
    <div className="import-progress" role="status">
      <span>
        {props.label}…{percent !== null ? ` ${percent}%` : ''}
      </span>
      <progress
        aria-label={props.label}
        max={known ? props.total : undefined}
        value={known ? (props.done ?? 0) : undefined}
      />
    </div>
  );
}

/** The progress of a check or a commit, as a ProgressLine. */
export function StepProgress({ progress }: { progress: Exclude<AnyProgress, ParseProgress> }) {
  const indeterminate: readonly string[] = ['validating', 'merging', 'saving'];
  return (
    <ProgressLine
      label={describe(progress)}
      done={indeterminate.includes(progress.phase) ? null : progress.done}
      total={progress.total}
    />
  );
}
