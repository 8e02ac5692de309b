/** Test helpers (imported by *.test.ts only): a small survey with a conditional question, as the API takes it. */
import type { SurveyDraft } from '@tandem/shared';

/** Two sections: a yes/no, a scale shown only after « yes » (required), a choice, a free text. */
export function sampleSurvey(extra: Partial<SurveyDraft> = {}): SurveyDraft {
  return {
    organisationId: 'cd93', mode: 'anonymous', title: { fr: 'Bilan des ateliers', en: 'Workshops review', vi: 'Đánh giá các hội thảo' },
    intro: { fr: 'Dites-nous ce que vous en avez pensé.' },
    sections: [
      { title: { fr: 'Participation' }, questions: [
        { key: 'attended', type: 'yes_no', required: true, labels: { fr: 'Avez-vous suivi un atelier ?', en: 'Did you attend a workshop?' } },
        { key: 'useful', type: 'scale', required: true, scaleMin: 1, scaleMax: 5, labels: { fr: 'Utilité de l’atelier' }, condition: { question: 'attended', equals: [true] } },
      ] },
      { title: { fr: 'Suite' }, questions: [
        { key: 'topic', type: 'single', required: false, allowOther: true, category: true, labels: { fr: 'Thème à approfondir' },
          options: [{ value: 'water', labels: { fr: 'Eau', en: 'Water' } }, { value: 'culture', labels: { fr: 'Culture', en: 'Culture' } }] },
        { key: 'remarks', type: 'long_text', labels: { fr: 'Remarques' } },
      ] },
    ],
    ...extra,
  };
}
