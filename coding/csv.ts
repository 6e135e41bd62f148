/** A small CSV reader for our data files: header row, comma separated, double quotes for commas. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '"') {
        if (quoted && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out.map((c) => c.trim());
  };
  const [head, ...rows] = lines;
  if (head === undefined) return [];
  const names = split(head);
  return rows.map((row) => {
    const cells = split(row);
    const rec: Record<string, string> = {};
    names.forEach((n, i) => {
      rec[n] = cells[i] ?? '';
    });
    return rec;
  });
}
