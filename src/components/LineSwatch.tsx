import { DASH, type LineStyle } from '../cy';

/** A short sample of an edge's colour and line style, for legend and filters. */
export function LineSwatch({ color, line }: { color: string; line: LineStyle }) {
  return (
    <svg className="line-swatch" width="26" height="10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="25"
        y2="5"
        stroke={color}
        strokeWidth="2.5"
        strokeDasharray={DASH[line].length > 0 ? DASH[line].join(' ') : undefined}
        strokeLinecap="round"
      />
    </svg>
  );
}
