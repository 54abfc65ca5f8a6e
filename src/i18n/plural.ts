/** A noun's forms by CLDR plural category; `other` is the fallback every language has. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & {
  readonly other: string;
};

/**
 * "1 errore", "2 errori": a count with the noun form its language's plural rules
 * choose (Intl.PluralRules, CLDR), so each catalogue only lists its own forms.
 */
export function pluralCounter(locale: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(locale);
  return (count, forms) => `${count} ${forms[rules.select(count)] ?? forms.other}`;
}
