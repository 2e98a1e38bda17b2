import { get, post } from './api.js';
import { layout, el, fill, empty, when, channels, showError, notice } from './ui.js';
import { scheduleText, reviewAnswers } from './review.js';

await layout();

async function load() {
  let list;
  try {
    list = await get('/api/admin/campaigns?status=submitted');
  } catch (e) {
    empty('queue');
    showError(e);
    return;
  }
  if (!list.length) { empty('queue', 'Không có chiến dịch nào chờ duyệt.'); return; }
  fill('queue', list.map(card));
}

function card(c) {
  const vi = (c.message || {}).vi || {};
  const comment = el('textarea', { id: 'comment-' + c.id, rows: 2 });
  const errors = el('div', { hidden: true });
  const act = async (action, body) => {
    try {
      await post(`/api/admin/campaigns/${encodeURIComponent(c.id)}/${action}`, body);
      notice(action === 'approve' ? `Đã duyệt “${c.title}”.` : `Đã trả lại “${c.title}” cho người soạn.`, 'ok');
      load();
    } catch (e) {
      showError(e, errors);
    }
  };
  return el('article', { class: 'card', 'data-campaign': c.id, 'aria-labelledby': 'title-' + c.id },
    el('h2', { id: 'title-' + c.id }, el('a', { href: '/console/campaigns/' + encodeURIComponent(c.id), text: c.title })),
    el('p', { class: 'hint', text: `Gửi duyệt lúc ${when(c.submittedAt)}` }),
    el('dl', { class: 'preview-facts' },
      el('dt', { text: 'Địa bàn' }), el('dd', { text: (c.audience.areaCodes || []).join(', ') }),
      el('dt', { text: 'Kênh' }), el('dd', { text: (c.audience.channels || []).map(k => channels[k] || k).join(', ') }),
      el('dt', { text: 'Lịch gửi' }), el('dd', { text: scheduleText(c.schedule) })),
    vi.chat ? el('div', {}, el('h3', { text: 'Tin nhắn trò chuyện' }), el('p', { class: 'bubble', text: vi.chat })) : null,
    vi.sms ? el('div', {}, el('h3', { text: 'Tin SMS' }), el('p', { class: 'sms-screen', text: vi.sms })) : null,
    el('label', { for: 'comment-' + c.id, text: 'Ý kiến (bắt buộc khi trả lại)' }), comment,
    errors,
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'approve', onclick: () => act('approve', {}) , text: 'Duyệt' }),
      el('button', { type: 'button', class: 'secondary reject', onclick: () => act("reject", { reason: comment.value.trim(), comment: comment.value.trim() }), text: 'Trả lại để sửa' })));
}

load();
reviewAnswers(document.getElementById('answers'));
