/** The words of the survey report (PDF) in French, English and Vietnamese, as the mail templates keep theirs. */
import type { LabelLang } from '@tandem/shared';

export interface ReportWords {
  report: string; organiser: string; event: string; restitution: string; responses: string;
  answered: { one: string; other: string }; undetailed: string; noDetail: string; noFigure: string; mean: string; median: string;
  meanRank: string; firstPlace: string; freeAnswers: string; conclusion: string; page: string;
}

export const reportWords: Record<LabelLang, ReportWords> = {
  fr: {
    report: 'Rapport de restitution', organiser: 'Organisé par', event: 'Événement', restitution: 'Résultats présentés lors de',
    responses: 'Nombre de réponses', answered: { one: '{n} réponse à cette question', other: '{n} réponses à cette question' },
    undetailed: 'dont {n} sans détail par option', noDetail: 'Le décompte par option n’est pas connu.', noFigure: 'Aucun chiffre n’a été communiqué pour cette question.', mean: 'Moyenne', median: 'Médiane',
    meanRank: 'Rang moyen (1 = premier)', firstPlace: 'Classé en premier', freeAnswers: 'Réponses libres', conclusion: 'Conclusion',
    page: 'Page {i} sur {n}',
  },
  en: {
    report: 'Restitution report', organiser: 'Organised by', event: 'Event', restitution: 'Results presented at',
    responses: 'Number of answers', answered: { one: '{n} answer to this question', other: '{n} answers to this question' },
    undetailed: 'of which {n} without detail per option', noDetail: 'The count per option is not known.', noFigure: 'No figure was reported for this question.', mean: 'Mean', median: 'Median',
    meanRank: 'Mean rank (1 = first)', firstPlace: 'Ranked first', freeAnswers: 'Free answers', conclusion: 'Conclusion',
    page: 'Page {i} of {n}',
  },
  vi: {
    report: 'Báo cáo kết quả', organiser: 'Đơn vị tổ chức', event: 'Sự kiện', restitution: 'Kết quả được trình bày tại',
    responses: 'Số người trả lời', answered: { one: '{n} lượt trả lời câu hỏi này', other: '{n} lượt trả lời câu hỏi này' },
    undetailed: 'trong đó {n} lượt không có chi tiết theo lựa chọn', noDetail: 'Chưa có số liệu theo từng lựa chọn.', noFigure: 'Không có số liệu nào được báo cáo cho câu hỏi này.', mean: 'Trung bình', median: 'Trung vị',
    meanRank: 'Thứ hạng trung bình (1 = cao nhất)', firstPlace: 'Được xếp thứ nhất', freeAnswers: 'Câu trả lời tự do', conclusion: 'Kết luận',
    page: 'Trang {i}/{n}',
  },
};

/** A template's {name} holes filled in. */
export const fill = (t: string, p: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? ''));
