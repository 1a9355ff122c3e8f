/**
 * An error in what the user gave us (a file, a feature, a table row, an option), as opposed to a bug.
 * Front ends print `message` alone, without a stack trace, and exit with code 2.
 *
 * `where` names the place: a file path, optionally with a line or a feature index, so the user can
 * open the file and go straight to the fault. `messageZh` is the Simplified Chinese version of the
 * message, shown when the user asks for Chinese output.
 */
export class InputError extends Error {
  readonly where: InputErrorPlace;
  readonly detail: string;
  readonly detailZh: string | undefined;

  constructor(where: InputErrorPlace, detail: string, detailZh?: string) {
    super(`${formatPlace(where)}: ${detail}`);
    this.name = 'InputError';
    this.where = where;
    this.detail = detail;
    this.detailZh = detailZh;
  }

  /** The message in Simplified Chinese (falls back to English where no translation was given). */
  get messageZh(): string {
    return `${formatPlace(this.where)}: ${this.detailZh ?? this.detail}`;
  }
}

/** Where a mistake is: the file, and the line or feature within it. */
export interface InputErrorPlace {
  /** File name or logical source ("--from", "scenario.stations[2]"). */
  file: string;
  /** 1-based line number in a text file. */
  line?: number;
  /** Feature, row or element identifier (e.g. "feature 12", "way 4711", "row id=7"). */
  feature?: string;
}

function formatPlace(p: InputErrorPlace): string {
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.feature !== undefined) s += ` (${p.feature})`;
  return s;
}

/** True for errors caused by user input (print without stack trace, exit 2). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
