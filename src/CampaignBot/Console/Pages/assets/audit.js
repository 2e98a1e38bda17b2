import { get } from './api.js';
import { layout, el, fill, empty, when, table, csvLink, showError, $ } from './ui.js';

await layout();
const outcomes = { allowed: 'Cho phép', denied: 'Từ chối', failed: 'Không thành công' };
const pageSize = 100;
let rows = [];

function query(before) {
  const p = new URLSearchParams();
  if ($('from').value) p.set('from', $('from').value);
  if ($('to').value) p.set('to', $('to').value);
  for (const key of ['actor', 'action', 'target']) if ($(key).value.trim()) p.set(key, $(key).value.trim());
  p.set('take', String(pageSize));
  if (before) p.set('before', before);
  return '/api/admin/audit?' + p.toString();
}

async function load(before) {
  try {
    const page = await get(query(before));
    const list = Array.isArray(page) ? page : (page.items || []);
    rows = before ? rows.concat(list) : list;
    fill('export', csvLink(query()));
    if (!rows.length) { empty('entries', 'Không có mục nào.'); $('more').hidden = true; return; }
    const entry = r => r.entry || r;
    fill('entries', table('Nhật ký, mới nhất trước', [
      { title: 'Lúc', value: r => when(r.at) },
      { title: 'Cán bộ', value: r => entry(r).actorName || entry(r).actorId },
      { title: 'Thao tác', value: r => entry(r).action },
      { title: 'Đối tượng', value: r => entry(r).target },
      { title: 'Kết quả', value: r => outcomes[entry(r).outcome] || entry(r).outcome },
      { title: 'Chi tiết', value: r => Object.entries(entry(r).details || {}).map(([k, v]) => `${k}=${v}`).join('; ') },
    ], rows));
    $('more').hidden = list.length < pageSize;
    $('more').onclick = () => load(list[list.length - 1].id);
  } catch (e) {
    empty('entries');
    if (e.status !== 404) showError(e);
  }
}

$('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
load();
