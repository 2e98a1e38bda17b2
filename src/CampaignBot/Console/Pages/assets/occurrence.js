// One occurrence while it runs and after: counters polled every 2 s until it is done, the funnel,
// the timeline, failures and skips by reason, replies, and CSV downloads.
import { get } from './api.js';
import { layout, el, fill, empty, num, when, table, badge, occurrenceStatuses, reasons, csvLink, showError, pathId, $ } from './ui.js';
import { funnelChart, lineChart, legend } from './charts.js';

await layout();
const id = pathId();
const open = new Set(['planning', 'sending']);
let timer = null;

function counters(o) {
  const s = o.stats;
  const items = [
    ['targeted', 'Đối tượng', s.targeted], ['sent', 'Đã gửi', s.sent], ['delivered', 'Đã nhận', s.delivered],
    ['pending', 'Đang chờ', s.pending], ['skipped', 'Bỏ qua', sum(s.skipped)], ['failed', 'Lỗi', sum(s.failed)],
    ['deferred', 'Hoãn (giờ yên lặng)', s.deferred], ['retrying', 'Đang thử lại', s.retrying], ['unknown', 'Không rõ', s.unknown],
    ['replies', 'Phản hồi', s.replies],
  ];
  fill('counters', el('dl', { class: 'stats' }, items.map(([key, label, value]) =>
    el('div', {}, el('dt', { text: label }), el('dd', { 'data-counter': key, text: num(value) })))));
}

const sum = m => Object.values(m || {}).reduce((a, b) => a + b, 0);

function byReason(o) {
  const rows = [
    ...Object.entries(o.stats.failed || {}).map(([r, n]) => ({ kind: 'Lỗi khi gửi', reason: r, n })),
    ...Object.entries(o.stats.undelivered || {}).map(([r, n]) => ({ kind: 'Không đến được máy', reason: r, n })),
    ...Object.entries(o.stats.skipped || {}).map(([r, n]) => ({ kind: 'Bỏ qua', reason: r, n })),
  ].sort((a, b) => b.n - a.n);
  if (!rows.length) { empty('failures', 'Không có tin nào lỗi hay bị bỏ qua.'); return; }
  fill('failures', table('Lỗi và bỏ qua theo lý do', [
    { title: 'Loại', value: r => r.kind },
    { title: 'Lý do', value: r => reasons[r.reason] || r.reason },
    { title: 'Số người', value: r => num(r.n), num: true },
  ], rows));
}

async function refresh() {
  let o;
  try {
    o = await get('/api/admin/occurrences/' + encodeURIComponent(id));
  } catch (e) {
    empty('counters');
    showError(e);
    return;
  }
  $('page-title').textContent = 'Lần gửi lúc ' + when(o.fireAt);
  fill('back', el('a', { href: '/console/campaigns/' + encodeURIComponent(o.campaignId), text: '← Về chiến dịch' }));
  fill('live-status', 'Trạng thái: ', el('span', { id: 'occurrence-status', 'data-status': o.status }, badge(o.status, occurrenceStatuses)),
    open.has(o.status) ? ' · tự cập nhật mỗi 2 giây' : o.completedAt ? ' · xong lúc ' + when(o.completedAt) : '');
  counters(o);
  fill('funnel', legend([['targeted', 'Đối tượng'], ['sent', 'Đã gửi'], ['delivered', 'Đã nhận'], ['skipped', 'Bỏ qua'], ['failed', 'Lỗi']]), funnelChart(o.stats));
  byReason(o);
  fill('replies', el('p', {}, el('strong', { text: num(o.stats.replies) }), ' người đã nhắn lại trong vòng 24 giờ sau khi nhận tin. ',
    el('a', { href: '/console/inbox', text: 'Xem câu hỏi chưa trả lời' })));
  fill('export', csvLink(`/api/admin/campaigns/${encodeURIComponent(o.campaignId)}/occurrences`, 'Tải các lần gửi (CSV)'));
  try {
    const points = await get(`/api/admin/occurrences/${encodeURIComponent(id)}/timeline`);
    if (points && points.length) fill('timeline', legend([['sent', 'Đã gửi'], ['failed', 'Lỗi'], ['skipped', 'Bỏ qua']]), lineChart(points));
    else empty('timeline');
  } catch {
    empty('timeline');
  }
  clearTimeout(timer);
  if (open.has(o.status)) timer = setTimeout(refresh, 2000);
}

refresh();
