/**
 * Password policy (等保2.0): at least 10 characters, three of the four character classes,
 * and not containing the username. Shared so the web can show the same rule live.
 */
export const passwordMinLength = 10;

export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'containsUsername' | 'tooLong';

export const passwordProblemMessages: Record<PasswordProblem, { zh: string; en: string }> = {
  tooShort: { zh: `密码至少 ${passwordMinLength} 位`, en: `at least ${passwordMinLength} characters` },
  tooLong: { zh: '密码不能超过 128 位', en: 'at most 128 characters' },
  tooFewClasses: {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'at least three of: upper case, lower case, digits, symbols',
  },
  containsUsername: { zh: '密码不能包含用户名', en: 'must not contain the username' },
};

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < passwordMinLength) problems.push('tooShort');
  if (password.length > 128) problems.push('tooLong');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('tooFewClasses');
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('containsUsername');
  }
  return problems;
}
