import { TEMPLATE_COLUMNS, TEMPLATE_URLS, type TemplateColumn } from '../../data/import';

function ColumnTable({ table, caption }: { table: TemplateColumn['table']; caption: string }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Required</th>
          <th scope="col">What it holds</th>
        </tr>
      </thead>
      <tbody>
        {TEMPLATE_COLUMNS.filter((c) => c.table === table).map((c) => (
          <tr key={c.column}>
            <td>{c.column}</td>
            <td>{c.required ? 'yes' : 'no'}</td>
            <td>{c.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The downloadable templates and what each column means. */
export function TemplateHelp() {
  return (
    <details className="template-help">
      <summary>Templates and the columns the importer reads</summary>
      <p>
        <a className="button" href={TEMPLATE_URLS.agreements} download="agreements-template.csv">
          Download template
        </a>{' '}
        <a
          className="link-button"
          href={TEMPLATE_URLS.institutions}
          download="institutions-template.csv"
        >
          Institutions template (optional)
        </a>
      </p>
      <p className="hint">
        One row per agreement between two parties. Other header names are recognised too
        (“University”, “Partner institution”, “Type of cooperation”, “Signed”…), and you can choose
        the columns by hand in the next step. Save from a spreadsheet as CSV (UTF-8 if offered);
        commas, semicolons, tabs and vertical bars all work.
      </p>
      <ColumnTable table="agreements" caption="Agreements table" />
      <ColumnTable table="institutions" caption="Institutions table (optional)" />
    </details>
  );
}
