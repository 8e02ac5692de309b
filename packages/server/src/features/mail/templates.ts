/** E-mail texts per language (French first). Each template gives a subject and a plain-text body; the HTML part is derived. */
export type MailTemplate = 'password_reset' | 'invitation';
export type TemplateLang = 'fr' | 'en' | 'vi';
type Params = Record<string, string>;
type Text = { subject: (p: Params) => string; body: (p: Params) => string };

export const templates: Record<TemplateLang, Record<MailTemplate, Text>> = {
  fr: {
    password_reset: {
      subject: () => 'Tandem : réinitialiser votre mot de passe',
      body: (p) => `Bonjour,

Une demande de réinitialisation du mot de passe de votre compte Tandem (${p.email}) a été faite.
Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure (il ne sert qu’une fois) :

${p.link}

Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.

— Tandem, l’atlas de la coopération décentralisée`,
    },
    invitation: {
      subject: () => 'Invitation à rejoindre Tandem',
      body: (p) => `Bonjour,

${p.inviter} vous invite à rejoindre Tandem, l’espace de travail de la coopération décentralisée.${p.roles ? `\nVotre rôle : ${p.roles}.` : ''}
Pour créer votre compte, ouvrez ce lien avant le ${p.expires} :

${p.link}

Si vous ne vous attendiez pas à cette invitation, ignorez ce message.

— Tandem, l’atlas de la coopération décentralisée`,
    },
  },
  en: {
    password_reset: {
      subject: () => 'Tandem: reset your password',
      body: (p) => `Hello,

Someone asked to reset the password of your Tandem account (${p.email}).
To choose a new password, open this link within the hour (it works once):

${p.link}

If you did not ask for this, ignore this message: your password stays as it is.

— Tandem, the atlas of decentralised cooperation`,
    },
    invitation: {
      subject: () => 'Invitation to join Tandem',
      body: (p) => `Hello,

${p.inviter} invites you to join Tandem, the workspace of decentralised cooperation.${p.roles ? `\nYour role: ${p.roles}.` : ''}
To create your account, open this link before ${p.expires}:

${p.link}

If you did not expect this invitation, ignore this message.

— Tandem, the atlas of decentralised cooperation`,
    },
  },
  vi: {
    password_reset: {
      subject: () => 'Tandem: đặt lại mật khẩu',
      body: (p) => `Xin chào,

Có yêu cầu đặt lại mật khẩu cho tài khoản Tandem của bạn (${p.email}).
Để chọn mật khẩu mới, hãy mở liên kết này trong vòng một giờ (chỉ dùng được một lần):

${p.link}

Nếu bạn không gửi yêu cầu này, hãy bỏ qua thư: mật khẩu của bạn không thay đổi.

— Tandem, bản đồ hợp tác phi tập trung`,
    },
    invitation: {
      subject: () => 'Lời mời tham gia Tandem',
      body: (p) => `Xin chào,

${p.inviter} mời bạn tham gia Tandem, không gian làm việc về hợp tác phi tập trung.${p.roles ? `\nVai trò của bạn: ${p.roles}.` : ''}
Để tạo tài khoản, hãy mở liên kết này trước ngày ${p.expires}:

${p.link}

Nếu bạn không mong đợi lời mời này, hãy bỏ qua thư.

— Tandem, bản đồ hợp tác phi tập trung`,
    },
  },
};

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function render(name: MailTemplate, lang: TemplateLang, params: Params): { subject: string; text: string; html: string } {
  const t = (templates[lang] ?? templates.fr)[name];
  const text = t.body(params);
  const html = `<!doctype html><html lang="${lang}"><body>${text.split(/\n{2,}/).map((para) => {
    const p = escape(para).replace(/\n/g, '<br>');
    return `<p>${params.link && para.trim() === params.link ? `<a href="${escape(params.link)}">${p}</a>` : p}</p>`;
  }).join('\n')}</body></html>`;
  return { subject: t.subject(params), text, html };
}
