// Residents' unanswered questions, grouped: answer a group (chat and SMS texts) or attach it to an
// existing FAQ; answers wait for an approver, then the bot uses them without a restart.
import { get, post } from './api.js';
import { layout, el, fill, empty, num, when, channels, showError, notice } from './ui.js';
import { reviewAnswers } from './review.js';

await layout();

async function load() {
  let groups;
  try {
    groups = await get('/api/admin/inbox');
  } catch {
    empty('groups');
    return;
  }
  if (!groups || !groups.length) { empty('groups', 'Không có câu hỏi nào chưa trả lời.'); return; }
  fill('groups', groups.map(group));
}

function group(g) {
  const key = 'g-' + String(g.id).replace(/[^A-Za-z0-9_-]/g, '');
  const question = el('input', { type: 'text', id: key + '-q', value: g.question || '' });
  const chat = el('textarea', { id: key + '-chat', rows: 4 });
  const sms = el('textarea', { id: key + '-sms', rows: 3 });
  // Content needs several wordings per question (with and without marks count); a small group needs a few more.
  const phrasings = el('textarea', { id: key + '-phrasings', rows: 3, 'aria-describedby': key + '-phrasings-hint' });
  const faq = el('input', { type: 'text', id: key + '-faq', list: key + '-faqs', autocomplete: 'off' });
  const errors = el('div', { hidden: true });
  const done = text => { notice(text, 'ok'); load(); reviewAnswers(document.getElementById('answers')); };
  const answer = async e => {
    e.preventDefault();
    try {
      await post(`/api/admin/inbox/${encodeURIComponent(g.id)}/answer`, {
        question: question.value.trim(), chat: chat.value, sms: sms.value,
        phrasings: phrasings.value.split('\n').map(x => x.trim()).filter(Boolean),
      });
      done('Đã gửi câu trả lời để duyệt.');
    } catch (err) { showError(err, errors); }
  };
  const attach = async () => {
    try {
      await post(`/api/admin/inbox/${encodeURIComponent(g.id)}/attach`, { faqId: faq.value.trim() });
      done('Đã gắn vào câu hỏi thường gặp; chờ duyệt.');
    } catch (err) { showError(err, errors); }
  };
  const channelText = Object.entries(g.channels || {}).map(([c, n]) => `${channels[c] || c} ${num(n)}`).join(', ');
  return el('article', { class: 'card group', 'data-group': g.id, 'aria-labelledby': key + '-title' },
    el('h3', { id: key + '-title', text: g.question || '' }),
    el('p', { class: 'hint', text: `${num(g.count)} lượt hỏi · ${channelText} · lần đầu ${when(g.firstAt)} · gần nhất ${when(g.lastAt)}` }),
    (g.examples || []).length ? el('ul', { class: 'examples', 'aria-label': 'Ví dụ câu hỏi' }, g.examples.map(x => el('li', { text: x }))) : null,
    el('details', {},
      el('summary', { text: 'Viết câu trả lời' }),
      el('form', { class: 'answer-form', onsubmit: answer },
        el('label', { for: key + '-q', text: 'Câu hỏi (như sẽ đưa vào câu hỏi thường gặp)' }), question,
        el('label', { for: key + '-chat', text: 'Trả lời qua tin nhắn trò chuyện' }), chat,
        el('label', { for: key + '-sms', text: 'Trả lời qua SMS' }), sms,
        el('label', { for: key + '-phrasings', text: 'Các cách hỏi khác (mỗi dòng một câu, không bắt buộc)' }), phrasings,
        el('p', { class: 'hint', id: key + '-phrasings-hint', text: 'Người dân hỏi cùng một ý bằng nhiều cách; thêm vài cách hỏi giúp máy trả lời đúng hơn.' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Gửi duyệt câu trả lời' })))),
    el('details', {},
      el('summary', { text: 'Gắn vào câu hỏi thường gặp có sẵn' }),
      el('label', { for: key + '-faq', text: 'Mã câu hỏi thường gặp' }), faq,
      el('datalist', { id: key + '-faqs' }, (g.suggestedFaqIds || []).map(f => el('option', { value: f }))),
      (g.suggestedFaqIds || []).length ? el('p', { class: 'hint', text: 'Gợi ý: ' + g.suggestedFaqIds.join(', ') }) : null,
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', onclick: attach, text: 'Gắn vào câu hỏi này' }))),
    errors);
}

load();
reviewAnswers(document.getElementById('answers'));
