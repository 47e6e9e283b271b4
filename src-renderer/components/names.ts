interface Named {
  lastName: string;
  firstName: string;
  middleName: string | null;
}

/** "Сейітова Айгүл Маратқызы": family name first, as in school lists. */
export function fullName(p: Named): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** "Айгүл Сейітова": how a person is greeted in the header. */
export function shortName(p: Named): string {
  return `${p.firstName} ${p.lastName}`;
}
