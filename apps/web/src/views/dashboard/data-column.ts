/** A column of the dashboard's data-table. */
export interface DataColumn {
  key: string;
  label: string;
  align?: 'left' | 'right';
  /** Fixed width, e.g. '90px'; the others share the rest. */
  width?: string;
  sortable?: boolean;
}
