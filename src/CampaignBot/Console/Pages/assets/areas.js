import { get } from './api.js';
import { layout, el, fill, empty, num, table, csvLink, showError, $ } from './ui.js';

await layout();
const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() + 7 * 3600e3 - 30 * 864e5).toISOString().slice(0, 10);
const params = new URLSearchParams(location.search);
$('from').value = params.get('from') || monthAgo;
$('to').value = params.get('to') || today;

// Column titles for the fields the report may have; unknown fields are shown under their own name.
const titles = {
  code: 'Mã', name: 'Địa bàn', subscribers: 'Người nhận tin', occurrences: 'Số lần gửi', targeted: 'Đối tượng', sent: 'Đã gửi',
  delivered: 'Đã nhận', failed: 'Lỗi', skipped: 'Bỏ qua', replies: 'Phản hồi', optOuts: 'Hủy nhận', campaigns: 'Chiến dịch',
};

async function load() {
  const path = `/api/admin/reports/areas?from=${encodeURIComponent($('from').value)}&to=${encodeURIComponent($('to').value)}`;
  fill('export', csvLink(path));
  try {
    const rows = await get(path);
    const list = Array.isArray(rows) ? rows : (rows.rows || rows.areas || []);
    if (!list.length) { empty('report', 'Không có số liệu trong khoảng này.'); return; }
    const keys = Object.keys(list[0]).filter(k => typeof list[0][k] !== 'object' || list[0][k] === null);
    fill('report', table(`Theo địa bàn, ${$('from').value} đến ${$('to').value}`,
      keys.map(k => ({ title: titles[k] || k, num: typeof list[0][k] === 'number', value: r => typeof r[k] === 'number' ? num(r[k]) : (r[k] ?? '') })), list));
  } catch (e) {
    empty('report');
    if (e.status !== 404) showError(e);
  }
}

$('range').addEventListener('submit', e => {
  e.preventDefault();
  history.replaceState(null, '', `?from=${$('from').value}&to=${$('to').value}`);
  load();
});
load();
