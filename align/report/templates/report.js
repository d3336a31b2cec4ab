(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr.row"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[data-kind]"));
  var toolbar = document.getElementById("toolbar");
  var pos = document.getElementById("pos");
  var current = null;

  function kindsOf(row) {
    var k = row.getAttribute("data-kinds");
    return k ? k.split(" ") : ["none"];
  }
  function applyFilters() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute("data-kind")] = b.checked; });
    rows.forEach(function (row) {
      row.hidden = !kindsOf(row).some(function (k) { return on[k] !== false; });
    });
    if (current && current.hidden) { current.classList.remove("current"); current = null; }
    status();
  }
  function flaggedVisible() {
    return rows.filter(function (r) { return r.getAttribute("data-kinds") && !r.hidden; });
  }
  function status() {
    var list = flaggedVisible();
    var i = current ? list.indexOf(current) : -1;
    pos.textContent = (i >= 0 ? "flag " + (i + 1) + " of " : "") + list.length + " flagged rows";
  }
  function jump(step) {
    var list = flaggedVisible();
    if (!list.length) { return; }
    var at = current ? rows.indexOf(current) : (step > 0 ? -1 : rows.length);
    var next = null;
    if (step > 0) {
      next = list.filter(function (r) { return rows.indexOf(r) > at; })[0] || list[0];
    } else {
      var before = list.filter(function (r) { return rows.indexOf(r) < at; });
      next = before[before.length - 1] || list[list.length - 1];
    }
    if (current) { current.classList.remove("current"); }
    current = next;
    current.classList.add("current");
    current.scrollIntoView({ block: "center" });
    status();
  }
  function setBarHeight() {
    document.documentElement.style.setProperty("--bar-h", toolbar.offsetHeight + "px");
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  var nm = document.getElementById("nm-toggle");  // check --unmatched: show or hide
  if (nm) {
    nm.addEventListener("change", function () {
      document.body.classList.toggle("hide-nm", !nm.checked);
    });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = ev.target && ev.target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && ev.target.type !== "checkbox")) { return; }
    if (ev.key === "n" || ev.key === "j") { jump(1); ev.preventDefault(); }
    else if (ev.key === "p" || ev.key === "k") { jump(-1); ev.preventDefault(); }
  });
  window.addEventListener("resize", setBarHeight);
  setBarHeight();
  status();
})();
