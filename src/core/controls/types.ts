/** Rows of the generated catalogue files: id, title and, below the top level, the parent's id. */
export type ControlRow = readonly [id: string, title: string, parent?: string];

/** A row of the ISO/IEC 27001:2013 table: the 2013 id, its 2013 name and the 2022 ids it became. */
export type Iso2013Row = readonly [id: string, title: string, becomes: readonly string[]];
