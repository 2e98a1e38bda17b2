import { get } from './api.js';
import { layout, el, fill, empty, num, when, table, badge, occurrenceStatuses, channels } from './ui.js';
import { funnelChart, legend } from './charts.js';

await layout();
try {
  const data = await get('/api/admin/dashboard');
  const subs = data.subscribers || {};
  fill('subscribers',
    el('dl', { class: 'stats' },
      el('div', {}, el('dt', { text: 'Tổng số' }), el('dd', { text: num(subs.total) })),
      Object.entries(subs.byChannel || {}).map(([c, n]) => el('div', {}, el('dt', { text: channels[c] || c }), el('dd', { text: num(n) }))),
      el('div', {}, el('dt', { text: 'Hủy nhận tuần này' }), el('dd', { text: num(data.optOutsThisWeek) }))),
    (subs.byArea || []).length
      ? table('Người nhận theo địa bàn', [
        { title: 'Địa bàn', value: a => a.name || a.code },
        { title: 'Số người', value: a => num(a.count), num: true }], subs.byArea)
      : null);
  const upcoming = data.upcoming || [];
  if (upcoming.length) {
    fill('upcoming', el('ul', {}, upcoming.map(u => el('li', {},
      el('a', { href: '/console/campaigns/' + encodeURIComponent(u.campaignId), text: u.title }), ' — ', u.text || when(u.fireAt)))));
  } else {
    empty('upcoming', 'Chưa có lần gửi nào sắp tới.');
  }
  const recent = data.recent || [];
  if (recent.length) {
    fill('recent', legend([['targeted', 'Đối tượng'], ['sent', 'Đã gửi'], ['delivered', 'Đã nhận'], ['skipped', 'Bỏ qua'], ['failed', 'Lỗi']]),
      recent.map(r => el('article', { class: 'card' },
        el('h3', {}, el('a', { href: '/console/occurrences/' + encodeURIComponent(r.occurrenceId), text: r.title })),
        el('p', {}, when(r.fireAt), ' ', badge(r.status, occurrenceStatuses)),
        funnelChart(r.stats || {}, 'Kết quả gửi: ' + r.title))));
  } else {
    empty('recent', 'Chưa có lần gửi nào.');
  }
} catch {
  for (const id of ['subscribers', 'upcoming', 'recent']) empty(id);
}
