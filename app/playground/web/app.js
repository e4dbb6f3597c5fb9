// The playground page: columns built from /api/world, posts from
// /api/transcript and then /api/events. Everything anyone wrote is put in
// the page as text (textContent), never as HTML.
"use strict";

const state = { world: null, names: {}, staff: new Set(), clients: {}, cols: {}, posts: {}, fmt: null };

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k) e.append(k);
  return e;
}

function status(msg, isError) {
  const s = document.getElementById("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

async function api(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const out = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(out.error || res.status + " " + res.statusText);
  return out;
}

// Slack mrkdwn, minimal: mentions, links by their label, *bold*, _italic_,
// ~strike~, `code`, and the &lt; &gt; &amp; Slack escapes.
const unescapeSlack = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
function renderText(text, into) {
  into.textContent = "";
  const re = /<([^<>\n]+)>|(^|[^\w])\*([^*\n]+)\*(?!\w)|(^|[^\w])_([^_\n]+)_(?!\w)|(^|[^\w])~([^~\n]+)~(?!\w)|`([^`\n]+)`/g;
  let last = 0, m;
  const plain = (s) => { if (s) into.append(document.createTextNode(unescapeSlack(s))); };
  while ((m = re.exec(text)) !== null) {
    plain(text.slice(last, m.index));
    last = re.lastIndex;
    if (m[1] !== undefined) {
      const inner = m[1];
      const [target, label] = inner.split("|", 2);
      if (target.startsWith("@")) into.append(el("b", { text: "@" + (state.names[target.slice(1)] || label || target.slice(1)) }));
      else if (target.startsWith("#")) into.append(el("b", { text: "#" + unescapeSlack(label || target.slice(1)) }));
      else if (target.startsWith("!")) into.append(el("b", { text: "@" + (label || target.slice(1)) }));
      else if (archiveLink(target)) into.append(inPageLink(archiveLink(target), unescapeSlack(label || target)));
      else if (/^https?:\/\//.test(target)) into.append(el("a", { href: unescapeSlack(target), rel: "noreferrer noopener", target: "_blank", text: unescapeSlack(label || target) }));
      else plain("<" + inner + ">");
    } else if (m[3] !== undefined) { plain(m[2]); into.append(el("b", { text: unescapeSlack(m[3]) })); }
    else if (m[5] !== undefined) { plain(m[4]); into.append(el("i", { text: unescapeSlack(m[5]) })); }
    else if (m[7] !== undefined) { plain(m[6]); into.append(el("s", { text: unescapeSlack(m[7]) })); }
    else if (m[8] !== undefined) into.append(el("code", { text: unescapeSlack(m[8]) }));
  }
  plain(text.slice(last));
}

// archiveLink reads a Slack permalink (…/archives/C…/p1796644800900006)
// as the post it points to, which the page has.
function archiveLink(url) {
  const m = /\/archives\/([A-Z0-9]+)\/p(\d+)(\d{6})$/.exec(url);
  return m ? { where: m[1], ts: m[2] + "." + m[3] } : null;
}

// inPageLink shows the linked post here instead of leaving for Slack.
function inPageLink(target, label) {
  const a = el("a", { href: "#", text: label });
  a.addEventListener("click", (ev) => {
    ev.preventDefault();
    const li = document.querySelector(`.col[data-where="${CSS.escape(target.where)}"] li[data-ts="${CSS.escape(target.ts)}"]`);
    if (!li) { status("Ese mensaje no está en la página", true); return; }
    const d = li.querySelector(":scope > .thread");
    if (d) d.open = true;
    li.scrollIntoView({ block: "center" });
    li.setAttribute("tabindex", "-1");
    li.focus();
  });
  return a;
}

function whoClass(who) {
  if (who === "bot") return "bot";
  return state.staff.has(who) ? "staff" : "client";
}

// place finds (or makes) the column a post belongs to.
function place(where) {
  if (state.cols[where]) return state.cols[where];
  if (where.startsWith("+")) return column(where, "phone-cols", "📱 " + where + " · número desconocido", [where]);
  if (where.startsWith("home:")) return state.cols["homes"];
  if (/^D/.test(where)) return state.cols["dms"];
  return column(where, "desk-cols", "#" + where, [...state.staff]);
}

// column makes a column for a place, with a composer writing as one of
// people; people empty: no composer.
function column(where, parent, title, people) {
  const node = document.getElementById("col-tpl").content.firstElementChild.cloneNode(true);
  node.dataset.where = where;
  node.querySelector("h3").textContent = title;
  const form = node.querySelector("form");
  if (people.length === 0) form.remove();
  else {
    const sel = form.querySelector("select");
    for (const id of people) sel.append(el("option", { value: id, text: state.names[id] || id }));
    if (people.length === 1) form.querySelector(".as-label").hidden = true;
    const input = form.querySelector("input");
    input.id = "say-" + where.replace(/[^\w]/g, "_");
    if (where.startsWith("+")) input.placeholder = "Escribí un WhatsApp al bot";
    form.addEventListener("submit", (ev) => { ev.preventDefault(); say(form, where, ""); });
  }
  const col = { node, list: node.querySelector(".posts"), where };
  document.getElementById(parent).append(node);
  state.cols[where] = col;
  return col;
}

async function say(form, where, thread) {
  const input = form.querySelector("input[name=text]");
  const text = input.value.trim();
  if (!text) return;
  const as = asOf(form.closest(".col"), where);
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    await api("/api/say", thread ? { as, where, thread, text } : { as, where, text });
    input.value = "";
    status("");
  } catch (e) {
    status(e.message, true);
  } finally {
    button.disabled = false;
    input.focus();
  }
}

// asOf is who acts in a column: its picker's choice, a phone's own number,
// a DM's or Home's owner.
function asOf(colNode, where) {
  if (where.startsWith("+")) return where;
  if (where.startsWith("home:")) return where.slice(5);
  if (/^D/.test(where) && state.names[where.slice(1)]) return where.slice(1);
  const sel = colNode && colNode.querySelector(":scope > form select[name=as]");
  return sel ? sel.value : "";
}

async function press(post, b, btn) {
  const as = asOf(btn.closest(".col"), post.where);
  btn.disabled = true;
  try {
    const body = { as, where: post.where, action_id: b.action_id };
    if (post.ts) body.ts = post.ts;
    if (b.value) body.value = b.value;
    await api("/api/press", body);
    status("");
  } catch (e) {
    status(e.message, true);
  } finally {
    btn.disabled = false;
  }
}

function fill(li, p) {
  li.className = "post " + p.kind;
  li.dataset.seq = p.seq;
  if (p.ts) li.dataset.ts = p.ts;
  const meta = li.querySelector(":scope > .meta"), text = li.querySelector(":scope > .text"), btns = li.querySelector(":scope > .buttons");
  meta.textContent = "";
  if (p.where.startsWith("D") && state.names[p.where.slice(1)]) meta.append(el("span", { class: "dm-to", text: "DM a " + state.names[p.where.slice(1)] }));
  if (p.kind === "home") meta.append(el("span", { class: "dm-to", text: "Inicio de " + (state.names[p.where.slice(5)] || p.where.slice(5)) }));
  meta.append(el("span", { class: "who " + whoClass(p.who), text: state.names[p.who] || p.who }));
  meta.append(el("time", { datetime: p.time, text: state.fmt.format(new Date(p.time)) }));
  if (p.kind === "ephemeral") meta.append(el("span", { text: "solo visible para " + (state.names[p.for] || p.for) }));
  if (p.edited && p.kind !== "home") meta.append(el("span", { text: "(editado)" }));
  const button = (b) => {
    const btn = el("button", { type: "button", "data-action": b.action_id, text: b.label });
    if (b.value) btn.dataset.value = b.value;
    btn.addEventListener("click", () => press(p, b, btn));
    return btn;
  };
  btns.textContent = "";
  if (p.kind === "home") {
    // Each ticket's buttons under its lines, as Slack lays a Home out.
    text.textContent = "";
    const lines = p.text.split("\n");
    let from = 0;
    const groups = [];
    for (const b of p.buttons || []) {
      const line = b.line || 0;
      if (!groups.length || groups[groups.length - 1].line !== line) groups.push({ line, buttons: [] });
      groups[groups.length - 1].buttons.push(b);
    }
    for (const g of groups) {
      const part = el("div");
      renderText(lines.slice(from, g.line).join("\n"), part);
      text.append(part, el("div", { class: "buttons" }, ...g.buttons.map(button)));
      from = g.line;
    }
    const rest = el("div");
    renderText(lines.slice(from).join("\n"), rest);
    text.append(rest);
    btns.hidden = true;
    return;
  }
  renderText(p.text, text);
  for (const b of p.buttons || []) btns.append(button(b));
  btns.hidden = !(p.buttons && p.buttons.length);
}

// threadOf makes the expandable thread under a top-level Slack post.
function threadOf(li, p) {
  let d = li.querySelector(":scope > .thread");
  if (d) return d;
  d = el("details", { class: "thread" }, el("summary", { text: "Hilo" }), el("ol", { class: "replies" }));
  const form = el("form", { class: "composer reply" },
    el("label", { text: "Responder en el hilo" }, el("input", { name: "text", type: "text", autocomplete: "off" })),
    el("button", { type: "submit", text: "Responder" }));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); say(form, p.where, p.ts); });
  d.append(form);
  li.append(d);
  return d;
}

function countReplies(d) {
  const n = d.querySelectorAll(":scope > .replies > li").length;
  d.querySelector("summary").textContent = n === 0 ? "Hilo" : n === 1 ? "1 respuesta" : n + " respuestas";
}

function postItem(where) {
  return el("li", { "data-where": where }, el("div", { class: "meta" }), el("div", { class: "text" }), el("div", { class: "buttons" }));
}

function upsert(p) {
  let li = state.posts[p.seq];
  if (!li && p.kind === "home") li = document.querySelector(`.col[data-where="homes"] li[data-where="${CSS.escape(p.where)}"]`);
  if (li) { fill(li, p); state.posts[p.seq] = li; return; }
  li = postItem(p.where);
  fill(li, p);
  state.posts[p.seq] = li;
  const col = place(p.where);
  const slack = !p.where.startsWith("+") && !p.where.startsWith("home:") && !p.where.startsWith("D");
  if (p.thread) {
    const parent = col.list.querySelector(`:scope > li[data-ts="${CSS.escape(p.thread)}"]`);
    if (parent) {
      const d = threadOf(parent, { where: p.where, ts: p.thread });
      d.querySelector(".replies").append(li);
      countReplies(d);
      // A new reply opens its thread, as Slack's unread badge would call.
      d.open = true;
      return;
    }
  }
  col.list.append(li);
  if (slack && p.ts) threadOf(li, p);
  col.list.scrollTop = col.list.scrollHeight;
}

function setNow(t) { document.getElementById("now").textContent = state.fmt.format(new Date(t)); }

async function advance(btn) {
  const buttons = document.querySelectorAll(".clockbar button");
  buttons.forEach((b) => (b.disabled = true));
  status("El reloj avanza…");
  try {
    const out = await api("/api/clock", { advance: btn.dataset.advance });
    setNow(out.now);
    status("");
  } catch (e) {
    status(e.message, true);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function load() {
  const w = await (await fetch("/api/world")).json();
  const world = w.world;
  state.world = world;
  state.fmt = new Intl.DateTimeFormat("es-AR", { timeZone: world.zone, weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  state.names.bot = "supportbot";
  for (const s of world.staff) { state.names[s.id] = s.name; state.staff.add(s.id); }
  for (const c of world.clients) for (const u of c.users) state.names[u.id] = u.name;
  if (world.note) { const n = document.getElementById("note"); n.textContent = world.note; n.hidden = false; }
  setNow(w.now);
  const staff = world.staff.map((s) => s.id);
  for (const c of world.clients) {
    column(c.channel, "client-cols", "#" + c.id + " · " + c.name + " (" + c.language + ")", [...c.users.map((u) => u.id), ...staff]);
    for (const n of c.contacts) { state.names[n] = n + " · " + c.name; column(n, "phone-cols", "📱 " + n + " · " + c.name, [n]); }
  }
  state.names[world.unknown] = world.unknown;
  column(world.unknown, "phone-cols", "📱 " + world.unknown + " · número desconocido", [world.unknown]);
  for (const d of world.desk) column(d.id, "desk-cols", "#" + d.name + " (" + d.id + ")", staff);
  column("dms", "desk-cols", "Mensajes directos del bot", []);
  // Each Home has its place, in the staff's order, before it is published.
  const homes = column("homes", "desk-cols", "Inicio (Home) de cada persona de la mesa", []);
  for (const s of world.staff) {
    const li = postItem("home:" + s.id);
    li.className = "post home";
    li.querySelector(".meta").append(el("span", { class: "dm-to", text: "Inicio de " + s.name }));
    homes.list.append(li);
  }
  document.querySelectorAll(".clockbar button").forEach((b) => b.addEventListener("click", () => advance(b)));

  // The stream first, then the transcript: a post in between arrives twice
  // and is placed once, by its number.
  const es = new EventSource("/api/events");
  es.addEventListener("post", (e) => upsert(JSON.parse(e.data).post));
  es.addEventListener("clock", (e) => setNow(JSON.parse(e.data).now));
  es.addEventListener("open", async () => {
    const posts = await (await fetch("/api/transcript")).json();
    for (const p of posts) upsert(p);
    document.body.dataset.ready = "true";
  });
}

load().catch((e) => status("No se pudo cargar el playground: " + e.message, true));
