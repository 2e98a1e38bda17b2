import { get } from './api.js';
import { layout, el, fill, empty, when, table, badge, campaignStatuses, channels, csvLink, showError, $ } from './ui.js';

await layout();
const params = new URLSearchParams(location.search);
$('status').value = params.get('status') || '';

async function load() {
  const status = $('status').value;
  const path = '/api/admin/campaigns' + (status ? '?status=' + encodeURIComponent(status) : '');
  fill('export', csvLink(path));
  try {
    const list = await get(path);
    if (!list.length) { empty('list', 'Chưa có chiến dịch nào.'); return; }
    fill('list', table('Chiến dịch, mới nhất trước', [
      { title: 'Tên', value: c => el('a', { href: '/console/campaigns/' + encodeURIComponent(c.id), text: c.title }) },
      { title: 'Trạng thái', value: c => badge(c.status, campaignStatuses) },
      { title: 'Địa bàn', value: c => (c.audience.areaCodes || []).join(', ') },
      { title: 'Kênh', value: c => (c.audience.channels || []).map(k => channels[k] || k).join(', ') },
      { title: 'Cập nhật', value: c => when(c.updatedAt) },
    ], list));
  } catch (e) {
    empty('list');
    showError(e);
  }
}

$('filter').addEventListener('submit', e => {
  e.preventDefault();
  const status = $('status').value;
  history.replaceState(null, '', status ? '?status=' + status : location.pathname);
  load();
});
load();
