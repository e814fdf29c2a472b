import { useId, useMemo, useState } from 'react';
import { searchInstitutions } from '../filters';
import { centreOn } from '../cy';
import { useAtlas } from '../store';

/** Search as you type over names and aliases; a combobox driven by arrows, Enter and Escape. */
export function SearchBox() {
  const graph = useAtlas((s) => s.graph);
  const search = useAtlas((s) => s.search);
  const setSearch = useAtlas((s) => s.setSearch);
  const selectInstitution = useAtlas((s) => s.selectInstitution);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => (graph ? searchInstitutions(graph, search, 10) : []), [graph, search]);

  const choose = (id: string) => {
    selectInstitution(id);
    setOpen(false);
    centreOn(id);
  };

  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search institutions
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search, e.g. XJTU, PolyU"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            const hit = hits[active];
            if (hit) {
              e.preventDefault();
              choose(hit.id);
            }
          } else if (e.key === 'Escape') {
            if (open) setOpen(false);
            else setSearch('');
          }
        }}
      />
      {open && search.trim() !== '' ? (
        <ul id={listId} role="listbox" className="suggestions" aria-label="Matching institutions">
          {hits.length === 0 ? (
            <li className="no-hit" role="option" aria-selected="false" aria-disabled="true">
              No institution matches “{search}”
            </li>
          ) : (
            hits.map((h, i) => (
              <li
                key={h.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(h.id);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span>{h.label}</span>
                {h.matched ? <span className="alias">{h.matched}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
