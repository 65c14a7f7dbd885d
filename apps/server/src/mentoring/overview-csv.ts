/**
 * CSV as RFC 4180 has it — comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled — plus one guard spreadsheets need: a text field
 * that starts with =, +, -, @, tab or carriage return is prefixed with an apostrophe, so a name
 * like "=HYPERLINK(...)" is shown, not run ("CSV injection"). Numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  // The byte-order mark makes spreadsheet programs read UTF-8 (Zürich, Liège) correctly.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
