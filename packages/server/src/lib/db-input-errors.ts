/**
 * PostgreSQL errors that only bad input can cause (SQLSTATE class 22 "data exception", 54000 "program limit
 * exceeded"): the error handler answers them 400 as a safety net, and logs them — validation should have refused
 * the input first, naming the field.
 */
const INPUT_ERRORS: Record<string, string> = {
  '22P02': 'a value does not have the expected form (e.g. a number)',
  '22003': 'a number is out of the range the database stores',
  '22021': 'a text holds a character the database cannot store (NUL)',
  '22P05': 'a text holds a character the database cannot store (NUL)',
  '22001': 'a text is longer than the database stores',
  '22007': 'a date or time does not have the expected form',
  '22008': 'a date or time is out of range',
  '2201B': 'an invalid regular expression',
  '22025': 'an invalid escape sequence',
  '54000': 'a value is larger than the database can handle',
};

/** The 400 message for a database error caused by input, or null for any other error. */
export function inputErrorOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in INPUT_ERRORS ? `invalid input: ${INPUT_ERRORS[code]}` : null;
}
