import { useId, useMemo, useState } from 'react';
import { loadSearch, searchCode, type SearchCode } from '../filters';
import { useAtlas } from '../store';

/**
 * Search's code, loaded on first need (focus, pointing, typing): the code while loaded,
 * 'failed' if it could not be fetched, null while it is on its way or not yet wanted.
 */
function useSearchCode(): [SearchCode | 'failed' | null, () => void] {
  const [code, setCode] = useState<SearchCode | 'failed' | null>(searchCode);
  const need = () => {
    if (code !== null && code !== 'failed') return;
    loadSearch().then(
      () => setCode(searchCode()),
      () => setCode('failed'),
    );
  };
  return [code, need];
}

/**
 * A search-as-you-type combobox over institution names and aliases, driven by arrows, Enter and
 * Escape. Used by the toolbar search and the "connection to" picker.
 */
export function InstitutionCombobox(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  onChoose(id: string): void;
  className?: string;
}) {
  const graph = useAtlas((s) => s.graph);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const { value, onChange, onChoose } = props;
  const [code, needCode] = useSearchCode();
  const ready = code !== null && code !== 'failed';
  const hits = useMemo(
    () => (graph && ready ? code.searchInstitutions(graph, value, 10) : []),
    [graph, value, code, ready],
  );

  const choose = (id: string) => {
    setOpen(false);
    onChoose(id);
  };

  return (
    <div className={`search ${props.className ?? ''}`} onPointerEnter={needCode}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={props.placeholder}
        value={value}
        autoComplete="off"
        onChange={(e) => {
          needCode();
          onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          needCode();
          setOpen(true);
        }}
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
            else onChange('');
          }
        }}
      />
      {open && value.trim() !== '' && code !== null ? (
        <ul
          id={listId}
          role="listbox"
          className="suggestions"
          aria-label={`${props.label}: matches`}
        >
          {code === 'failed' ? (
            <li className="no-hit" role="option" aria-selected="false" aria-disabled="true">
              Search could not load: is the connection down? It tries again as you type.
            </li>
          ) : hits.length === 0 ? (
            <li className="no-hit" role="option" aria-selected="false" aria-disabled="true">
              No institution matches “{value}”
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
