// Which font families this computer has, for the linter's "font not installed" finding. Asked
// once per run of the app; null when the system cannot tell (then the check is skipped).
import { execFile } from 'node:child_process';

let cached: Promise<Set<string> | null> | null = null;

function run(cmd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 15_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout) =>
      resolve(err ? null : stdout),
    );
  });
}

/** Family names in lower case. */
export function installedFonts(): Promise<Set<string> | null> {
  cached ??= (async () => {
    if (process.platform === 'win32') {
      const out = [
        await run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts']),
        await run('reg', ['query', 'HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts']),
      ]
        .filter((x): x is string => x !== null)
        .join('\n');
      if (!out) return null;
      const names = new Set<string>();
      // "    Times New Roman Bold (TrueType)    REG_SZ    timesbd.ttf" → "times new roman"
      for (const line of out.split(/\r?\n/)) {
        const m = /^\s+(.+?)\s+\((?:TrueType|OpenType)\)\s+REG_SZ/i.exec(line);
        if (!m) continue;
        for (const part of m[1]!.split(' & ')) {
          const family = part
            .replace(/\s+(Bold|Italic|Bold Italic|Regular|Light|Semibold|Black)$/i, '')
            .trim()
            .toLowerCase();
          if (family) names.add(family);
        }
      }
      return names.size ? names : null;
    }
    const out = await run('fc-list', [':', 'family']);
    if (!out) return null;
    const names = new Set<string>();
    for (const line of out.split('\n'))
      for (const family of line.split(',')) if (family.trim()) names.add(family.trim().toLowerCase());
    // LibreOffice and Word substitute these metric-compatible pairs silently.
    const aliases: [string, string][] = [
      ['liberation serif', 'times new roman'],
      ['liberation sans', 'arial'],
      ['liberation mono', 'courier new'],
    ];
    for (const [have, also] of aliases) if (names.has(have)) names.add(also);
    return names.size ? names : null;
  })();
  return cached;
}
