import { centreOn } from '../cy';
import { useAtlas } from '../store';
import { InstitutionCombobox } from './InstitutionCombobox';

/** Toolbar search: choosing an institution selects it, centres it and opens its details. */
export function SearchBox() {
  const search = useAtlas((s) => s.search);
  const setSearch = useAtlas((s) => s.setSearch);
  const selectInstitution = useAtlas((s) => s.selectInstitution);
  return (
    <InstitutionCombobox
      label="Search institutions"
      placeholder="Search, e.g. XJTU, PolyU"
      value={search}
      onChange={setSearch}
      onChoose={(id) => {
        selectInstitution(id);
        centreOn(id);
      }}
    />
  );
}
