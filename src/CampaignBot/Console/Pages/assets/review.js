// Pieces shared by the approval queue and the inbox: a schedule in words, and the queue of
// proposed answers to residents' questions (approve or reject, never one's own).
import { get, post } from './api.js';
import { el, fill, empty, when, showError, notice } from './ui.js';

const days = { MON: 'Thứ Hai', TUE: 'Thứ Ba', WED: 'Thứ Tư', THU: 'Thứ Năm', FRI: 'Thứ Sáu', SAT: 'Thứ Bảy', SUN: 'Chủ Nhật' };

/** A short description of a schedule without asking the server (the server's preview is richer). */
export function scheduleText(schedule) {
  if (!schedule) return '';
  switch (schedule.kind) {
    case 'oneOff': return 'Gửi một lần lúc ' + when(schedule.at);
    case 'recurring': {
      const parts = String(schedule.cron || '').split(/\s+/);
      const time = parts.length >= 3 && /^\d+$/.test(parts[2]) && /^\d+$/.test(parts[1]) ? `${parts[2].padStart(2, '0')}:${parts[1].padStart(2, '0')}` : null;
      const day = parts[5] && days[parts[5].toUpperCase()];
      const span = `từ ${schedule.start}` + (schedule.end ? ` đến ${schedule.end}` : '');
      return time ? `Lặp lại${day ? ' vào ' + day + ' hằng tuần' : ''} lúc ${time}, ${span}` : `Lặp lại theo lịch ${schedule.cron}, ${span}`;
    }
    case 'drip': return `Chuỗi tin “${schedule.seriesId}”, gửi lúc ${String(schedule.localHour).padStart(2, '0')}:00 theo ngày đăng ký của từng người`;
    default: return '';
  }
}

/** The proposed answers, each with approve and reject (with a comment). */
export async function reviewAnswers(container) {
  let list;
  try {
    list = await get('/api/admin/answers?status=proposed');
  } catch {
    empty(container);
    return;
  }
  if (!list || !list.length) { empty(container, 'Không có câu trả lời nào chờ duyệt.'); return; }
  fill(container, list.map(a => {
    const comment = el('textarea', { id: 'answer-comment-' + a.id, rows: 2 });
    const errors = el('div', { hidden: true });
    const act = async action => {
      try {
        await post(`/api/admin/answers/${encodeURIComponent(a.id)}/${action}`, { comment: comment.value.trim() });
        notice(action === 'approve' ? 'Đã duyệt câu trả lời; bot dùng ngay từ bây giờ.' : 'Đã trả lại câu trả lời.', 'ok');
        reviewAnswers(container);
      } catch (e) {
        showError(e, errors);
      }
    };
    return el('article', { class: 'card group', 'data-answer': a.id },
      el('h3', { text: a.question || '' }),
      a.faqId ? el('p', { text: 'Gắn vào câu hỏi thường gặp: ' + a.faqId }) : null,
      a.chat ? el('p', { class: 'bubble', text: a.chat }) : null,
      a.sms ? el('p', { class: 'sms-screen', text: a.sms }) : null,
      el('p', { class: 'hint', text: [a.proposedByName || a.proposedBy, when(a.proposedAt)].filter(Boolean).join(' · ') }),
      el('label', { for: 'answer-comment-' + a.id, text: 'Ý kiến' }), comment, errors,
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'approve-answer', onclick: () => act('approve'), text: 'Duyệt câu trả lời' }),
        el('button', { type: 'button', class: 'secondary', onclick: () => act('reject'), text: 'Trả lại' })));
  }));
}
