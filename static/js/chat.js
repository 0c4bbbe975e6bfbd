/* The chat client: plain JavaScript, no build step, no external assets.
 *
 * Protocol v1 over /ws/chat/ (docs/PROTOCOL.md). Every message the server stores has a
 * `seq`; after a reconnect the client asks to `resume` after the last seq it rendered,
 * and asks not yet acknowledged are sent again (the server answers each client_id once).
 */
(function () {
  "use strict";

  var log = document.getElementById("chat-log");
  if (!log) return;
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var live = document.getElementById("chat-live");
  var statusLine = document.getElementById("chat-status");
  var typing = document.getElementById("typing");
  var banner = document.getElementById("emergency-banner");
  var bannerText = document.getElementById("emergency-text");

  // Every word the client shows comes translated from the page (json_script "chat-strings").
  var words = {};
  try { words = JSON.parse(document.getElementById("chat-strings").textContent); } catch (e) { /* English */ }
  function t(key, fallback, values) {
    var text = words[key] || fallback;
    Object.keys(values || {}).forEach(function (name) { text = text.split("%(" + name + ")s").join(values[name]); });
    return text;
  }

  var conversation = log.dataset.conversation;
  var lastSeq = parseInt(log.dataset.lastSeq || "0", 10);
  var pendingKey = "chat-pending-" + conversation;
  var pending = loadPending();         // client_id -> text, until acknowledged
  var rendered = {};                   // message_id -> element
  var socket = null;
  var retry = 0;
  var timer = null;
  var replaying = false;               // history frames are shown, not announced again

  function loadPending() {
    try { return JSON.parse(sessionStorage.getItem(pendingKey) || "{}"); } catch (e) { return {}; }
  }
  function savePending() {
    try { sessionStorage.setItem(pendingKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function scrollDown() { log.lastElementChild && log.lastElementChild.scrollIntoView({ block: "end" }); }
  function announce(text) {
    if (replaying) return;
    var p = el("p", null, text);
    live.appendChild(p);
    while (live.childNodes.length > 20) live.removeChild(live.firstChild);
  }
  function setStatus(text) { statusLine.textContent = text || ""; }
  function noteSeq(seq) { if (typeof seq === "number" && seq > lastSeq) lastSeq = seq; }

  /* --- Rendering ----------------------------------------------------------------------- */

  function bubble(role, label) {
    var item = el("li", "msg " + role);
    if (label) item.appendChild(el("p", "who", label));
    var body = el("div", "body");
    item.appendChild(body);
    var welcome = document.getElementById("welcome");
    if (welcome) welcome.remove();
    log.appendChild(item);
    return item;
  }

  function renderQuestion(id, text, clientId) {
    var existing = clientId && log.querySelector('[data-client-id="' + clientId + '"]');
    if (existing) { if (id) existing.dataset.messageId = id; return existing; }
    if (id && rendered["q" + id]) return rendered["q" + id];
    var item = bubble("patient", t("you", "You"));
    item.querySelector(".body").textContent = text;
    if (clientId) item.dataset.clientId = clientId;
    if (id) { item.dataset.messageId = id; rendered["q" + id] = item; }
    scrollDown();
    return item;
  }

  function answerBubble(id) {
    if (rendered[id]) return rendered[id];
    var item = bubble("assistant", t("assistant", "Assistant"));
    item.dataset.messageId = id;
    rendered[id] = item;
    return item;
  }

  function addSentence(id, text, cites) {
    var item = answerBubble(id);
    if (item.dataset.done) return;                 // a replay of a finished answer
    var span = el("span", "sentence", text + " ");
    var key = (cites || []).join(",");
    // A run of sentences from the same source carries its mark once, after the last one.
    var previous = item.querySelector(".body .marks:last-child");
    if (previous && previous.dataset.key === key) previous.remove();
    item.querySelector(".body").appendChild(span);
    if (key) {
      var marks = el("span", "marks");
      marks.dataset.key = key;
      cites.forEach(function (n) {
        var sup = el("sup", "cite");
        var a = el("a", null, "[" + n + "]");
        a.href = "#src-" + id + "-" + n;
        a.setAttribute("aria-label", t("source", "Source %(n)s", { n: n }));
        sup.appendChild(a);
        marks.appendChild(sup);
      });
      marks.appendChild(document.createTextNode(" "));
      item.querySelector(".body").appendChild(marks);
    }
    announce(text);
    scrollDown();
  }

  function finishAnswer(frame) {
    var item = answerBubble(frame.message_id);
    if (item.dataset.done) return;
    item.dataset.done = "1";
    typing.hidden = true;
    if (frame.citations && frame.citations.length) {
      var list = el("ol", "sources");
      list.setAttribute("aria-label", t("sources", "Sources"));
      frame.citations.forEach(function (c) {
        var li = el("li");
        li.id = "src-" + frame.message_id + "-" + c.n;
        li.value = c.n;
        var a = el("a", null, c.title + " — " + (c.label || c.section));
        a.href = c.url;
        li.appendChild(a);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    if (frame.disclaimer) item.appendChild(el("p", "disclaimer", frame.disclaimer));
    addActions(item, frame.actions, frame.message_id);
    addFeedback(item, frame.message_id);
    scrollDown();
  }

  function addActions(item, actions, messageId) {
    (actions || []).forEach(function (action) {
      if (action.type !== "send_to_care_team") return;
      var button = el("button", "button secondary small", t("send_to_care_team", "Send to my care team"));
      button.type = "button";
      button.addEventListener("click", function () {
        button.disabled = true;
        send({ type: "escalate", message_id: messageId });
      });
      item.appendChild(button);
    });
  }

  function addFeedback(item, messageId) {
    var box = el("div", "feedback");
    var q = el("span", "muted", t("helpful", "Was this helpful?") + " ");
    box.appendChild(q);
    [[1, t("yes", "Yes"), t("yes_helpful", "Yes, helpful")],
     [-1, t("no", "No"), t("no_helpful", "No, not helpful")]].forEach(function (opt) {
      var b = el("button", "icon-button", opt[1]);
      b.type = "button";
      b.setAttribute("aria-label", opt[2]);
      b.addEventListener("click", function () {
        if (opt[0] === -1) {
          var comment = window.prompt(t("what_wrong", "What was wrong or missing? (optional)")) || "";
          send({ type: "feedback", message_id: messageId, rating: -1, comment: comment });
        } else {
          send({ type: "feedback", message_id: messageId, rating: 1 });
        }
        box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        b.setAttribute("aria-pressed", "true");
      });
      box.appendChild(b);
    });
    item.appendChild(box);
  }

  function renderSafety(frame) {
    if (rendered[frame.message_id]) return;
    typing.hidden = true;
    var item = bubble("assistant safety " + frame.level, t("assistant", "Assistant"));
    rendered[frame.message_id] = item;
    item.querySelector(".body").textContent = frame.text;
    announce(frame.text);
    if (frame.level === "emergency" || frame.level === "crisis") {
      bannerText.textContent = frame.text;
      banner.hidden = false;
      banner.classList.toggle("crisis", frame.level === "crisis");
    }
    (frame.actions || []).forEach(function (action) {
      if (action.type === "call" || action.type === "text") {
        var a = el("a", "button " + (action.type === "call" && frame.level !== "crisis" ? "danger" : "secondary") + " small", action.label);
        a.href = (action.type === "call" ? "tel:" : "sms:") + action.number;
        item.appendChild(a);
      }
    });
    addActions(item, frame.actions, frame.message_id);
    scrollDown();
  }

  function renderEscalation(frame) {
    var id = "esc-" + frame.id;
    var ticket = document.getElementById(id);
    if (!ticket) {
      ticket = bubble("ticket", t("care_team", "Care team"));
      ticket.id = id;
    }
    var status = t("status_" + frame.status, frame.status);
    var body = ticket.querySelector(".body");
    body.textContent = "";
    body.appendChild(el("strong", null, status));
    if (frame.promise) body.appendChild(el("p", null, frame.promise));
    announce(status + ". " + (frame.promise || ""));
    scrollDown();
  }

  function renderCareteamReply(frame) {
    if (rendered[frame.message_id]) return;
    var author = frame.author || t("care_team", "Care team");
    var item = bubble("careteam", author);
    rendered[frame.message_id] = item;
    item.querySelector(".body").textContent = frame.text;
    announce(t("says", "%(author)s says: %(text)s", { author: author, text: frame.text }));
    scrollDown();
  }

  function handle(frame) {
    noteSeq(frame.seq);
    switch (frame.type) {
      case "hello": setStatus(""); break;
      case "ack":
        delete pending[frame.client_id];
        savePending();
        renderQuestion(frame.message_id, null, frame.client_id);
        break;
      case "question": renderQuestion(frame.message_id, frame.text, frame.client_id); break;
      case "answer.start": typing.hidden = false; answerBubble(frame.message_id); break;
      case "answer.delta":
        (frame.sentences || []).forEach(function (s) { addSentence(frame.message_id, s.text, s.cites); });
        break;
      case "answer.end": finishAnswer(frame); break;
      case "safety": renderSafety(frame); break;
      case "escalation": renderEscalation(frame); break;
      case "careteam.reply": renderCareteamReply(frame); break;
      case "feedback.saved": setStatus(t("thanks", "Thank you for your feedback.")); break;
      case "error":
        typing.hidden = true;
        setStatus(frame.detail);
        if (frame.client_id && frame.code !== "internal") { delete pending[frame.client_id]; savePending(); }
        break;
      default: break;
    }
  }

  /* --- Connection ---------------------------------------------------------------------- */

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/chat/?conversation=" + encodeURIComponent(conversation));
    socket.addEventListener("open", function () {
      retry = 0;
      setStatus("");
      send({ type: "resume", after: lastSeq });
      Object.keys(pending).forEach(function (clientId) {
        send({ type: "ask", client_id: clientId, text: pending[clientId] });
      });
    });
    socket.addEventListener("message", function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* ignore a malformed frame */ }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4404) { setStatus(t("not_available", "This conversation is not available.")); return; }
      if (event.code === 4401) { setStatus(t("session_ended", "Your session ended. Please sign in again.")); return; }
      var delay = Math.min(30000, 1000 * Math.pow(2, retry)) + Math.floor(Math.random() * 500);
      retry += 1;
      setStatus(t("reconnecting", "Connection lost. Reconnecting…"));
      clearTimeout(timer);
      timer = setTimeout(connect, delay);
    });
  }

  function ask(text) {
    var clientId = newId();
    pending[clientId] = text;
    savePending();
    renderQuestion(null, text, clientId);
    typing.hidden = false;
    announce(t("answering", "Sent. The assistant is answering."));
    if (!send({ type: "ask", client_id: clientId, text: text })) setStatus(t("offline", "Not connected. Your question will be sent when the connection is back."));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    ask(text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  replaying = true;
  try {
    JSON.parse(document.getElementById("chat-history").textContent).forEach(handle);
  } catch (e) { /* no history */ }
  replaying = false;
  Object.keys(pending).forEach(function (clientId) { renderQuestion(null, pending[clientId], clientId); });
  connect();
  var first = log.dataset.firstQuestion;
  if (first && !Object.keys(pending).length) {
    ask(first);
    history.replaceState(null, "", location.pathname);
  }
})();
