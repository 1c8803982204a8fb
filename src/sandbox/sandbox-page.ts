/**
 * The sandbox page: a small Slack look-alike. A sidebar with channels, the bot's DM and its App
 * Home; every Block Kit block and element the bot sends rendered in HTML (modal inputs included)
 * with mrkdwn, `<!date^…>` in the browser's zone and emoji from a bundled map; a clock control
 * that moves the bot's clock. It renders what the sandbox's SandboxWorkspace holds, streamed from
 * the server: the page decides no order of its own, it only drops a change older than what it shows.
 *
 * mrkdwn arrives escaped by the bot (&amp; &lt; &gt;); the page decodes and re-escapes every text
 * run, so only Slack's own <…> sequences and marks become markup. Images load only from this
 * machine: the page never asks the internet for anything.
 */
import { EMOJI, MARK_COLOURS } from './emoji';

export interface SandboxChannel {
  id: string;
  name: string;
}

export interface PageConfig {
  channels: readonly SandboxChannel[];
  user: { id: string; name: string };
  /** The user's DM channel with the bot (commands typed in the DM pane come from it). */
  dmChannel: string;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { font: 15px/1.46 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0; color: #1d1c1d; background: #fff; }
  #app { display: grid; grid-template-columns: 240px 1fr; height: 100vh; }
  aside { background: #3f0e40; color: #cfc3cf; padding: 10px 0; overflow-y: auto; }
  aside .ws { color: #fff; font-weight: 800; font-size: 17px; padding: 4px 16px 12px; border-bottom: 1px solid #5d2c5d; }
  aside .group { font-size: 13px; padding: 14px 16px 4px; opacity: .8; }
  aside a { display: flex; justify-content: space-between; padding: 3px 16px; color: inherit; text-decoration: none; cursor: pointer; }
  aside a:hover { background: #350d36; }
  aside a.on { background: #1164a3; color: #fff; }
  aside .badge { background: #cd2553; color: #fff; border-radius: 9px; font-size: 11px; font-weight: 700; padding: 0 6px; }
  aside .badge:empty { display: none; }
  #main { display: grid; grid-template-rows: auto 1fr auto; min-height: 0; }
  #top { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 8px 18px; border-bottom: 1px solid #ddd; }
  #title { font-weight: 800; font-size: 17px; white-space: nowrap; }
  .btn, #clock { white-space: nowrap; }
  #clock { display: flex; align-items: center; gap: 6px; font-size: 13px; color: #616061; }
  #clock b { color: #1d1c1d; font-variant-numeric: tabular-nums; }
  #conn { display: none; background: #fff4e5; color: #8a4b00; padding: 6px 18px; font-size: 13px; }
  #conn.on { display: block; }
  .panes { overflow-y: auto; padding: 8px 18px 16px; min-height: 0; }
  .pane { display: none; }
  .pane.on { display: block; }
  .msg { display: grid; grid-template-columns: 36px 1fr; gap: 8px; padding: 8px 6px; border-radius: 6px; }
  .msg:hover { background: #f8f8f8; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #4a154b; color: #fff; display: grid; place-items: center; font-weight: 800; }
  .msg.user .avatar { background: #2eb67d; }
  .msg.sandbox .avatar { background: #888; }
  .meta { font-size: 13px; color: #616061; }
  .meta b { color: #1d1c1d; font-size: 15px; margin-right: 4px; }
  .meta .app { background: #e8e8e8; border-radius: 3px; font-size: 10px; font-weight: 700; padding: 0 3px; margin-right: 6px; }
  .eph-note { font-size: 12px; color: #616061; }
  .msg.ephemeral .body { border-left: 3px solid #1264a3; padding-left: 8px; }
  .msg.sandbox .body { color: #b00020; }
  .h { font-size: 18px; font-weight: 800; margin: 4px 0; }
  .sec { margin: 4px 0; display: flex; gap: 12px; align-items: flex-start; justify-content: space-between; }
  .sec .txt { white-space: pre-wrap; flex: 1; min-width: 0; overflow-wrap: anywhere; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 18px; margin: 6px 0; white-space: pre-wrap; }
  .ctx { font-size: 12px; color: #616061; margin: 4px 0; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; white-space: pre-wrap; }
  .ctx img { width: 16px; height: 16px; border-radius: 3px; }
  .divider { border-top: 1px solid #e2e2e2; margin: 10px 0; }
  .acts { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; align-items: center; }
  .btn { font: inherit; font-size: 13px; font-weight: 700; border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 3px 12px; cursor: pointer; }
  .btn:hover { background: #f4f4f4; }
  .btn.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
  .btn.danger { background: #e01e5a; color: #fff; border-color: #e01e5a; }
  select, input[type=text], input[type=number], input[type=time], input[type=date], textarea { font: inherit; font-size: 14px; padding: 4px 8px; border: 1px solid #bbb; border-radius: 4px; background: #fff; }
  .overflow { position: relative; display: inline-block; }
  .overflow .menu { display: none; position: absolute; right: 0; top: 100%; z-index: 5; background: #fff; border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.15); min-width: 190px; padding: 4px 0; }
  .overflow.open .menu { display: block; }
  .overflow .menu div { padding: 5px 14px; cursor: pointer; }
  .overflow .menu div:hover { background: #1264a3; color: #fff; }
  .img-block { margin: 6px 0; }
  .img-block .title { font-size: 13px; font-weight: 700; color: #616061; }
  .img-block img { max-width: min(100%, 560px); max-height: 360px; border: 1px solid #eee; border-radius: 6px; }
  .accessory-img { width: 72px; height: 72px; border-radius: 6px; object-fit: cover; }
  .offline-img { display: inline-block; padding: 10px; border: 1px dashed #bbb; border-radius: 6px; color: #616061; font-size: 12px; }
  code { background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; font-size: 13px; color: #c01343; }
  pre { background: #f6f6f6; border: 1px solid #ddd; border-radius: 4px; padding: 8px; white-space: pre-wrap; font-size: 13px; margin: 4px 0; }
  .quote { display: block; border-left: 4px solid #ddd; padding-left: 10px; }
  .mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
  a { color: #1264a3; }
  .dot { display: inline-block; width: .8em; height: .8em; border-radius: 50%; vertical-align: -.05em; border: 1px solid rgba(0,0,0,.25); }
  .emoji { font-family: "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "DejaVu Sans", sans-serif; }
  .unsupported { color: #999; font-size: 12px; }
  form#composer { padding: 10px 18px 16px; }
  form#composer div { display: flex; gap: 8px; border: 1px solid #bbb; border-radius: 8px; padding: 6px; }
  form#composer input { flex: 1; border: 0; font: inherit; padding: 6px; outline: none; }
  form#composer.off { display: none; }
  .home { max-width: 760px; }
  .home .empty { color: #616061; padding: 20px 0; }
  #modal-root { display: none; position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 20; align-items: flex-start; justify-content: center; padding-top: 6vh; }
  #modal-root.on { display: flex; }
  .modal { background: #fff; width: 520px; max-width: 94vw; max-height: 86vh; border-radius: 8px; display: grid; grid-template-rows: auto 1fr auto; box-shadow: 0 12px 40px rgba(0,0,0,.35); }
  .modal .mh { display: flex; justify-content: space-between; align-items: center; padding: 14px 20px; border-bottom: 1px solid #ddd; font-size: 20px; font-weight: 800; }
  .modal .mh button { border: 0; background: none; font-size: 22px; cursor: pointer; color: #616061; }
  .modal .mb { overflow-y: auto; padding: 12px 20px; }
  .modal .mf { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 20px; border-top: 1px solid #ddd; align-items: center; }
  .modal .mf .failed { color: #b00020; font-size: 13px; margin-right: auto; }
  .input { margin: 10px 0 14px; }
  .input label.lbl { display: block; font-weight: 700; margin-bottom: 4px; }
  .input .opt { font-weight: 400; color: #616061; }
  .input .hint { font-size: 12px; color: #616061; margin-top: 3px; }
  .input select, .input input[type=text], .input input[type=number], .input textarea { width: 100%; }
  .field-error { color: #b00020; font-size: 13px; margin-top: 4px; }
  .field-error:empty { display: none; }
  .input.has-error select, .input.has-error input, .input.has-error textarea { border-color: #b00020; }
  .choices label { display: flex; gap: 6px; align-items: baseline; margin: 2px 0; font-weight: 400; }
  .choices .desc { display: block; font-size: 12px; color: #616061; }
`;

/*
 * The page's script. Plain ES2020 for the browser, kept free of backticks and template
 * placeholders so it can live in this String.raw literal unescaped; the browser test runs it.
 */
const SCRIPT = String.raw`
'use strict';
const CONFIG = JSON.parse(document.getElementById('config').textContent);
const PANES = {};
const shown = new Map();
const unread = new Map();
let current = CONFIG.channels[0].id;
let homeVersion = 0;
let modalShown = null;
let clockState = { available: false };
let clockFetchedAt = 0;
const COLOUR_EMOJI = detectColourEmoji();

// ---------- text ----------
function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
function decode(s) { return String(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'); }

// A colour emoji font draws coloured pixels; without one the page uses plain symbols instead.
function detectColourEmoji() {
  try {
    const c = document.createElement('canvas'); c.width = c.height = 24;
    const g = c.getContext('2d'); g.textBaseline = 'top'; g.font = '20px "Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif';
    g.fillText('\u{1F7E2}', 0, 0);
    const d = g.getImageData(0, 0, 24, 24).data;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.abs(d[i] - d[i + 1]) + Math.abs(d[i + 1] - d[i + 2]) > 60) return true;
  } catch (e) { /* no canvas: symbols */ }
  return false;
}

function emojiHtml(name) {
  const colour = CONFIG.marks[name];
  const label = ' role="img" aria-label=":' + name + ':" title=":' + name + ':"';
  if (colour) return '<span class="dot" data-emoji="' + name + '"' + label + ' style="background:' + colour + '"></span>';
  const g = CONFIG.emoji[name];
  if (!g) return null;
  return '<span class="emoji" data-emoji="' + name + '"' + label + '>' + (COLOUR_EMOJI ? g.emoji : g.symbol) + '</span>';
}
function emojify(html) { return html.replace(/:([a-z0-9_+-]+):/g, function (m, n) { return emojiHtml(n) || m; }); }

function channelName(id) { const c = CONFIG.channels.find(function (x) { return x.id === id; }); return c ? c.name : id; }
function userName(id) { return id === CONFIG.user.id ? CONFIG.user.name : id === 'U0BOT' ? 'Queue Pulse' : id; }

// The bot's clock as last read, run on with the page's: "today" in a date means the bot's today.
function sandboxNow() { return clockState.available ? clockState.now + (Date.now() - clockFetchedAt) : Date.now(); }

function ordinal(n) { const s = ['th', 'st', 'nd', 'rd'], v = n % 100; return n + (s[(v - 20) % 10] || s[v] || s[0]); }
function dayDiff(d) {
  const a = new Date(sandboxNow()); a.setHours(0, 0, 0, 0);
  const b = new Date(d.getTime()); b.setHours(0, 0, 0, 0);
  return Math.round((b - a) / 86400000);
}
function pretty(d, plain) { const n = dayDiff(d); return n === 0 ? 'today' : n === -1 ? 'yesterday' : n === 1 ? 'tomorrow' : plain; }
function formatDate(epoch, format, fallback) {
  const d = new Date(Number(epoch) * 1000);
  if (isNaN(d.getTime())) return fallback;
  const f = function (o) { return d.toLocaleString(undefined, o); };
  const dateLong = f({ weekday: 'long' }) + ', ' + f({ month: 'long' }) + ' ' + ordinal(d.getDate()) + ', ' + d.getFullYear();
  const date = f({ month: 'long' }) + ' ' + ordinal(d.getDate()) + ', ' + d.getFullYear();
  const short = f({ month: 'short', day: 'numeric', year: 'numeric' });
  const tokens = {
    date_num: d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'),
    date: date, date_short: short, date_long: dateLong,
    date_pretty: pretty(d, date), date_short_pretty: pretty(d, short), date_long_pretty: pretty(d, dateLong),
    time: f({ hour: 'numeric', minute: '2-digit' }), time_secs: f({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: agoText(d),
  };
  return String(format || '{date_short} {time}').replace(/\{([a-z_]+)\}/g, function (m, t) { return tokens[t] !== undefined ? tokens[t] : m; });
}
function agoText(d) {
  const s = Math.round((sandboxNow() - d.getTime()) / 1000);
  if (Math.abs(s) < 60) return 'just now';
  const m = Math.round(s / 60); if (Math.abs(m) < 60) return m > 0 ? m + ' minutes ago' : 'in ' + -m + ' minutes';
  const h = Math.round(m / 60); return h > 0 ? h + ' hours ago' : 'in ' + -h + ' hours';
}

// One of Slack's <…> sequences: a mention, a date, a link; anything else is shown as text.
function special(inner) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? '' : inner.slice(bar + 1);
  if (/^#[CG]/.test(target)) return '<span class="mention">#' + esc(decode(label || channelName(target.slice(1)))) + '</span>';
  if (/^@[UW]/.test(target)) return '<span class="mention">@' + esc(decode(label || userName(target.slice(1)))) + '</span>';
  if (target.indexOf('!date^') === 0) {
    const p = target.split('^');
    const iso = new Date(Number(p[1]) * 1000);
    return '<time datetime="' + (isNaN(iso.getTime()) ? '' : iso.toISOString()) + '" title="' + esc(decode(label)) + '">' + esc(formatDate(p[1], p[2], decode(label))) + '</time>';
  }
  if (target === '!here' || target === '!channel' || target === '!everyone') return '<span class="mention">@' + target.slice(1) + '</span>';
  if (target.indexOf('!subteam^') === 0) return '<span class="mention">' + esc(decode(label || '@team')) + '</span>';
  if (/^(https?:|mailto:)/.test(target)) return '<a href="' + esc(decode(target)) + '" target="_blank" rel="noopener noreferrer">' + esc(decode(label || target)) + '</a>';
  return esc(decode('<' + inner + '>'));
}

function mrkdwn(text) {
  const kept = [];
  const hold = function (html) { kept.push(html); return '\u0000' + (kept.length - 1) + '\u0000'; };
  let s = String(text == null ? '' : text);
  // Nothing inside code is formatted, so it is set aside first.
  s = s.replace(/\x60\x60\x60([\s\S]*?)\x60\x60\x60/g, function (m, c) { return hold('<pre>' + esc(decode(c)) + '</pre>'); });
  s = s.replace(/\x60([^\x60\n]+)\x60/g, function (m, c) { return hold('<code>' + esc(decode(c)) + '</code>'); });
  s = s.replace(/<([^<>\n]+)>/g, function (m, inner) { return hold(special(inner)); });
  s = esc(decode(s));
  s = s.replace(/^&gt; ?(.*)(\n|$)/gm, '<span class="quote">$1</span>');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S|\S)\*(?![\w*])/g, '$1<b>$2</b>');
  s = s.replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S|\S)_(?![\w_])/g, '$1<i>$2</i>');
  s = s.replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S|\S)~(?![\w~])/g, '$1<s>$2</s>');
  s = emojify(s);
  return s.replace(/\u0000(\d+)\u0000/g, function (m, i) { return kept[Number(i)]; });
}
// Slack decodes its three entities in plain_text too; emoji: true turns shortcodes into emoji.
function plain(t) { const s = esc(decode(t)); return emojify(s); }
function textObj(t) { return !t ? '' : t.type === 'mrkdwn' ? mrkdwn(t.text) : plain(t.text); }
function textOf(t) { return !t ? '' : decode(t.text || ''); }

function el(tag, cls, html) { const e = document.createElement(tag); if (cls) e.className = cls; if (html !== undefined) e.innerHTML = html; return e; }

// Only this machine's images: a QuickChart or any internet URL is not fetched (the demo is offline).
function localSrc(url) {
  try {
    const u = new URL(url, location.href);
    if (u.origin === location.origin || ['127.0.0.1', 'localhost', '[::1]'].indexOf(u.hostname) >= 0) return u.href;
  } catch (e) { /* not a URL */ }
  return null;
}
function image(b, cls) {
  const src = b.slack_file ? (b.slack_file.id ? '/files/' + encodeURIComponent(b.slack_file.id) : b.slack_file.url && localSrc(b.slack_file.url)) : localSrc(b.image_url || '');
  if (!src) {
    let host = ''; try { host = new URL(b.image_url).host; } catch (e) { host = 'elsewhere'; }
    return el('span', 'offline-img', 'Image from ' + esc(host) + ' not loaded: the sandbox stays offline. ' + esc(decode(b.alt_text || '')));
  }
  const img = el('img', cls || '');
  img.src = src; img.alt = decode(b.alt_text || ''); img.title = decode(b.alt_text || '');
  return img;
}

// ---------- elements ----------
// A surface (a message, a modal, the Home tab) keeps its stateful elements, to build state.values.
function newSurface(kind, id) { return { kind: kind, id: id, inputs: [] }; }
function stateOf(surface) {
  const values = {};
  for (const i of surface.inputs) { (values[i.blockId] = values[i.blockId] || {})[i.actionId] = i.read(); }
  return values;
}
function isEmpty(v) {
  if (!v) return true;
  if ('value' in v) return v.value === null || v.value === '';
  if ('selected_option' in v) return !v.selected_option;
  if ('selected_options' in v) return !v.selected_options.length;
  if ('selected_time' in v) return !v.selected_time;
  if ('selected_date' in v) return !v.selected_date;
  if ('selected_conversation' in v) return !v.selected_conversation;
  if ('selected_channel' in v) return !v.selected_channel;
  if ('selected_conversations' in v) return !v.selected_conversations.length;
  if ('selected_channels' in v) return !v.selected_channels.length;
  if ('selected_user' in v) return !v.selected_user;
  return false;
}

function optionLabel(o) { return textOf(o.text); }
function allOptions(e) { let out = (e.options || []).slice(); for (const g of e.option_groups || []) out = out.concat(g.options || []); return out; }
function sameOption(a, b) { return a && b && a.value === b.value; }
function conversationsFor(e) {
  const list = CONFIG.channels.map(function (c) { return { id: c.id, label: '#' + c.name }; });
  if (!/channels/.test(e.type)) list.push({ id: CONFIG.dmChannel, label: 'Direct message with Queue Pulse' });
  return list;
}

function element(e, ctx) {
  const blockId = ctx.blockId;
  const actionId = e.action_id || ctx.autoActionId();
  // Inside an input block a change is kept for the submission, not sent, unless dispatch_action.
  const sends = !ctx.input || ctx.dispatch;
  const fire = function (fields) { if (sends) act(ctx.surface, Object.assign({ type: e.type, action_id: actionId, block_id: blockId }, fields)); };
  const keep = function (read) { ctx.surface.inputs.push({ blockId: blockId, actionId: actionId, type: e.type, read: read, required: ctx.required }); };
  switch (e.type) {
    case 'button': {
      const b = el('button', 'btn' + (e.style ? ' ' + e.style : ''), plain(e.text.text));
      b.type = 'button';
      b.dataset.actionId = actionId;
      if (e.url) b.title = e.url;
      b.onclick = function () { act(ctx.surface, { type: 'button', action_id: actionId, block_id: blockId, text: e.text, value: e.value, ...(e.style ? { style: e.style } : {}) }); };
      return b;
    }
    case 'static_select': case 'external_select': case 'multi_static_select': {
      const multi = e.type === 'multi_static_select';
      const s = document.createElement('select');
      s.dataset.actionId = actionId;
      if (multi) s.multiple = true;
      const initial = multi ? (e.initial_options || []) : e.initial_option ? [e.initial_option] : [];
      if (!multi) { const ph = el('option', '', esc(e.placeholder ? textOf(e.placeholder) : 'Select an item')); ph.value = ''; ph.disabled = true; ph.selected = !initial.length; s.appendChild(ph); }
      const opts = [];
      const add = function (parent, list) {
        for (const o of list || []) {
          const opt = el('option', '', esc(optionLabel(o)));
          opt.value = String(opts.length); opts.push(o);
          if (initial.some(function (x) { return sameOption(x, o); })) opt.selected = true;
          parent.appendChild(opt);
        }
      };
      add(s, e.options);
      for (const g of e.option_groups || []) { const og = document.createElement('optgroup'); og.label = textOf(g.label); add(og, g.options); s.appendChild(og); }
      const picked = function () { return Array.from(s.selectedOptions).filter(function (o) { return o.value !== ''; }).map(function (o) { return opts[Number(o.value)]; }); };
      keep(function () { const p = picked(); return multi ? { type: e.type, selected_options: p } : { type: e.type, selected_option: p[0] || null }; });
      s.onchange = function () { const p = picked(); fire(multi ? { selected_options: p } : { selected_option: p[0] || null }); };
      return s;
    }
    case 'overflow': {
      const wrap = el('span', 'overflow');
      const b = el('button', 'btn', '⋯'); b.type = 'button'; b.title = 'More actions'; b.dataset.actionId = actionId;
      const menu = el('div', 'menu');
      for (const o of e.options || []) {
        const item = el('div', '', plain(o.text.text));
        item.onclick = function (ev) { ev.stopPropagation(); wrap.classList.remove('open'); act(ctx.surface, { type: 'overflow', action_id: actionId, block_id: blockId, selected_option: o }); };
        menu.appendChild(item);
      }
      b.onclick = function (ev) { ev.stopPropagation(); document.querySelectorAll('.overflow.open').forEach(function (x) { if (x !== wrap) x.classList.remove('open'); }); wrap.classList.toggle('open'); };
      wrap.appendChild(b); wrap.appendChild(menu);
      return wrap;
    }
    case 'plain_text_input': case 'number_input': case 'email_text_input': case 'url_text_input': {
      const i = e.multiline ? document.createElement('textarea') : document.createElement('input');
      if (!e.multiline) i.type = e.type === 'number_input' ? 'number' : 'text';
      if (e.multiline) i.rows = 3;
      i.dataset.actionId = actionId;
      if (e.placeholder) i.placeholder = textOf(e.placeholder);
      if (e.initial_value !== undefined) i.value = e.initial_value;
      if (e.max_length) i.maxLength = e.max_length;
      keep(function () { return { type: e.type, value: i.value === '' ? null : i.value }; });
      i.onchange = function () { fire({ value: i.value }); };
      return i;
    }
    case 'checkboxes': case 'radio_buttons': {
      const radio = e.type === 'radio_buttons';
      const box = el('div', 'choices');
      const name = 'r' + Math.random().toString(36).slice(2);
      const initial = radio ? (e.initial_option ? [e.initial_option] : []) : (e.initial_options || []);
      const inputs = (e.options || []).map(function (o) {
        const l = el('label', '');
        const i = document.createElement('input'); i.type = radio ? 'radio' : 'checkbox'; i.name = name;
        i.checked = initial.some(function (x) { return sameOption(x, o); });
        l.appendChild(i);
        l.appendChild(el('span', '', textObj(o.text) + (o.description ? '<span class="desc">' + textObj(o.description) + '</span>' : '')));
        box.appendChild(l);
        return { input: i, option: o };
      });
      box.dataset.actionId = actionId;
      const picked = function () { return inputs.filter(function (x) { return x.input.checked; }).map(function (x) { return x.option; }); };
      keep(function () { return radio ? { type: e.type, selected_option: picked()[0] || null } : { type: e.type, selected_options: picked() }; });
      box.onchange = function () { fire(radio ? { selected_option: picked()[0] || null } : { selected_options: picked() }); };
      return box;
    }
    case 'timepicker': case 'datepicker': {
      const time = e.type === 'timepicker';
      const i = document.createElement('input'); i.type = time ? 'time' : 'date';
      i.dataset.actionId = actionId;
      const initial = time ? e.initial_time : e.initial_date;
      if (initial) i.value = initial;
      const read = function () { return i.value || null; };
      keep(function () { return time ? { type: e.type, selected_time: read(), ...(e.timezone ? { timezone: e.timezone } : {}) } : { type: e.type, selected_date: read() }; });
      i.onchange = function () { fire(time ? { selected_time: read() } : { selected_date: read() }); };
      return i;
    }
    case 'conversations_select': case 'channels_select': case 'multi_conversations_select': case 'multi_channels_select': case 'users_select': {
      const multi = e.type.indexOf('multi_') === 0;
      const users = e.type === 'users_select';
      const s = document.createElement('select'); if (multi) s.multiple = true;
      s.dataset.actionId = actionId;
      const list = users ? [{ id: CONFIG.user.id, label: '@' + CONFIG.user.name }] : conversationsFor(e);
      let initial = [].concat(e.initial_conversation || e.initial_channel || e.initial_user || e.initial_conversations || e.initial_channels || []);
      if (!initial.length && e.default_to_current_conversation && current.indexOf('dm:') !== 0 && current !== 'home') initial = [current];
      if (!multi) { const ph = el('option', '', esc(e.placeholder ? textOf(e.placeholder) : 'Select a channel')); ph.value = ''; ph.disabled = true; ph.selected = !initial.length; s.appendChild(ph); }
      for (const c of list) { const o = el('option', '', esc(c.label)); o.value = c.id; o.selected = initial.indexOf(c.id) >= 0; s.appendChild(o); }
      const field = users ? 'selected_user' : e.type.replace(/^(multi_)?(conversations|channels)_select$/, function (m, mm, kind) { return 'selected_' + (kind === 'channels' ? 'channel' : 'conversation') + (mm ? 's' : ''); });
      const read = function () { const v = Array.from(s.selectedOptions).map(function (o) { return o.value; }).filter(Boolean); return multi ? v : v[0] || null; };
      keep(function () { const o = { type: e.type }; o[field] = read(); return o; });
      s.onchange = function () { const o = {}; o[field] = read(); fire(o); };
      return s;
    }
    case 'image':
      return image(e, 'accessory-img');
    default:
      return el('span', 'unsupported', '[' + esc(e.type) + ']');
  }
}

// ---------- blocks ----------
function renderBlocks(blocks, surface, errors) {
  const box = el('div', 'blocks');
  blocks.forEach(function (b, index) {
    // Slack makes up a block_id when the app gives none; so does the sandbox, stably per render.
    const blockId = b.block_id || 'sandbox_' + index;
    let n = 0;
    const ctx = { surface: surface, blockId: blockId, autoActionId: function () { return blockId + '_' + n++; } };
    switch (b.type) {
      case 'header': box.appendChild(el('div', 'h', plain(b.text.text))); break;
      case 'divider': box.appendChild(el('div', 'divider')); break;
      case 'section': {
        const sec = el('div', 'sec');
        const col = el('div', 'txt');
        if (b.text) col.appendChild(el('div', '', textObj(b.text)));
        if (b.fields) { const f = el('div', 'fields'); for (const x of b.fields) f.appendChild(el('div', '', textObj(x))); col.appendChild(f); }
        sec.appendChild(col);
        if (b.accessory) sec.appendChild(element(b.accessory, ctx));
        box.appendChild(sec);
        break;
      }
      case 'context': {
        const x = el('div', 'ctx');
        for (const e of b.elements || []) x.appendChild(e.type === 'image' ? image(e) : el('span', '', textObj(e)));
        box.appendChild(x);
        break;
      }
      case 'image': {
        const wrap = el('div', 'img-block');
        if (b.title) wrap.appendChild(el('div', 'title', plain(b.title.text)));
        wrap.appendChild(image(b));
        box.appendChild(wrap);
        break;
      }
      case 'actions': {
        const a = el('div', 'acts');
        a.dataset.blockId = blockId;
        for (const e of b.elements || []) a.appendChild(element(e, ctx));
        box.appendChild(a);
        break;
      }
      case 'input': {
        const wrap = el('div', 'input');
        wrap.dataset.blockId = blockId;
        wrap.appendChild(el('label', 'lbl', plain(b.label.text) + (b.optional ? ' <span class="opt">(optional)</span>' : '')));
        wrap.appendChild(element(b.element, Object.assign({}, ctx, { input: true, dispatch: b.dispatch_action === true, required: !b.optional })));
        if (b.hint) wrap.appendChild(el('div', 'hint', plain(b.hint.text)));
        const err = el('div', 'field-error');
        err.dataset.errorFor = blockId;
        if (errors && errors[blockId]) { err.textContent = errors[blockId]; wrap.classList.add('has-error'); }
        wrap.appendChild(err);
        box.appendChild(wrap);
        break;
      }
      case 'rich_text': {
        const text = (b.elements || []).map(function (s) { return (s.elements || []).map(function (t) { return t.text || ''; }).join(''); }).join('\n');
        box.appendChild(el('div', 'sec', esc(text)));
        break;
      }
      default:
        box.appendChild(el('div', 'unsupported', '[' + esc(b.type) + ' block]'));
    }
  });
  return box;
}

// ---------- messages ----------
function pane(id) {
  if (!PANES[id]) {
    const p = el('div', 'pane'); p.dataset.pane = id;
    document.getElementById('panes').appendChild(p);
    PANES[id] = p;
    if (id.indexOf('dm:') === 0) addNav(id, 'dms', id === 'dm:' + CONFIG.user.id ? 'Queue Pulse' : 'Queue Pulse → ' + userName(id.slice(3)));
    else if (!document.querySelector('[data-nav="' + id + '"]')) addNav(id, 'channels', '# ' + channelName(id));
  }
  return PANES[id];
}
function addNav(id, group, label) {
  const a = el('a', '', '<span>' + esc(label) + '</span><span class="badge"></span>');
  a.dataset.nav = id;
  a.onclick = function () { go(id); };
  document.getElementById(group).appendChild(a);
}

function renderMessage(m) {
  const box = el('div', 'msg ' + m.from + (m.ephemeral && m.from === 'bot' ? ' ephemeral' : ''));
  box.dataset.key = m.key; box.dataset.version = m.version; box.dataset.order = m.order;
  const who = m.from === 'bot' ? 'Queue Pulse' : m.from === 'user' ? CONFIG.user.name : 'Sandbox';
  box.appendChild(el('div', 'avatar', who[0].toUpperCase()));
  const main = el('div', 'body');
  const time = new Date(Number(m.ts) * 1000);
  main.appendChild(el('div', 'meta', '<b>' + esc(who) + '</b>' + (m.from === 'bot' ? '<span class="app">APP</span>' : '') + esc(isNaN(time.getTime()) ? '' : time.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })) + (m.edited ? ' (edited)' : '')));
  if (m.from === 'user') main.appendChild(el('div', '', '<code>' + esc(m.text) + '</code>'));
  else if (m.blocks && m.blocks.length) main.appendChild(renderBlocks(m.blocks, newSurface('message', m.key)));
  else main.appendChild(el('div', 'sec', '<div class="txt">' + mrkdwn(m.text || '') + '</div>'));
  if (m.ephemeral && m.from !== 'user') main.appendChild(el('div', 'eph-note', 'Only visible to you'));
  box.appendChild(main);
  return box;
}

function applyMessage(m) {
  const prev = shown.get(m.key);
  if (prev && prev.version >= m.version) return;
  if (m.deleted || m.hidden) { if (prev) prev.node.remove(); shown.delete(m.key); return; }
  const node = renderMessage(m);
  const p = pane(m.pane);
  if (prev) prev.node.replaceWith(node);
  else {
    const after = Array.from(p.children).find(function (c) { return Number(c.dataset.order) > m.order; });
    p.insertBefore(node, after || null);
    if (m.pane !== current && m.from === 'bot') { unread.set(m.pane, (unread.get(m.pane) || 0) + 1); badges(); }
  }
  shown.set(m.key, { version: m.version, node: node });
  if (m.pane === current) scrollDown();
}
function scrollDown() { const s = document.getElementById('panes'); s.scrollTop = s.scrollHeight; }
function badges() { document.querySelectorAll('aside a').forEach(function (a) { a.querySelector('.badge').textContent = unread.get(a.dataset.nav) || ''; }); }

// ---------- App Home ----------
function applyHome(user, v) {
  if (user !== CONFIG.user.id || v.version <= homeVersion) return;
  homeVersion = v.version;
  const p = pane('home');
  p.innerHTML = '';
  const wrap = el('div', 'home');
  wrap.dataset.viewId = v.id;
  wrap.appendChild(renderBlocks(v.view.blocks || [], newSurface('view', v.id), v.errors));
  p.appendChild(wrap);
}

// ---------- modals ----------
function applyModals(stack) {
  const root = document.getElementById('modal-root');
  const top = stack[stack.length - 1];
  if (!top) { root.classList.remove('on'); root.innerHTML = ''; modalShown = null; return; }
  const same = modalShown && modalShown.id === top.id && JSON.stringify(modalShown.view.blocks) === JSON.stringify(top.view.blocks) && JSON.stringify(modalShown.view.title) === JSON.stringify(top.view.title);
  if (same) {
    // Only the errors changed: keep what the user typed, as Slack does.
    root.querySelectorAll('.input').forEach(function (w) {
      const msg = (top.errors || {})[w.dataset.blockId] || '';
      w.querySelector('.field-error').textContent = msg;
      w.classList.toggle('has-error', Boolean(msg));
    });
    root.querySelector('.failed').textContent = '';
    modalShown = top;
    return;
  }
  modalShown = top;
  const v = top.view;
  const surface = newSurface('view', top.id);
  const m = el('div', 'modal');
  m.dataset.viewId = top.id; m.dataset.callbackId = v.callback_id || '';
  m.setAttribute('role', 'dialog');
  const head = el('div', 'mh', '<span>' + plain(v.title ? v.title.text : '') + '</span>');
  const x = el('button', '', '×'); x.type = 'button'; x.title = 'Close'; x.onclick = function () { closeView(stack[0].id, surface); };
  head.appendChild(x);
  m.appendChild(head);
  const body = el('div', 'mb');
  body.appendChild(renderBlocks(v.blocks || [], surface, top.errors));
  m.appendChild(body);
  const foot = el('div', 'mf', '<span class="failed"></span>');
  const close = el('button', 'btn', plain(v.close ? v.close.text : stack.length > 1 ? 'Back' : 'Cancel'));
  close.type = 'button'; close.dataset.role = 'close';
  close.onclick = function () { closeView(top.id, surface); };
  foot.appendChild(close);
  if (v.submit) {
    const sub = el('button', 'btn primary', plain(v.submit.text));
    sub.type = 'button'; sub.dataset.role = 'submit';
    sub.onclick = function () { submitView(top.id, surface, m, sub); };
    foot.appendChild(sub);
  }
  m.appendChild(foot);
  root.innerHTML = '';
  root.appendChild(m);
  root.classList.add('on');
}

async function submitView(viewId, surface, m, button) {
  // Slack checks required fields itself and sends nothing until they are filled.
  let missing = false;
  for (const i of surface.inputs) {
    const w = m.querySelector('.input[data-block-id="' + i.blockId + '"]');
    if (!w) continue;
    const empty = i.required && isEmpty(i.read());
    w.querySelector('.field-error').textContent = empty ? 'Please complete this required field.' : '';
    w.classList.toggle('has-error', empty);
    missing = missing || empty;
  }
  if (missing) return;
  button.disabled = true;
  try {
    const r = await post('/sandbox/submit', { viewId: viewId, state: stateOf(surface) });
    const failed = m.querySelector('.failed');
    if (failed && (r.error || r.status !== 200)) failed.textContent = r.error || 'The bot answered HTTP ' + r.status + '; Slack would say "We had some trouble connecting".';
  } finally { button.disabled = false; }
}
async function closeView(viewId, surface) { await post('/sandbox/close', { viewId: viewId, state: stateOf(surface) }); }

// ---------- requests ----------
async function post(path, payload) {
  try {
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    return await r.json();
  } catch (e) { return { error: 'The sandbox did not answer: ' + e.message }; }
}
async function act(surface, action) {
  const body = { action: action, state: stateOf(surface) };
  if (surface.kind === 'view') body.viewId = surface.id; else body.messageKey = surface.id;
  const r = await post('/sandbox/action', body);
  if (r.error && surface.kind === 'view') alert(r.error);
}

function channelOf(id) { return id.indexOf('dm:') === 0 ? CONFIG.dmChannel : id; }
document.getElementById('composer').onsubmit = async function (e) {
  e.preventDefault();
  const field = document.getElementById('cmd');
  const raw = field.value.trim();
  const m = /^\/queue(\s+|$)([\s\S]*)$/i.exec(raw);
  if (!m) { alert('Only /queue is installed in this sandbox: type /queue help'); return; }
  field.value = '';
  await post('/sandbox/command', { text: m[2], channel: channelOf(current) });
};

// ---------- navigation ----------
function go(id) {
  current = id;
  document.querySelectorAll('aside a').forEach(function (a) { a.classList.toggle('on', a.dataset.nav === id); });
  Object.keys(PANES).forEach(function (k) { PANES[k].classList.toggle('on', k === id); });
  pane(id).classList.add('on');
  unread.delete(id); badges();
  const title = id === 'home' ? 'Queue Pulse · Home' : id.indexOf('dm:') === 0 ? 'Queue Pulse (DM)' : '# ' + channelName(id);
  document.getElementById('title').textContent = title;
  document.getElementById('composer').classList.toggle('off', id === 'home');
  if (id === 'home') {
    if (!homeVersion) PANES.home.innerHTML = '<div class="home empty">Opening Home…</div>';
    // Slack sends app_home_opened every time the tab is opened.
    void post('/sandbox/home', {});
  }
  scrollDown();
}

// ---------- clock ----------
function fmtClock(ms) { return new Date(ms).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }); }
function fmtOffset(ms) {
  if (!ms) return 'real time';
  const m = Math.round(ms / 60000), h = Math.floor(m / 60);
  return '+' + (h ? h + ' h ' : '') + (m % 60) + ' min ahead';
}
function applyClock(s) {
  clockState = s; clockFetchedAt = Date.now();
  const ok = s.available;
  document.querySelectorAll('#clock button').forEach(function (b) { b.disabled = !ok; });
  const next = document.getElementById('next-digest');
  if (ok && s.nextDigest) {
    const at = new Date(s.nextDigest);
    const day = dayDiff(at) === 0 ? '' : at.toLocaleDateString([], { weekday: 'short' }) + ' ';
    next.textContent = 'Next digest ' + day + at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ' ▸';
    next.disabled = false;
  }
  else { next.textContent = 'No digest scheduled'; next.disabled = true; }
  document.getElementById('offset').textContent = ok ? fmtOffset(s.offsetMs) : 'starting';
  drawClock();
}
function drawClock() { document.getElementById('clock-now').textContent = clockState.available ? fmtClock(sandboxNow()) : '—'; }
async function readClock() { try { applyClock(await (await fetch('/sandbox/clock')).json()); } catch (e) { /* shown by the stream's status */ } }
document.querySelectorAll('#clock [data-advance]').forEach(function (b) {
  b.onclick = async function () { const r = await post('/sandbox/clock', { advanceMs: Number(b.dataset.advance) }); if (!r.error) applyClock(r); };
});
document.getElementById('next-digest').onclick = async function () { const r = await post('/sandbox/clock', { toNextDigest: true }); if (r.error) alert(r.error); else applyClock(r); };
setInterval(drawClock, 1000);
setInterval(readClock, 10000);

// ---------- stream ----------
function connect() {
  const es = new EventSource('/sandbox/stream');
  es.onopen = function () { document.getElementById('conn').classList.remove('on'); };
  es.onerror = function () { document.getElementById('conn').classList.add('on'); };
  es.onmessage = function (e) {
    const ev = JSON.parse(e.data);
    if (ev.type === 'snapshot') {
      shown.forEach(function (s) { s.node.remove(); }); shown.clear();
      ev.messages.forEach(applyMessage);
      Object.keys(ev.homes).forEach(function (u) { applyHome(u, ev.homes[u]); });
      applyModals(ev.modals);
      document.body.dataset.ready = 'true';
    } else if (ev.type === 'message') applyMessage(ev.message);
    else if (ev.type === 'home') applyHome(ev.user, ev.view);
    else if (ev.type === 'modals') applyModals(ev.stack);
    else if (ev.type === 'clock') applyClock(ev);
  };
}
document.addEventListener('click', function () { document.querySelectorAll('.overflow.open').forEach(function (x) { x.classList.remove('open'); }); });
CONFIG.channels.forEach(function (c) { addNav(c.id, 'channels', '# ' + c.name); pane(c.id); });
pane('dm:' + CONFIG.user.id);
addNav('home', 'apps', 'Queue Pulse · Home');
pane('home');
go(current);
connect();
void readClock();

// ?q=skill%20billing runs a command on load: links to a ready answer, and screenshots.
const preset = new URLSearchParams(location.search).get('q');
if (preset !== null) { document.getElementById('cmd').value = '/queue ' + preset; setTimeout(function () { document.getElementById('composer').requestSubmit(); }, 300); }
`;

/** The page, with the workspace it shows (channels, user) and the emoji map built in. */
export function sandboxPage(config: PageConfig): string {
  // Inside a <script> element only "</" could end it early; \u003c keeps the JSON inert.
  const json = JSON.stringify({ ...config, emoji: EMOJI, marks: MARK_COLOURS }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Queue Pulse sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style>
</head>
<body>
<div id="app">
  <aside>
    <div class="ws">Sandbox <small style="font-weight:400;opacity:.7">· Queue Pulse</small></div>
    <div class="group">Channels</div><div id="channels"></div>
    <div class="group">Direct messages</div><div id="dms"></div>
    <div class="group">Apps</div><div id="apps"></div>
  </aside>
  <section id="main">
    <div>
      <div id="top">
        <span id="title"></span>
        <div id="clock" title="The bot's clock: the simulator's traffic and the digest schedules follow it">
          Bot clock <b id="clock-now">—</b> <span id="offset"></span>
          <button class="btn" type="button" data-advance="60000">+1 min</button>
          <button class="btn" type="button" data-advance="900000">+15 min</button>
          <button class="btn" type="button" data-advance="3600000">+1 h</button>
          <button class="btn primary" type="button" id="next-digest">No digest scheduled</button>
        </div>
      </div>
      <div id="conn">Disconnected from the sandbox: is <code>npm run demo</code> still running?</div>
    </div>
    <div class="panes" id="panes"></div>
    <form id="composer" autocomplete="off">
      <div>
        <input id="cmd" value="/queue skill billing" aria-label="Message or slash command">
        <button class="btn primary" type="submit">Send</button>
      </div>
    </form>
  </section>
</div>
<div id="modal-root"></div>
<script type="application/json" id="config">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
