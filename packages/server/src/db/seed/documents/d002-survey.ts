/**
 * Seed 002 — the survey of the participants in the 12th Assises (Hanoï, 2023), whose results CUF presented at the
 * online restitution of 9 June 2023. Its answers were collected in another tool: only what the document reports is
 * recorded (answers per question, the yes/no counts of one question, the organisers' readings « → … » and the free
 * answers it lists, each paraphrased). The question on meeting partners in Hanoï gives no figure.
 */
import type { SurveyDraft } from '@tandem/shared';

const yesNo = { type: 'yes_no' as const, options: [] };

export const d002Survey: { doc: string; status: 'closed'; draft: SurveyDraft & { id: string } } = {
  doc: 'seed-002',
  status: 'closed',
  draft: {
    id: 'sondage-assises-12',
    organisationId: 'cuf', groupId: 'cuf-gp-vietnam', eventId: 'assises-12', restitutionEventId: 'restitution-assises-12',
    source: 'recorded', mode: 'anonymous', resultsPublic: true, freeAnswersPublic: true, recordedResponses: 16,
    title: {
      fr: 'Sondage des participants aux 12es Assises de la coopération décentralisée franco-vietnamienne',
      en: 'Survey of the participants in the 12th Assises of Franco-Vietnamese decentralised cooperation',
      vi: 'Khảo sát người tham dự Hội nghị hợp tác phi tập trung Pháp – Việt lần thứ 12',
    },
    intro: {
      fr: 'Questionnaire adressé aux participants français après les Assises de Hanoï ; ses résultats ont été présentés et discutés lors de la restitution en ligne du 9 juin 2023.',
      en: 'Questionnaire sent to the French participants after the Assises in Hanoi; its results were presented and discussed at the online debriefing of 9 June 2023.',
      vi: 'Bảng hỏi gửi tới những người tham dự phía Pháp sau Hội nghị tại Hà Nội; kết quả được trình bày và thảo luận tại buổi tổng kết trực tuyến ngày 9 tháng 6 năm 2023.',
    },
    conclusion: {
      fr: 'Les participants retiennent des Assises bien organisées, où l’on noue des liens plus qu’on n’apprend : l’apport d’informations reste modeste, le bilan relationnel est bon. Pour les 13es, ils attendent davantage d’échanges concrets et moins de protocole, une place plus large pour les associations et les experts, une préparation plus précoce et un meilleur équilibre entre collectivités françaises et vietnamiennes. Le Groupe-Pays Vietnam peut bâtir son programme sur les thèmes cités — santé et environnement, climat, assainissement et déchets, patrimoine, numérique et coopération juridique — et sur des rencontres consacrées à un seul sujet.',
      en: 'Participants remember well-organised Assises that were better for making contacts than for learning: new information was modest, the networking result good. For the 13th edition they want more practical exchanges and less protocol, a larger place for associations and experts, earlier preparation and a better balance between French and Vietnamese local authorities. The Vietnam Country Group can build its programme on the themes named — health and environment, climate, sanitation and waste, heritage, digital and legal cooperation — and on meetings devoted to a single subject.',
      vi: 'Người tham dự ghi nhận một Hội nghị được tổ chức tốt, giúp mở rộng quan hệ hơn là thu nhận kiến thức: thông tin mới còn hạn chế, nhưng kết quả về kết nối là tích cực. Cho Hội nghị lần thứ 13, họ mong có nhiều trao đổi thiết thực hơn và ít nghi thức hơn, dành chỗ rộng hơn cho các hiệp hội và chuyên gia, chuẩn bị sớm hơn và cân bằng hơn giữa các địa phương Pháp và Việt Nam. Nhóm Quốc gia Việt Nam có thể xây dựng chương trình dựa trên các chủ đề được nêu — y tế và môi trường, khí hậu, vệ sinh và rác thải, di sản, chuyển đổi số và hợp tác pháp lý — cùng những buổi gặp chuyên về một chủ đề.',
    },
    sections: [
      {
        title: { fr: 'Informations', en: 'Information', vi: 'Thông tin' },
        questions: [
          {
            key: 'ateliers', type: 'multiple',
            labels: { fr: 'À quels ateliers avez-vous pris part ?', en: 'Which workshops did you attend?', vi: 'Anh/chị đã tham gia những hội thảo chuyên đề nào?' },
            options: [
              { value: 'ville-durable', labels: { fr: 'Ville durable', en: 'Sustainable city', vi: 'Đô thị bền vững' } },
              { value: 'environnement-eau', labels: { fr: 'Enjeux environnementaux, eau et assainissement', en: 'Environmental issues, water and sanitation', vi: 'Các vấn đề môi trường, nước và vệ sinh' } },
              { value: 'culture-patrimoine', labels: { fr: 'Culture, patrimoine et tourisme', en: 'Culture, heritage and tourism', vi: 'Văn hóa, di sản và du lịch' } },
              { value: 'ville-intelligente', labels: { fr: 'Ville intelligente et digitalisation', en: 'Smart city and digitalisation', vi: 'Đô thị thông minh và chuyển đổi số' } },
            ],
            recorded: { answered: 15 },
          },
          {
            key: 'informations', ...yesNo,
            labels: {
              fr: 'Ces Assises, et leurs ateliers en particulier, vous ont-elles apporté des informations techniques, scientifiques ou opérationnelles nouvelles ?',
              en: 'Did these Assises, and their workshops in particular, give you new technical, scientific or operational information?',
              vi: 'Hội nghị lần này, đặc biệt là các hội thảo chuyên đề, có mang lại cho anh/chị thông tin mới về kỹ thuật, khoa học hoặc vận hành không?',
            },
            comment: { fr: 'Bilan informationnel mitigé', en: 'A mixed result for information', vi: 'Kết quả về thông tin thu được còn trái chiều' },
            recorded: {
              answered: 15, counts: { yes: 5, no: 2 },
              texts: ['Oui : j’ai découvert les actions menées et les formes que prend la coopération entre la France et le Vietnam.'],
            },
          },
        ],
      },
      {
        title: { fr: 'Perspectives', en: 'Outlook', vi: 'Triển vọng' },
        questions: [
          {
            key: 'inspiration', ...yesNo,
            labels: {
              fr: 'Les Assises vous ont-elles inspiré un nouveau projet de coopération décentralisée, ou donné l’envie d’ajuster ou d’élargir vos projets en cours ?',
              en: 'Did the Assises inspire a new decentralised cooperation project, or make you want to adjust or widen your current projects?',
              vi: 'Hội nghị có gợi cho anh/chị ý tưởng về một dự án hợp tác phi tập trung mới, hoặc mong muốn điều chỉnh, mở rộng các dự án đang thực hiện không?',
            },
            recorded: { answered: 16 },
          },
        ],
      },
      {
        title: { fr: 'Relations', en: 'Relations', vi: 'Quan hệ' },
        questions: [
          {
            key: 'partenaires_hanoi', ...yesNo,
            labels: {
              fr: 'Pendant les Assises, avez-vous rencontré vos partenaires à Hanoï ou leur avez-vous rendu visite ?',
              en: 'During the Assises, did you meet or visit your partners in Hanoi?',
              vi: 'Trong thời gian diễn ra Hội nghị, anh/chị có gặp gỡ hoặc đến thăm các đối tác của mình tại Hà Nội không?',
            },
          },
          {
            key: 'nouveaux_liens', ...yesNo,
            labels: {
              fr: 'Les Assises vous ont-elles permis de nouer de nouveaux contacts ou de découvrir des acteurs qui pourraient appuyer vos projets ?',
              en: 'Did the Assises help you make new contacts or discover actors who could support your projects?',
              vi: 'Hội nghị có giúp anh/chị thiết lập quan hệ mới hoặc tìm thấy những đối tác có thể hỗ trợ các dự án của mình không?',
            },
            comment: { fr: 'Retour relationnel positif', en: 'Positive feedback on contacts made', vi: 'Phản hồi tích cực về việc kết nối quan hệ' },
            recorded: { answered: 16 },
          },
        ],
      },
      {
        title: { fr: '13es Assises', en: '13th Assises', vi: 'Hội nghị lần thứ 13' },
        questions: [
          {
            key: 'a_garder', type: 'long_text',
            labels: {
              fr: 'Qu’avez-vous apprécié aux 12es Assises et aimeriez-vous retrouver aux 13es ?',
              en: 'What did you value at the 12th Assises and would like to find again at the 13th?',
              vi: 'Anh/chị đánh giá cao điều gì tại Hội nghị lần thứ 12 và mong muốn được thấy lại tại Hội nghị lần thứ 13?',
            },
            recorded: {
              answered: 16,
              texts: [
                'Des Assises réussies, pour le contenu comme pour l’organisation : à refaire, à la française cette fois.',
                'Je ne vois pas ce qu’il faudrait changer à la démarche d’ensemble.',
                'Les ateliers par thème.',
                'Les interventions à deux voix, une collectivité française et une vietnamienne, pendant les ateliers.',
                'Des modérateurs qui tenaient très bien les temps de parole, ce qui a donné du rythme aux ateliers.',
                'Une organisation et un accueil de qualité.',
                'La présence des associations.',
                'Le forum économique, et plus largement la parole donnée aux acteurs de la coopération autres que les collectivités : entreprises, universités, chercheurs, ONG.',
                'Les ateliers, la mise en valeur de la culture et les visites sur le terrain.',
                'Les discussions pendant les ateliers.',
                'Les tables rondes et les visites de terrain.',
                'La venue d’acteurs de l’économie, des arts, de la santé et des réseaux sociaux.',
                'Un accueil exceptionnel, qu’il n’est pas nécessaire de reproduire à l’identique ; l’espace d’exposition, les visites et la traduction simultanée.',
                'Le commerce, l’éducation et la formation comme sujets d’échange.',
              ],
            },
          },
          {
            key: 'a_ameliorer', type: 'long_text',
            labels: {
              fr: 'Que faudrait-il améliorer pour les 13es Assises ?',
              en: 'What should be improved for the 13th Assises?',
              vi: 'Cần cải thiện những gì cho Hội nghị lần thứ 13?',
            },
            recorded: {
              answered: 15,
              texts: [
                'Faire participer dès la préparation les organisations de la société civile représentatives, la FSFV par exemple.',
                'Revoir entièrement la formule : un grand témoin, des experts et des témoignages qui fassent réfléchir à nos coopérations et à leurs projets, plutôt que des ateliers faits d’exposés sans lien entre eux.',
                'Préparer la logistique plus tôt.',
                'Écourter les discours d’ouverture et de clôture, et laisser plus de place aux collectivités pour se faire connaître.',
                'Sur le protocole : quand une délégation compte plusieurs élus, leur accorder les mêmes égards plutôt que d’en distinguer un comme chef de délégation.',
                'Mettre en valeur le monde rural pour l’écologie face à une urbanisation rapide, et la solidarité entre villes et campagnes (le prix de l’eau, par exemple).',
                'Inviter davantage de spécialistes, des géographes notamment.',
                'Prévoir des temps d’échange entre collectivités françaises, pour mieux accorder nos actions au Vietnam.',
                'Laisser plus de temps aux échanges entre participants dans les ateliers.',
                'Agrandir l’espace des stands et y consacrer plus de temps ; parler davantage des thèmes que des résultats.',
                'Moins de culture et de citoyenneté, davantage d’économie et de commerce entre les deux pays.',
                'Soigner la préparation et le contenu des ateliers pour faciliter les échanges, et équilibrer le nombre de collectivités françaises et vietnamiennes.',
              ],
            },
          },
        ],
      },
      {
        title: { fr: 'Groupe-Pays Vietnam', en: 'Vietnam Country Group', vi: 'Nhóm Quốc gia Việt Nam' },
        questions: [
          {
            key: 'themes_groupe_pays', type: 'long_text',
            labels: {
              fr: 'Sur quels grands thèmes le Groupe-Pays Vietnam de Cités Unies France devrait-il travailler désormais ?',
              en: 'Which main themes should the Vietnam Country Group of Cités Unies France work on next?',
              vi: 'Nhóm Quốc gia Việt Nam của Cités Unies France nên tập trung vào những chủ đề lớn nào trong thời gian tới?',
            },
            recorded: {
              answered: 16,
              texts: [
                'La santé, et avec elle l’environnement, en priorité.',
                'Plutôt qu’un thème : se réunir autour d’un seul sujet, à choisir, avec les collectivités qu’il intéresse, pour échanger, travailler ensemble ou se former.',
                'L’adaptation au changement climatique.',
                'Le patrimoine.',
                'Sans avis.',
                'L’assainissement et les déchets.',
                'La coopération juridique et le numérique, pour aider le Vietnam à relever ses défis environnementaux.',
              ],
            },
          },
        ],
      },
    ],
  },
};
