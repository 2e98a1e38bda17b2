import { get, post } from './api.js';
import { layout, el, fill, empty, when, table, roles, showError, notice, $ } from './ui.js';

await layout();

async function load() {
  try {
    const list = await get('/api/admin/officers');
    if (!list.length) { empty('officers', 'Chưa có cán bộ nào.'); return; }
    fill('officers', table('Cán bộ', [
      { title: 'Họ tên', value: o => o.name },
      { title: 'Đăng nhập', value: o => o.username || '' },
      { title: 'Vai trò', value: o => roles[o.role] || o.role },
      { title: 'Địa bàn', value: o => String(o.areas ?? o.scope ?? '') },
      { title: 'Tình trạng', value: o => o.disabled ? 'Đã khóa' : 'Đang hoạt động' },
      { title: 'Tạo lúc', value: o => when(o.createdAt) },
      { title: 'Thao tác', value: o => el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', text: 'Đặt lại mật khẩu', onclick: () => resetPassword(o) }),
        el('button', { type: 'button', class: o.disabled ? '' : 'danger', text: o.disabled ? 'Mở khóa' : 'Khóa', onclick: () => toggle(o) })) },
    ], list));
  } catch (e) {
    empty('officers');
    if (e.status !== 404) showError(e);
  }
}

async function resetPassword(o) {
  const password = prompt(`Mật khẩu mới cho ${o.name} (ít nhất 8 ký tự):`);
  if (!password) return;
  try {
    await post(`/api/admin/officers/${encodeURIComponent(o.id)}/password`, { password });
    notice(`Đã đặt lại mật khẩu cho ${o.name}.`, 'ok');
  } catch (e) { showError(e); }
}

async function toggle(o) {
  try {
    await post(`/api/admin/officers/${encodeURIComponent(o.id)}/${o.disabled ? 'enable' : 'disable'}`);
    notice(o.disabled ? `Đã mở khóa ${o.name}.` : `Đã khóa ${o.name}.`, 'ok');
    load();
  } catch (e) { showError(e); }
}

$('new-officer').addEventListener('submit', async e => {
  e.preventDefault();
  $('new-errors').hidden = true;
  try {
    await post('/api/admin/officers', {
      name: $('name').value.trim(), username: $('username').value.trim(), password: $('password').value,
      role: $('role').value, areas: $('areas').value.trim(),
    });
    notice('Đã thêm cán bộ.', 'ok');
    e.target.reset();
    load();
  } catch (err) {
    showError(err, $('new-errors'));
  }
});
load();
