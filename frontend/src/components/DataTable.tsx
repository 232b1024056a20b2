import type { ReactNode } from 'react'

/** One column of a DataTable: its header and how a row fills its cell. */
export interface Column<Row> {
  /** The header text; on a phone (`table-cards`) also the label in front of the cell. */
  header: string
  cell: (row: Row) => ReactNode
  /** A header only screen readers read and no label on a phone: for a column of buttons. */
  hiddenHeader?: boolean
  className?: string
}

interface Props<Row> {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** Read by screen readers only; leave it out where the table sits in a labelled group or section. */
  caption?: string
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: string
  /** The first column names its row (`<th scope="row">`); off for a log whose rows have no name. */
  rowHeaders?: boolean
  className?: string
}

/** A table of rows by columns, with the markup every list table shares; it becomes cards on a phone. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  empty,
  rowHeaders = true,
  className = 'table table-cards table-compact',
}: Props<Row>) {
  if (empty !== undefined && rows.length === 0) return <p className="muted">{empty}</p>
  return (
    <table className={className}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => {
              const Cell = rowHeaders && index === 0 ? 'th' : 'td'
              return (
                <Cell
                  key={column.header}
                  scope={Cell === 'th' ? 'row' : undefined}
                  data-label={column.hiddenHeader ? undefined : column.header}
                  className={column.className}
                >
                  {column.cell(row)}
                </Cell>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
