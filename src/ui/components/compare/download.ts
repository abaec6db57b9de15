// Saves text as a file through a temporary link (no server involved: everything stays in the browser).
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "minerisk-compare-seed-1-10000-paths.csv": lower case, words joined by '-'. */
export function fileName(parts: (string | number)[], ext: string): string {
  const slug = parts.map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean).join('-');
  return `${slug || 'minerisk'}.${ext}`;
}
