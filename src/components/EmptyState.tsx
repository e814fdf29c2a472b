import { isDefaultFilters } from '../filters';
import { selectVisible, useAtlas } from '../store';

export function EmptyState() {
  const graph = useAtlas((s) => s.graph);
  const visible = useAtlas(selectVisible);
  const filters = useAtlas((s) => s.filters);
  const clearFilters = useAtlas((s) => s.clearFilters);
  if (!graph || visible.nodes.size > 0) return null;
  return (
    <div className="empty-state" role="status">
      <p>
        {isDefaultFilters(filters)
          ? 'This graph has no institutions to show.'
          : 'No institution or agreement matches these filters.'}
      </p>
      {!isDefaultFilters(filters) ? (
        <button type="button" className="button" onClick={clearFilters}>
          Clear all filters
        </button>
      ) : null}
    </div>
  );
}
