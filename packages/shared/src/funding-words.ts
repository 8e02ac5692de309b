/**
 * The funding calls' vocabularies in words (fr, en, vi): beneficiaries, aid types, spending, project stages — one source
 * for the site (web i18n `fc.*`) and the saved searches' e-mails (server `funding/alerts.mail.ts`).
 */
export const callWords = {
  fr: {
    ben: {
      commune: 'communes', epci: 'intercommunalités (EPCI)', departement: 'départements', region: 'régions',
      syndicate: 'syndicats', public_body: 'établissements publics', association: 'associations',
      company: 'entreprises', research: 'recherche', foreign_authority: 'collectivités étrangères',
    },
    aid: {
      grant: 'subvention', loan: 'prêt', repayable_advance: 'avance remboursable', engineering: 'ingénierie',
      technical: 'appui technique', other: 'autre',
    },
    spend: { operating: 'fonctionnement', investment: 'investissement' },
    stage: { idea: 'idée', design: 'conception', implementation: 'mise en œuvre', evaluation: 'évaluation' },
  },
  en: {
    ben: {
      commune: 'municipalities', epci: 'inter-municipal bodies (EPCI)', departement: 'departments',
      region: 'regions', syndicate: 'joint syndicates', public_body: 'public bodies', association: 'associations',
      company: 'companies', research: 'research', foreign_authority: 'foreign local authorities',
    },
    aid: {
      grant: 'grant', loan: 'loan', repayable_advance: 'repayable advance', engineering: 'engineering',
      technical: 'technical support', other: 'other',
    },
    spend: { operating: 'operating', investment: 'investment' },
    stage: { idea: 'idea', design: 'design', implementation: 'implementation', evaluation: 'evaluation' },
  },
  vi: {
    ben: {
      commune: 'xã/thị trấn', epci: 'liên xã (EPCI)', departement: 'tỉnh (département)', region: 'vùng',
      syndicate: 'liên đoàn công ích', public_body: 'cơ quan công', association: 'hiệp hội', company: 'doanh nghiệp',
      research: 'nghiên cứu', foreign_authority: 'chính quyền nước ngoài',
    },
    aid: {
      grant: 'tài trợ không hoàn lại', loan: 'khoản vay', repayable_advance: 'tạm ứng hoàn trả',
      engineering: 'kỹ thuật công trình', technical: 'hỗ trợ kỹ thuật', other: 'khác',
    },
    spend: { operating: 'chi thường xuyên', investment: 'chi đầu tư' },
    stage: { idea: 'ý tưởng', design: 'thiết kế', implementation: 'triển khai', evaluation: 'đánh giá' },
  },
} as const;

export type CallWordGroup = keyof typeof callWords.fr;

/** A vocabulary's value in words, the code itself when unknown. */
export function callWord(lang: string, group: CallWordGroup, value: string): string {
  const l = lang === 'en' || lang === 'vi' ? lang : 'fr';
  return (callWords[l][group] as Record<string, string>)[value] ?? value;
}
