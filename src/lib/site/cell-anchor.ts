/**
 * The id a table cell carries on its report page, so a sentence elsewhere can link to the very
 * number it quotes: table3.newReceived.total → #cell-table3-newReceived-total.
 */
export const cellAnchor = (path: string) => `cell-${path.replaceAll('.', '-')}`;
