/* The live care-team queue: on every "queue.changed" event, fetch the rows again. */
(function () {
  "use strict";
  var table = document.getElementById("queue");
  if (!table) return;
  var body = document.getElementById("queue-rows");
  var statusLine = document.getElementById("queue-status");
  var retry = 0;
  var words = {};
  try { words = JSON.parse(document.getElementById("queue-strings").textContent); } catch (e) { /* English */ }
  function t(key, fallback) { return words[key] || fallback; }

  function refresh(id) {
    fetch(table.dataset.rowsUrl, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        body.innerHTML = html;
        var row = id && body.querySelector('tr[data-id="' + id + '"]');
        if (row) { row.classList.add("changed"); statusLine.textContent = t("updated", "Queue updated."); }
      })
      .catch(function () { statusLine.textContent = t("refresh_failed", "Could not refresh the queue."); });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/careteam/");
    socket.addEventListener("open", function () { retry = 0; statusLine.textContent = t("live", "Live."); });
    socket.addEventListener("message", function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "queue.changed") refresh(frame.escalation_id);
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4404) { statusLine.textContent = t("off", "Live updates are off for this account."); return; }
      statusLine.textContent = t("reconnecting", "Reconnecting…");
      setTimeout(function () { refresh(); connect(); }, Math.min(30000, 1000 * Math.pow(2, retry++)));
    });
  }
  connect();
})();
