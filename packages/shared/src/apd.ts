/**
 * The yearly aid declaration (déclaration annuelle de l'APD des collectivités, téléprocédure e-APD of the
 * MEAE–DAECT): categories with their labels, the theme → category rule used to pre-fill a draft from
 * co-financing lines, and the request schemas.
 */
import { z } from 'zod';
import { amountSchema, currencySchema, idSchema, versionSchema } from './schemas.js';
import { INT4_MAX } from './input-rules.js';

export const apdCategoryIds = [
  'cooperation', 'oudin_water', 'waste_1pct', 'energy_1pct', 'ngo_grants',
  'multilateral', 'awareness', 'refugees', 'scholarships', 'humanitarian',
] as const;
export type ApdCategory = (typeof apdCategoryIds)[number];
export const apdStatuses = ['draft', 'submitted'] as const;
export type ApdStatus = (typeof apdStatuses)[number];

type Labels = { fr: string; en: string; vi: string };
export const apdCategoryLabels: Record<ApdCategory, Labels> = {
  cooperation: { fr: 'Coopération décentralisée et jumelages', en: 'Decentralised cooperation and twinning', vi: 'Hợp tác phi tập trung và kết nghĩa' },
  oudin_water: { fr: '1 % eau et assainissement (loi Oudin-Santini)', en: '1% for water and sanitation (Oudin-Santini law)', vi: '1% cho nước và vệ sinh môi trường (luật Oudin-Santini)' },
  waste_1pct: { fr: '1 % déchets', en: '1% for waste', vi: '1% cho chất thải' },
  energy_1pct: { fr: '1 % énergie', en: '1% for energy', vi: '1% cho năng lượng' },
  ngo_grants: { fr: 'Subventions aux ONG et associations', en: 'Grants to NGOs and associations', vi: 'Tài trợ cho tổ chức phi chính phủ và hiệp hội' },
  multilateral: { fr: 'Contributions multilatérales (organisations internationales)', en: 'Multilateral contributions (international organisations)', vi: 'Đóng góp đa phương (tổ chức quốc tế)' },
  awareness: { fr: 'Éducation au développement et sensibilisation', en: 'Development education and awareness-raising', vi: 'Giáo dục phát triển và nâng cao nhận thức' },
  refugees: { fr: 'Accueil des réfugiés', en: 'Hosting refugees', vi: 'Tiếp nhận người tị nạn' },
  scholarships: { fr: 'Bourses et frais d’écolage', en: 'Scholarships and student costs', vi: 'Học bổng và chi phí đào tạo sinh viên' },
  humanitarian: { fr: 'Aide d’urgence et humanitaire', en: 'Emergency and humanitarian aid', vi: 'Viện trợ khẩn cấp và nhân đạo' },
};

export function apdCategoryLabel(id: string, lang: 'fr' | 'en' | 'vi' = 'fr'): string {
  return (apdCategoryLabels as Record<string, Labels>)[id]?.[lang] ?? id;
}

/** Themes (and their sub-themes) that point to a category; anything else is 'cooperation'. */
const THEME_RULES: Array<[string, ApdCategory]> = [
  ['env.eau-dechets.eau-potable', 'oudin_water'],
  ['env.eau-dechets.assainissement', 'oudin_water'],
  ['env.eau-dechets.formation', 'oudin_water'],
  ['env.eau-dechets.dechets', 'waste_1pct'],
  ['env.eau-dechets', 'oudin_water'],
  ['env.energie', 'energy_1pct'],
  ['urgence.humanitaire', 'humanitarian'],
  ['urgence.reconstruction', 'humanitarian'],
  ['urgence', 'humanitarian'],
  ['sensibilisation', 'awareness'],
];

function categoryOfTheme(theme: string): ApdCategory | null {
  for (const [prefix, category] of THEME_RULES) if (theme === prefix || theme.startsWith(`${prefix}.`)) return category;
  return null;
}

/** The category of a project for the declaration: its first theme (themes are ordered, main first) that maps to one. */
export function apdCategoryForThemes(themes: readonly string[]): ApdCategory {
  for (const t of themes) {
    const c = categoryOfTheme(t);
    if (c) return c;
  }
  return 'cooperation';
}

export const apdCountrySchema = z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. VN')
  .transform((s) => s.toUpperCase());

export const apdLineInput = z.object({
  category: z.enum(apdCategoryIds, { error: `one of: ${apdCategoryIds.join(', ')}` }),
  country: apdCountrySchema.nullable().optional().meta({ description: 'ISO alpha-2; null for lines that are not country-specific (awareness-raising in France…)' }),
  amount: amountSchema.refine((a) => !a.startsWith('-'), 'must not be negative'),
  currency: currencySchema.default('EUR'),
  note: z.string().max(500).nullable().optional(),
  projectId: idSchema.nullable().optional(),
});
export type ApdLineInput = z.output<typeof apdLineInput>;

export const apdDeclarationInput = z.object({
  version: z.number().int().min(0).max(INT4_MAX).meta({ description: 'the version you read; 0 for a draft never saved; a stale one gets 409' }),
  lines: z.array(apdLineInput).max(1000),
});
export type ApdDeclarationInput = z.output<typeof apdDeclarationInput>;

export const apdVersionInput = z.object({ version: versionSchema });
