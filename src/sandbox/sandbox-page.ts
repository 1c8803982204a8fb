/**
 * The sandbox page: a minimal Slack look-alike that renders the Block Kit the bot sends (header,
 * section, fields, context, image, actions, divider) and its mrkdwn. Served by sandbox-server.ts.
 * mrkdwn arrives already escaped by the bot (&amp; &lt; &gt;), which is also valid HTML text, so
 * only Slack's own <…> sequences and the bold/italic/code marks are turned into markup.
 */
export const SANDBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Queue Pulse sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 15px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0; background: #f8f8f8; color: #1d1c1d; }
  header { background: #3f0e40; color: #fff; padding: 10px 18px; font-weight: 700; }
  header small { font-weight: 400; opacity: .8; margin-left: 8px; }
  main { max-width: 860px; margin: 0 auto; padding: 12px 18px 120px; }
  .msg { background: #fff; border: 1px solid #e2e2e2; border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
  .meta { font-size: 12px; color: #616061; margin-bottom: 6px; }
  .meta b { color: #1d1c1d; }
  .eph { border-left: 4px solid #1264a3; }
  .h { font-size: 18px; font-weight: 800; margin: 6px 0; }
  .sec { margin: 6px 0; white-space: pre-wrap; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 18px; margin: 6px 0; white-space: pre-wrap; }
  .ctx { font-size: 12px; color: #616061; margin: 6px 0; display: flex; gap: 8px; flex-wrap: wrap; }
  .div { border-top: 1px solid #e2e2e2; margin: 10px 0; }
  .acts { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
  button { font: inherit; font-size: 13px; font-weight: 700; border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
  button.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
  button.danger { background: #e01e5a; color: #fff; border-color: #e01e5a; }
  img.chart { max-width: 100%; border: 1px solid #eee; border-radius: 4px; margin: 6px 0; }
  code { background: #f4f4f4; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; font-size: 13px; }
  form { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; border-top: 1px solid #ddd; padding: 12px 18px; }
  form div { max-width: 860px; margin: 0 auto; display: flex; gap: 8px; }
  input { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #bbb; border-radius: 6px; }
  .err { color: #b00; }
</style>
</head>
<body>
<header>#support-leads <small>Queue Pulse sandbox — Slack stand-in on your machine</small></header>
<main id="log"></main>
<form id="f">
  <div>
    <input id="cmd" value="/queue skill billing" autocomplete="off" aria-label="Slash command">
    <button class="primary" type="submit">Send</button>
  </div>
</form>
<script>
const log = document.getElementById('log');
const messages = new Map();

function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

function fmtDate(epoch, fallback) {
  const d = new Date(Number(epoch) * 1000);
  return isNaN(d) ? fallback : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

function mrkdwn(text) {
  let out = String(text).replace(/<([^<>]*)>/g, (m, inner) => {
    const [target, label] = inner.split('|');
    if (target.startsWith('!date^')) { const [, epoch] = target.split('^'); return esc(fmtDate(epoch, label || '')); }
    if (target.startsWith('#')) return '#' + (label || target.slice(1));
    if (target.startsWith('@')) return '@' + (label || target.slice(1));
    if (target.startsWith('!')) return '@' + (label || target.slice(1));
    if (/^https?:/.test(target)) return '<a href="' + esc(target) + '" target="_blank">' + (label || esc(target)) + '</a>';
    return esc(m);
  });
  out = out.replace(/\`([^\`]+)\`/g, '<code>$1</code>')
    .replace(/(^|[\\s(])\\*([^*\\n]+)\\*/g, '$1<b>$2</b>')
    .replace(/(^|[\\s(])_([^_\\n]+)_/g, '$1<i>$2</i>')
    .replace(/(^|[\\s(])~([^~\\n]+)~/g, '$1<s>$2</s>');
  return out.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] || m);
}
const EMOJI = { clock3: '🕒', eyes: '👀', busts_in_silhouette: '👥', white_check_mark: '✅', robot_face: '🤖', thinking_face: '🤔', large_green_circle: '🟢', large_yellow_circle: '🟡', red_circle: '🔴', white_circle: '⚪', hourglass_flowing_sand: '⏳', warning: '⚠️', bar_chart: '📊', mag: '🔍', information_source: 'ℹ️', x: '❌' };

// Slack decodes its three entities in plain_text too, so a bot may send escaped plain text.
function plain(s) { return esc(String(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')); }
function textObj(t) { return !t ? '' : t.type === 'mrkdwn' ? mrkdwn(t.text) : plain(t.text); }

function el(tag, cls, html) { const e = document.createElement(tag); if (cls) e.className = cls; if (html !== undefined) e.innerHTML = html; return e; }

function buttonFor(elm, ctx) {
  if (elm.type === 'button') {
    const b = el('button', elm.style || '', plain(elm.text.text));
    b.onclick = () => act({ actionId: elm.action_id, blockId: ctx.blockId, value: elm.value || '', responseId: ctx.responseId, ephemeral: ctx.ephemeral });
    return b;
  }
  if (elm.type === 'static_select' || elm.type === 'overflow') {
    const s = document.createElement('select');
    s.appendChild(el('option', '', esc(elm.placeholder ? elm.placeholder.text : '…')));
    const addOptions = (parent, options) => { for (const o of options || []) { const opt = el('option', '', plain(o.text.text)); opt.value = o.value; parent.appendChild(opt); } };
    addOptions(s, elm.options);
    for (const g of elm.option_groups || []) { const og = document.createElement('optgroup'); og.label = g.label.text; addOptions(og, g.options); s.appendChild(og); }
    s.onchange = () => act({ actionId: elm.action_id, blockId: ctx.blockId, selectedValue: s.value, selectedText: s.options[s.selectedIndex].text, responseId: ctx.responseId, ephemeral: ctx.ephemeral });
    return s;
  }
  return el('span', '', '');
}

function renderBlocks(msg, ctx) {
  const box = el('div', 'msg' + (ctx.ephemeral ? ' eph' : ''));
  box.appendChild(el('div', 'meta', '<b>Queue Pulse</b> APP · ' + (ctx.ephemeral ? 'Only visible to you' : 'in #support-leads') + ' · ' + new Date().toLocaleTimeString()));
  const blocks = msg.blocks || [];
  if (!blocks.length && msg.text) box.appendChild(el('div', 'sec', mrkdwn(msg.text)));
  for (const b of blocks) {
    const c = { ...ctx, blockId: b.block_id || '' };
    if (b.type === 'header') box.appendChild(el('div', 'h', plain(b.text.text)));
    else if (b.type === 'divider') box.appendChild(el('div', 'div'));
    else if (b.type === 'section') {
      if (b.text) box.appendChild(el('div', 'sec', textObj(b.text)));
      if (b.fields) { const f = el('div', 'fields'); for (const x of b.fields) f.appendChild(el('div', '', textObj(x))); box.appendChild(f); }
      if (b.accessory) { const a = el('div', 'acts'); a.appendChild(buttonFor(b.accessory, c)); box.appendChild(a); }
    } else if (b.type === 'context') {
      const x = el('div', 'ctx');
      for (const e of b.elements) x.appendChild(e.type === 'image' ? el('span', '', '') : el('span', '', textObj(e)));
      box.appendChild(x);
    } else if (b.type === 'image') {
      const img = el('img', 'chart');
      img.src = b.slack_file ? '/files/' + encodeURIComponent(b.slack_file.id) : b.image_url;
      img.alt = b.alt_text; img.title = b.alt_text;
      if (b.title) box.appendChild(el('div', 'sec', '<b>' + plain(b.title.text) + '</b>'));
      box.appendChild(img);
    } else if (b.type === 'actions') {
      const a = el('div', 'acts'); for (const e of b.elements) a.appendChild(buttonFor(e, c)); box.appendChild(a);
    }
  }
  return box;
}

function show(responseId, body) {
  if (!body || typeof body !== 'object') return;
  const ephemeral = body.response_type !== 'in_channel';
  const prev = messages.get(responseId);
  if (body.delete_original) { if (prev) { prev.remove(); messages.delete(responseId); } if (!body.blocks && !body.text) return; }
  const node = renderBlocks(body, { responseId, ephemeral });
  if (prev && body.replace_original !== false && ephemeral) { prev.replaceWith(node); }
  else log.appendChild(node);
  messages.set(responseId, node);
  window.scrollTo(0, document.body.scrollHeight);
}

async function post(path, payload) {
  const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return r.json();
}

async function act(payload) {
  const r = await post('/sandbox/action', payload);
  if (r.error) log.appendChild(el('div', 'msg err', esc(r.error)));
}

document.getElementById('f').onsubmit = async (e) => {
  e.preventDefault();
  const raw = document.getElementById('cmd').value.trim();
  const text = raw.replace(/^\\/queue\\s*/i, '');
  log.appendChild(el('div', 'msg', '<div class="meta"><b>you</b></div><code>/queue ' + esc(text) + '</code>'));
  const r = await post('/sandbox/command', { text });
  if (r.error) { log.appendChild(el('div', 'msg err', esc(r.error))); return; }
  if (r.status !== 200) { log.appendChild(el('div', 'msg err', 'The bot answered HTTP ' + r.status)); return; }
  if (r.ack && typeof r.ack === 'object') show(r.responseId, r.ack);
};

// ?q=skill%20billing runs a command on load: links to a ready answer, and screenshots.
const preset = new URLSearchParams(location.search).get('q');
if (preset !== null) { document.getElementById('cmd').value = '/queue ' + preset; setTimeout(() => document.getElementById('f').requestSubmit(), 300); }

const stream = new EventSource('/sandbox/stream');
stream.onmessage = (e) => {
  const ev = JSON.parse(e.data);
  if (ev.kind === 'response') show(ev.id, ev.body);
  if (ev.kind === 'call' && ev.method === 'chat.postMessage') show('post' + Math.random(), { ...ev.args, response_type: 'in_channel' });
};
</script>
</body>
</html>
`;
