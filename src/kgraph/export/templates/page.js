/* kgraph page script.  Every name, sentence and id from the graph is data: it is
 * written with textContent / value / setAttribute on fixed attribute names only,
 * never parsed as markup: the script uses no HTML-string sink at all. */
(function () {
  "use strict";

  var api = {
    ready: false,
    stabilized: false,
    errors: [],
    timings: { start: performance.now() },
  };
  window.kgraph = api;

  var statusBox = document.getElementById("kg-status");
  window.addEventListener("error", function (event) {
    api.errors.push(String(event.message));
    statusBox.textContent = "Error: " + event.message;
    statusBox.className = "kg-error";
  });

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  api.data = data;

  var FONT = getComputedStyle(document.body).getPropertyValue("--kg-font").trim() ||
    "system-ui, sans-serif";
  var SVGNS = "http://www.w3.org/2000/svg";
  var OTHER = { color: "#9a9a9a", shape: "dot" };

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function plural(n, word) {
    return n.toLocaleString("en-US") + " " + word + (n === 1 ? "" : "s");
  }

  // ------------------------------------------------------------------ lookups
  var typeStyle = new Map();
  data.types.forEach(function (t) { typeStyle.set(t.name, t); });
  var edgeStyle = new Map();
  data.edgeStyles.forEach(function (s) { edgeStyle.set(s.name, s); });
  var docTitle = new Map();
  data.documents.forEach(function (d) { docTitle.set(d.id, d.title); });
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var links = new Map();
  data.nodes.forEach(function (n) { links.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    links.get(e.from).push(e);
    if (e.to !== e.from) links.get(e.to).push(e);
  });

  // ------------------------------------------------------------------ cards
  // One function builds both the hover tooltip and the details panel.
  function dl(rows) {
    var list = el("dl");
    rows.forEach(function (row) {
      if (!row[1] && row[1] !== 0) return;
      list.appendChild(el("dt", null, row[0]));
      var dd = el("dd");
      if (row[1] instanceof Node) dd.appendChild(row[1]);
      else dd.appendChild(el("span", "kg-v", row[1]));
      list.appendChild(dd);
    });
    return list;
  }

  function moreText(shown, total) {
    return total > shown ? " (+" + (total - shown) + " more)" : "";
  }

  function docList(ids) {
    if (!ids.length) return null;
    var ul = el("ul");
    ids.slice(0, 12).forEach(function (id) {
      var li = el("li");
      var title = docTitle.get(id) || id;
      li.appendChild(el("span", "kg-v", title));
      if (title !== id) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", "kg-doc-id kg-v", "(" + id + ")"));
      }
      ul.appendChild(li);
    });
    if (ids.length > 12) ul.appendChild(el("li", "kg-hint", "+" + (ids.length - 12) + " more"));
    return ul;
  }

  function evidenceList(item) {
    if (!item.evidence.length) return null;
    var ul = el("ul");
    item.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("span", "kg-quote", "\u201c" + ev.sentence + "\u201d"));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "kg-doc-id kg-v", "[" + ev.doc + "]"));
      ul.appendChild(li);
    });
    if (item.nEvidence > item.evidence.length) {
      ul.appendChild(el("li", "kg-hint", "+" + (item.nEvidence - item.evidence.length) +
        " more in the graph data"));
    }
    return ul;
  }

  function nodeCard(n, full) {
    var card = el("div", "kg-card");
    card.appendChild(el("div", "kg-card-title", n.name));
    var meta = n.type + (n.subtype ? " \u00b7 " + n.subtype : "");
    card.appendChild(el("div", "kg-card-meta", meta));
    var rows = [];
    if (n.type === "Allegation") {
      rows.push(["Status", n.status], ["Confidence", n.confidence], ["Claim", n.text]);
    }
    rows.push(["Aliases", n.aliases.length ? n.aliases.join("; ") + moreText(n.aliases.length,
      n.nAliases) : ""]);
    rows.push(["Mentions", n.mentions]);
    rows.push(["Documents", docList(n.docs)]);
    rows.push(["Evidence", evidenceList(n)]);
    if (full) {
      rows.push(["Id", n.key]);
      rows.push(["Links", linkList(n)]);
    }
    card.appendChild(dl(rows));
    return card;
  }

  function edgeCard(e, full) {
    var card = el("div", "kg-card");
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    card.appendChild(el("div", "kg-card-title", e.label));
    var line = el("div", "kg-card-meta");
    line.appendChild(el("span", "kg-v", a.name));
    line.appendChild(document.createTextNode(" \u2192 "));
    line.appendChild(el("span", "kg-v", b.name));
    card.appendChild(line);
    card.appendChild(dl([
      ["Predicate", e.predicate],
      ["Kind", e.kind],
      ["Role", e.role],
      ["Date", e.date],
      ["Flags", e.flags.join(", ")],
      ["Documents", docList(e.docs)],
      ["Evidence", evidenceList(e)],
      ["Key", full ? e.key : ""],
    ]));
    return card;
  }

  function linkList(n) {
    var items = links.get(n.id);
    if (!items.length) return null;
    var ul = el("ul");
    items.slice(0, 40).forEach(function (e) {
      var outgoing = e.from === n.id;
      var other = nodeById.get(outgoing ? e.to : e.from);
      var li = el("li");
      li.appendChild(document.createTextNode((outgoing ? "" : "\u2190 ") + e.label +
        (outgoing ? " \u2192 " : " ")));
      var a = el("span", "kg-link", other.name);
      a.setAttribute("role", "button");
      a.tabIndex = 0;
      a.addEventListener("click", function () { selectNode(other.id, false); });
      li.appendChild(a);
      ul.appendChild(li);
    });
    if (items.length > 40) ul.appendChild(el("li", "kg-hint", "+" + (items.length - 40) + " more"));
    return ul;
  }

  // ------------------------------------------------------------------ vis data
  var dashed = { denied: true, disputed: true };
  var visNodes = data.nodes.map(function (n) {
    var st = typeStyle.get(n.type) || OTHER;
    var item = {
      id: n.id,
      label: n.label,
      value: Math.max(1, n.mentions),
      shape: st.shape,
      color: {
        background: st.color,
        border: "#2b2b2b",
        highlight: { background: st.color, border: "#000000" },
        hover: { background: st.color, border: "#000000" },
      },
      title: nodeCard(n, false),
    };
    if (n.type === "Allegation") {
      item.borderWidth = 2;
      item.shapeProperties = { borderDashes: dashed[n.status] ? [5, 3] : false };
      if (n.status === "confirmed") item.borderWidth = 3.5;
    }
    if (typeof n.x === "number") {
      item.x = n.x;
      item.y = n.y;
    }
    return item;
  });

  var visEdges = data.edges.map(function (e) {
    var st = edgeStyle.get(e.style);
    var item = {
      id: e.id,
      from: e.from,
      to: e.to,
      arrows: "to",
      width: st.width,
      dashes: st.dashes.length ? st.dashes : false,
      color: { color: st.color, highlight: st.color, hover: st.color, opacity: 0.9 },
      title: edgeCard(e, false),
    };
    if (data.options.edgeLabels) item.label = e.label;
    if (e.parallel > 0) {
      item.smooth = {
        enabled: true,
        type: e.parallel % 2 ? "curvedCW" : "curvedCCW",
        roundness: 0.2 * Math.ceil(e.parallel / 2),
      };
    }
    return item;
  });

  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  api.nodes = nodes;
  api.edges = edges;

  // ------------------------------------------------------------------ filters
  var state = { types: new Set(data.types.map(function (t) { return t.name; })), doc: "" };

  function nodeShown(n) {
    return state.types.has(n.type) && (!state.doc || n.docs.indexOf(state.doc) >= 0);
  }

  function edgeShown(e) {
    return nodeShown(nodeById.get(e.from)) && nodeShown(nodeById.get(e.to)) &&
      (!state.doc || e.docs.indexOf(state.doc) >= 0);
  }

  var nodeView = new vis.DataView(nodes, {
    filter: function (item) { return nodeShown(nodeById.get(item.id)); },
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (item) { return edgeShown(edgeById.get(item.id)); },
  });
  api.nodeView = nodeView;
  api.edgeView = edgeView;

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }

  function updateCounts() {
    var text = plural(nodeView.length, "node") + " \u00b7 " + plural(edgeView.length, "link");
    if (nodeView.length !== data.nodes.length || edgeView.length !== data.edges.length) {
      text += " shown of " + data.nodes.length.toLocaleString("en-US") + " / " +
        data.edges.length.toLocaleString("en-US");
    }
    text += " \u00b7 " + plural(data.documents.length, "document");
    document.getElementById("kg-counts").textContent = text;
  }

  // ------------------------------------------------------------------ legend
  function shapeIcon(shape, color, dashedBorder) {
    var icon = svg("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true" });
    var style = { fill: color, stroke: "#2b2b2b", "stroke-width": 1.2 };
    if (dashedBorder) style["stroke-dasharray"] = "3 2";
    var shapeNode;
    if (shape === "square") {
      shapeNode = svg("rect", Object.assign({ x: 3, y: 3, width: 12, height: 12 }, style));
    } else if (shape === "triangle") {
      shapeNode = svg("polygon", Object.assign({ points: "9,2 16,15 2,15" }, style));
    } else if (shape === "triangleDown") {
      shapeNode = svg("polygon", Object.assign({ points: "2,3 16,3 9,16" }, style));
    } else if (shape === "diamond") {
      shapeNode = svg("polygon", Object.assign({ points: "9,1.5 16.5,9 9,16.5 1.5,9" }, style));
    } else if (shape === "hexagon") {
      shapeNode = svg("polygon", Object.assign({ points: "5,2.5 13,2.5 16.5,9 13,15.5 5,15.5 1.5,9" },
        style));
    } else {
      shapeNode = svg("circle", Object.assign({ cx: 9, cy: 9, r: 6.5 }, style));
    }
    icon.appendChild(shapeNode);
    return icon;
  }

  function lineIcon(style) {
    var icon = svg("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
    var attrs = { x1: 1, y1: 6, x2: 23, y2: 6, stroke: style.color, "stroke-width": style.width };
    if (style.dashes.length) attrs["stroke-dasharray"] = style.dashes.join(" ");
    icon.appendChild(svg("line", attrs));
    icon.appendChild(svg("polygon", { points: "22,2 29,6 22,10", fill: style.color }));
    return icon;
  }

  var typeBoxes = [];
  var typeList = document.getElementById("kg-type-list");
  data.types.forEach(function (t) {
    var row = el("label", "kg-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = t.name;
    box.addEventListener("change", function () {
      if (box.checked) state.types.add(t.name);
      else state.types.delete(t.name);
      refresh();
    });
    typeBoxes.push(box);
    row.appendChild(box);
    row.appendChild(shapeIcon(t.shape, t.color, false));
    row.appendChild(el("span", "kg-name", t.name));
    row.appendChild(el("span", "kg-count", t.count));
    typeList.appendChild(row);
    if (t.name === "Allegation") {
      var sub = el("div", "kg-row kg-edge-row");
      sub.appendChild(el("span", null, ""));
      sub.appendChild(shapeIcon(t.shape, t.color, true));
      sub.appendChild(el("span", "kg-name kg-hint", "dashed border: denied or disputed"));
      typeList.appendChild(sub);
    }
  });
  if (!data.types.length) typeList.appendChild(el("p", "kg-hint", "No nodes."));

  var edgeList = document.getElementById("kg-edge-list");
  data.edgeStyles.forEach(function (s) {
    var row = el("div", "kg-row kg-edge-row");
    row.appendChild(lineIcon(s));
    var name = s.name === "action" ? "action (label: predicate)" :
      s.name === "role" ? "holds role" : s.name === "allegation" ? "other allegation role" :
        s.name;
    row.appendChild(el("span", "kg-name", name));
    row.appendChild(el("span", "kg-count", s.count));
    edgeList.appendChild(row);
  });
  if (!data.edgeStyles.length) edgeList.appendChild(el("p", "kg-hint", "No links."));

  var docSelect = document.getElementById("kg-doc");
  data.documents.forEach(function (d) {
    var option = el("option", null, d.title === d.id ? d.id : d.title + " (" + d.id + ")");
    option.value = d.id;
    docSelect.appendChild(option);
  });
  docSelect.addEventListener("change", function () {
    state.doc = docSelect.value;
    refresh();
  });

  // ------------------------------------------------------------------ network
  // Mentions span 1..hundreds: scale sizes by log so small nodes stay visible.
  function logScale(min, max, total, value) {
    if (max === min) return 0.5;
    return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  }
  var container = document.getElementById("kg-network");
  var big = data.nodes.length > 300;
  var physicsOptions = {
    enabled: true,
    solver: "forceAtlas2Based",
    forceAtlas2Based: {
      gravitationalConstant: -80,
      centralGravity: 0.008,
      springLength: 150,
      springConstant: 0.06,
      avoidOverlap: 0.4,
    },
    minVelocity: 1,
    stabilization: { enabled: true, iterations: 600, updateInterval: 20, fit: false },
  };
  var options = {
    autoResize: true,
    layout: { randomSeed: data.options.seed, improvedLayout: data.nodes.length <= 100 },
    physics: data.options.physics ? physicsOptions : { enabled: false },
    nodes: {
      borderWidth: 1.5,
      font: { face: FONT, size: 14, color: "#1f2328", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: {
        min: 10,
        max: 34,
        label: { enabled: true, min: 13, max: 22, drawThreshold: 6 },
        customScalingFunction: logScale,
      },
    },
    edges: {
      smooth: false,
      selectionWidth: 1.5,
      hoverWidth: 0.8,
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      font: {
        face: FONT, size: 11, color: "#3d444d", strokeWidth: 3, strokeColor: "#ffffff",
        align: "horizontal",
      },
    },
    interaction: {
      hover: true,
      tooltipDelay: 120,
      hideEdgesOnDrag: big,
      hideEdgesOnZoom: big,
      multiselect: false,
    },
  };

  var network = new vis.Network(container, {}, options);
  api.network = network;
  var physicsBox = document.getElementById("kg-physics");

  // Fit every shown node *with its label* (vis-network's fit ignores labels), with a
  // small margin and never zoomed in past 1.5x.
  function fitView() {
    var box = null;
    nodeView.getIds().forEach(function (id) {
      var b = network.getBoundingBox(id);
      if (!b) return;
      if (box === null) {
        box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      } else {
        box.left = Math.min(box.left, b.left);
        box.right = Math.max(box.right, b.right);
        box.top = Math.min(box.top, b.top);
        box.bottom = Math.max(box.bottom, b.bottom);
      }
    });
    if (box === null || !container.clientWidth || !container.clientHeight) {
      network.fit({ animation: false });
      return;
    }
    var scale = 0.94 * Math.min(container.clientWidth / Math.max(box.right - box.left, 1),
      container.clientHeight / Math.max(box.bottom - box.top, 1));
    network.moveTo({
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      scale: Math.min(scale, 1.5),
      animation: false,
    });
  }

  // Layout done: fit once now, and again after the next drawing, when vis-network
  // has measured the labels; the page counts as settled after that.
  var settling = false;
  function finished() {
    if (settling) return;
    settling = true;
    statusBox.textContent = "";
    fitView();
    if (!data.nodes.length) {
      settled();
      return;
    }
    network.once("afterDrawing", function () {
      fitView();
      settled();
    });
    network.redraw();
  }

  function settled() {
    api.stabilized = true;
    api.timings.stabilized = performance.now();
  }

  if (data.options.physics && data.nodes.length) {
    statusBox.textContent = "Laying out\u2026";
    network.on("stabilizationProgress", function (p) {
      statusBox.textContent = "Laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
      finished();
    });
  } else {
    network.once("afterDrawing", finished);
  }
  physicsBox.checked = Boolean(data.options.physics);
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: physicsBox.checked ? physicsOptions : { enabled: false } });
  });

  network.setData({ nodes: nodeView, edges: edgeView });
  if (!data.nodes.length) finished();

  // ------------------------------------------------------------------ details
  var detailBody = document.getElementById("kg-detail-body");

  function showDetails(card) {
    clear(detailBody);
    detailBody.appendChild(card);
  }

  function hint() {
    clear(detailBody);
    detailBody.appendChild(el("p", "kg-hint", "Click a node or a link."));
  }

  network.on("click", function (params) {
    if (params.nodes.length) showDetails(nodeCard(nodeById.get(params.nodes[0]), true));
    else if (params.edges.length) showDetails(edgeCard(edgeById.get(params.edges[0]), true));
    else hint();
  });

  function resetFilters() {
    state.types = new Set(data.types.map(function (t) { return t.name; }));
    typeBoxes.forEach(function (box) { box.checked = true; });
    state.doc = "";
    docSelect.value = "";
    refresh();
  }

  function selectNode(id, zoom) {
    var n = nodeById.get(id);
    var hidden = !nodeShown(n);
    if (hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: zoom ? Math.max(network.getScale(), 1.1) : network.getScale(),
      animation: false });
    showDetails(nodeCard(n, true));
    return hidden;
  }

  // ------------------------------------------------------------------ search
  var searchIndex = data.nodes.map(function (n) {
    return { id: n.id, mentions: n.mentions,
      names: [n.name, n.key].concat(n.aliases).map(function (s) { return s.toLowerCase(); }) };
  });

  function find(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return null;
    var best = null, bestRank = 3, bestMentions = -1;
    searchIndex.forEach(function (entry) {
      var rank = 3;
      entry.names.forEach(function (name) {
        var r = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) >= 0 ? 2 : 3;
        if (r < rank) rank = r;
      });
      if (rank < bestRank || (rank === bestRank && rank < 3 && entry.mentions > bestMentions)) {
        best = entry.id;
        bestRank = rank;
        bestMentions = entry.mentions;
      }
    });
    return best;
  }

  var searchInput = document.getElementById("kg-search-input");
  var searchStatus = document.getElementById("kg-search-status");
  var names = document.getElementById("kg-names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    if (seen.has(n.name)) return;
    seen.add(n.name);
    var option = el("option");
    option.value = n.name;
    names.appendChild(option);
  });

  function search(query) {
    var id = find(query);
    if (id === null) {
      searchStatus.textContent = String(query).trim() ? "No match" : "";
      searchStatus.className = "kg-miss";
      network.unselectAll();
      return null;
    }
    var wasHidden = selectNode(id, true);
    searchStatus.className = "";
    searchStatus.textContent = "Found: " + nodeById.get(id).label +
      (wasHidden ? " (filters reset)" : "");
    return nodeById.get(id).key;
  }
  api.search = search;
  api.find = function (query) {
    var id = find(query);
    return id === null ? null : nodeById.get(id).key;
  };
  api.selectedKeys = function () {
    return network.getSelectedNodes().map(function (id) { return nodeById.get(id).key; });
  };

  document.getElementById("kg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    search(searchInput.value);
  });
  document.getElementById("kg-fit").addEventListener("click", fitView);
  document.getElementById("kg-reset").addEventListener("click", function () {
    resetFilters();
    network.unselectAll();
    hint();
    fitView();
  });

  updateCounts();
  api.ready = true;
  api.timings.ready = performance.now();
})();
