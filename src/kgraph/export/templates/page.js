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
      ["Modality", e.modality],
      ["Event", e.event],
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
    } else if (!links.get(n.id).length) {
      item.physics = false; // placed beside the linked nodes once they settle: packLonely()
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
  var state = {
    types: new Set(data.types.map(function (t) { return t.name; })),
    doc: "",
    event: "",
    assertedOnly: true,
  };

  function nodeShown(n) {
    return state.types.has(n.type) && (!state.doc || n.docs.indexOf(state.doc) >= 0);
  }

  function edgeShown(e) {
    return nodeShown(nodeById.get(e.from)) && nodeShown(nodeById.get(e.to)) &&
      (!state.doc || e.docs.indexOf(state.doc) >= 0) &&
      (!state.assertedOnly || e.asserted) &&
      (!state.event || e.event === state.event);
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
    if (api.stabilized) api.declutter();
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

  var assertedBox = document.getElementById("kg-asserted");
  assertedBox.addEventListener("change", function () {
    state.assertedOnly = assertedBox.checked;
    refresh();
  });
  var eventSelect = document.getElementById("kg-event");
  data.events.forEach(function (ev) {
    var option = el("option", null, ev.name + " (" + ev.count + ")");
    option.value = ev.name;
    eventSelect.appendChild(option);
  });
  eventSelect.hidden = !data.events.length;
  eventSelect.addEventListener("change", function () {
    state.event = eventSelect.value;
    refresh();
  });

  // ------------------------------------------------------------------ network
  // Mentions span 1..hundreds: scale sizes by log so small nodes stay visible.
  function logScale(min, max, total, value) {
    if (max === min) return 0.5;
    return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  }
  var SIZE = { min: 10, max: 34 }; // node radius in canvas units (nodes.scaling)
  var LABEL = { min: 12, max: 17, link: 11 }; // label font sizes in screen pixels
  var mentionRange = data.nodes.reduce(function (r, n) {
    var v = Math.max(1, n.mentions);
    return [Math.min(r[0], v), Math.max(r[1], v)];
  }, [Infinity, -Infinity]);
  function importance(n) { // 0..1, as vis-network scales the node
    return logScale(mentionRange[0], mentionRange[1], 0, Math.max(1, n.mentions));
  }
  var container = document.getElementById("kg-network");
  var big = data.nodes.length > 300;
  // kgraph.export.html.PHYSICS (to_pyvis gives a pyvis Network the same settings)
  var physicsOptions = Object.assign({ enabled: true }, data.options.physicsSettings);
  var options = {
    autoResize: true,
    layout: { randomSeed: data.options.seed, improvedLayout: data.nodes.length <= 100 },
    physics: data.options.physics ? physicsOptions : { enabled: false },
    nodes: {
      borderWidth: 1.5,
      scaling: {
        min: SIZE.min,
        max: SIZE.max,
        customScalingFunction: logScale,
      },
    },
    edges: {
      smooth: false,
      selectionWidth: 1.5,
      hoverWidth: 0.8,
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
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

  // ------------------------------------------------------------------ labels
  // The page draws the labels itself, over the graph, after vis-network has drawn it:
  // vis-network zooms labels with the graph, so labels that overlap would overlap at
  // every zoom, and at the zoom that fits a large graph they would be specks.  Here a
  // label keeps one size on screen, and where two would overlap only the more
  // important one is drawn (nodes by mentions, allegations counting double, below,
  // above or beside the node; then links by evidence): zooming in makes room for more.
  // A label never covers another label, nor a node unless it is far less mentioned.
  // The selected and the hovered node always show their label.
  var measure = document.createElement("canvas").getContext("2d");
  var textWidths = new Map();
  function textWidth(text, px, bold) { // at a font of px pixels
    var key = (bold ? "b" : "") + text, w = textWidths.get(key);
    if (w === undefined) {
      measure.font = (bold ? "bold " : "") + "100px " + FONT;
      w = measure.measureText(text).width;
      textWidths.set(key, w);
    }
    return w * px / 100;
  }
  function labelPx(n) {
    return LABEL.min + importance(n) * (LABEL.max - LABEL.min);
  }
  function radius(n) {
    return SIZE.min + importance(n) * (SIZE.max - SIZE.min);
  }
  var LINE = 1.2; // label height per font size
  // The label box of node n at position p for a view scale, in canvas units, at one of
  // PLACES around the node: [left, top, right, bottom].
  var PLACES = ["below", "above", "right", "left"];
  function labelBox(n, p, scale, place, bold) {
    var px = labelPx(n) / scale, w = textWidth(n.label, px, bold) + 4 / scale;
    var r = radius(n) + 2 / scale, h = LINE * px;
    if (place === "above") return [p.x - w / 2, p.y - r - h, p.x + w / 2, p.y - r];
    if (place === "right") return [p.x + r, p.y - h / 2, p.x + r + w, p.y + h / 2];
    if (place === "left") return [p.x - r - w, p.y - h / 2, p.x - r, p.y + h / 2];
    return [p.x - w / 2, p.y + r, p.x + w / 2, p.y + r + h];
  }
  function nodeBox(n, p) {
    var r = radius(n);
    return [p.x - r, p.y - r, p.x + r, p.y + r];
  }
  // Where a link's label goes: the middle of the link (of the curve, for parallel links).
  function linkMiddle(e, a, b) {
    var x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
    if (e.parallel > 0) {
      var dx = b.x - a.x, dy = b.y - a.y, bend = 0.5 * 0.2 * Math.ceil(e.parallel / 2);
      var side = e.parallel % 2 ? -1 : 1; // the way vis-network's curvedCW bends
      x += side * -dy * bend;
      y += side * dx * bend;
    }
    return { x: x, y: y };
  }
  function linkBox(e, m, scale) {
    var px = LABEL.link / scale, w = textWidth(e.label, px, false) + 4 / scale;
    return [m.x - w / 2, m.y - LINE * px / 2, m.x + w / 2, m.y + LINE * px / 2];
  }
  function weight(n) { // how much a node's label matters
    return Math.max(1, n.mentions) * (n.type === "Allegation" ? 2 : 1);
  }
  var COVER = 4; // a label may cover nodes that weigh a quarter of its own node or less
  var byImportance = data.nodes.slice().sort(function (a, b) {
    return (weight(b) - weight(a)) || (links.get(b.id).length - links.get(a.id).length) ||
      (a.id < b.id ? -1 : 1);
  });
  var linksByEvidence = data.edges.slice().sort(function (a, b) {
    return (b.nEvidence - a.nEvidence) || (a.id < b.id ? -1 : 1);
  });
  var nodeLabels = new Map(); // vis id -> where its label is drawn (one of PLACES)
  var linkLabels = new Set(); // vis ids of links whose label is drawn
  var hovered = null;
  api.labels = { nodes: 0, edges: 0 };

  function declutter() {
    var scale = network.getScale();
    if (!(scale > 0)) return;
    var shown = nodeView.getIds();
    var pos = network.getPositions(shown);
    var grid = new Map(), cell = 150 / scale;
    // Boxes are [left, top, right, bottom, weight]: labels weigh Infinity and nodes their
    // weight().  Is box b clear of what it may not cover?  With take, take its place.
    function free(b, take) {
      var x0 = Math.floor(b[0] / cell), x1 = Math.floor(b[2] / cell);
      var y0 = Math.floor(b[1] / cell), y1 = Math.floor(b[3] / cell);
      for (var gx = x0; gx <= x1; gx++) {
        for (var gy = y0; gy <= y1; gy++) {
          var key = gx + "," + gy, list = grid.get(key);
          if (take) {
            if (list) list.push(b);
            else grid.set(key, [b]);
          } else if (list) {
            for (var i = 0; i < list.length; i++) {
              var o = list[i];
              if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3] &&
                  o[4] * COVER > b[4]) return false;
            }
          }
        }
      }
      return true;
    }
    nodeLabels.clear();
    linkLabels.clear();
    var selected = new Set(network.getSelectedNodes());
    shown.forEach(function (id) {
      var n = nodeById.get(id);
      if (pos[id]) free(nodeBox(n, pos[id]).concat([weight(n)]), true);
    });
    byImportance.forEach(function (n) {
      var p = pos[n.id];
      if (!p) return;
      var bold = selected.has(n.id);
      var place = bold ? PLACES[0] : PLACES.find(function (where) {
        return free(labelBox(n, p, scale, where, false).concat([weight(n)]), false);
      });
      if (place !== undefined) {
        free(labelBox(n, p, scale, place, bold).concat([Infinity]), true);
        nodeLabels.set(n.id, place);
      }
    });
    if (data.options.edgeLabels) {
      var shownLinks = new Set(edgeView.getIds());
      linksByEvidence.forEach(function (e) {
        var a = pos[e.from], b = pos[e.to];
        if (!shownLinks.has(e.id) || !a || !b || e.from === e.to) return;
        var box = linkBox(e, linkMiddle(e, a, b), scale).concat([0]);
        var length = Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
        var room = length - radius(nodeById.get(e.from)) - radius(nodeById.get(e.to));
        // a label longer than its link would hide it: that one is left to the tooltip
        if (room > box[2] - box[0] && free(box, false)) {
          box[4] = Infinity;
          free(box, true);
          linkLabels.add(e.id);
        }
      });
    }
    api.labels = { nodes: nodeLabels.size, edges: linkLabels.size };
    network.redraw();
  }

  function drawText(ctx, text, x, y, px, scale, color, strokeWidth, bold) {
    ctx.font = (bold ? "bold " : "") + px + "px " + FONT;
    ctx.lineWidth = strokeWidth / scale;
    ctx.strokeText(text, x, y);
    ctx.fillStyle = color;
    ctx.fillText(text, x, y);
  }

  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    if (!(scale > 0) || !data.nodes.length) return;
    var selected = new Set(network.getSelectedNodes());
    var ids = nodeView.getIds();
    var pos = network.getPositions(ids);
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    var far = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var slack = 300 / scale;
    function onScreen(p) {
      return p.x > corner.x - slack && p.x < far.x + slack && p.y > corner.y - slack &&
        p.y < far.y + slack;
    }
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#ffffff";
    if (data.options.edgeLabels && !(big && zooming)) {
      var px = LABEL.link / scale;
      linkLabels.forEach(function (id) {
        var e = edgeById.get(id), a = pos[e.from], b = pos[e.to];
        if (!a || !b) return;
        var m = linkMiddle(e, a, b);
        if (onScreen(m)) drawText(ctx, e.label, m.x, m.y, px, scale, "#3d444d", 3, false);
      });
    }
    ids.forEach(function (id) {
      var n = nodeById.get(id), p = pos[id], bold = selected.has(id);
      if (!onScreen(p)) return;
      var place = nodeLabels.get(id);
      if (place === undefined) {
        if (!(bold || id === hovered)) return;
        place = PLACES[0];
      }
      var box = labelBox(n, p, scale, place, bold);
      drawText(ctx, n.label, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, labelPx(n) / scale,
        scale, "#1f2328", 4, bold);
    });
    ctx.restore();
  });

  var declutterTimer = null, zooming = false;
  function declutterSoon() {
    if (!api.stabilized) return;
    clearTimeout(declutterTimer);
    declutterTimer = setTimeout(function () {
      zooming = false;
      declutter();
    }, 100);
  }
  network.on("zoom", function () {
    zooming = true;
    declutterSoon();
  });
  network.on("dragStart", function () {
    zooming = big; // edges (and so their labels) are hidden while a large graph moves
  });
  network.on("dragEnd", declutterSoon);
  network.on("select", declutterSoon);
  network.on("stabilized", declutterSoon);
  network.on("hoverNode", function (params) {
    hovered = params.node;
    network.redraw();
  });
  network.on("blurNode", function () {
    hovered = null;
    network.redraw();
  });
  api.declutter = declutter;
  // [key, box, weight] of every node shown and of every label drawn, in canvas units
  api.nodeBoxes = function () {
    var pos = network.getPositions(nodeView.getIds()), out = [];
    Object.keys(pos).forEach(function (id) {
      var n = nodeById.get(id);
      out.push([n.key, nodeBox(n, pos[id]), weight(n)]);
    });
    return out;
  };
  api.labelBoxes = function () {
    var scale = network.getScale(), out = [], selected = new Set(network.getSelectedNodes());
    var pos = network.getPositions(nodeView.getIds());
    nodeLabels.forEach(function (place, id) {
      var n = nodeById.get(id);
      out.push([n.key, labelBox(n, pos[id], scale, place, selected.has(id)), weight(n)]);
    });
    linkLabels.forEach(function (id) {
      var e = edgeById.get(id);
      var key = nodeById.get(e.from).key + " -[" + e.key + "]-> " + nodeById.get(e.to).key;
      out.push([key, linkBox(e, linkMiddle(e, pos[e.from], pos[e.to]), scale), 0]);
    });
    return out;
  };

  // ------------------------------------------------------------------ fitting
  // The scale that fits the shown nodes with room for their labels (which keep their
  // size on screen), never zoomed in past 1.5x.
  var MARGIN = { x: 110, top: 30, bottom: 40 }; // screen pixels
  function shapeBox(ids) {
    var pos = network.getPositions(ids), box = null;
    ids.forEach(function (id) {
      var p = pos[id], r = radius(nodeById.get(id));
      if (!p) return;
      if (box === null) box = [p.x - r, p.y - r, p.x + r, p.y + r];
      else {
        box[0] = Math.min(box[0], p.x - r);
        box[1] = Math.min(box[1], p.y - r);
        box[2] = Math.max(box[2], p.x + r);
        box[3] = Math.max(box[3], p.y + r);
      }
    });
    return box;
  }
  function fitScale(box) {
    var cw = container.clientWidth || 1000, ch = container.clientHeight || 700;
    var s = Math.min(Math.max(cw - 2 * MARGIN.x, 50) / Math.max(box[2] - box[0], 1),
      Math.max(ch - MARGIN.top - MARGIN.bottom, 50) / Math.max(box[3] - box[1], 1));
    return Math.min(s, 1.5);
  }
  function fitView() {
    var box = shapeBox(nodeView.getIds());
    if (box === null || !container.clientWidth || !container.clientHeight) {
      network.fit({ animation: false });
      return;
    }
    var s = fitScale(box);
    network.moveTo({
      position: { x: (box[0] + box[2]) / 2,
        y: (box[1] + box[3]) / 2 + (MARGIN.bottom - MARGIN.top) / 2 / s },
      scale: s,
      animation: false,
    });
  }

  // Nodes without links would drift to the rim and shrink the view: once the linked
  // nodes have settled, shelve them in rows (by type, most mentioned first) below or
  // beside the linked ones, whichever lets the whole graph be drawn larger.
  var lonely = data.options.physics ? data.nodes.filter(function (n) {
    return !links.get(n.id).length;
  }) : [];
  var GAP = 24; // screen pixels
  function packLonely() {
    if (!lonely.length) return;
    var order = new Map();
    data.types.forEach(function (t, i) { order.set(t.name, i); });
    var sorted = lonely.slice().sort(function (a, b) {
      return (order.get(a.type) - order.get(b.type)) || (b.mentions - a.mentions) ||
        (a.id < b.id ? -1 : 1);
    });
    var lonelyIds = new Set(lonely.map(function (n) { return n.id; }));
    var core = shapeBox(data.nodes.filter(function (n) {
      return !lonelyIds.has(n.id);
    }).map(function (n) { return n.id; }));
    var scale = core === null ? 1 : fitScale(core), best = null;
    for (var round = 0; round < 4; round++) { // the scale depends on the packing, and back
      var gap = GAP / scale;
      var cells = sorted.map(function (n) {
        var r = radius(n), box = labelBox(n, { x: 0, y: 0 }, scale, PLACES[0], false);
        var w = Math.max(2 * r, box[2] - box[0]);
        return { id: n.id, w: w, h: box[3] + r, dx: w / 2, dy: r };
      });
      var shelve = function (width) {
        var x = 0, y = 0, rowH = 0, w = 0, at = [];
        cells.forEach(function (c) {
          if (x > 0 && x + c.w > width) {
            x = 0;
            y += rowH + gap;
            rowH = 0;
          }
          at.push([x + c.dx, y + c.dy]);
          x += c.w + gap;
          w = Math.max(w, x - gap);
          rowH = Math.max(rowH, c.h);
        });
        return { at: at, w: w, h: y + rowH };
      };
      var widest = Math.max.apply(null, cells.map(function (c) { return c.w; }));
      var total = cells.reduce(function (sum, c) { return sum + c.w + gap; }, 0);
      best = null;
      for (var width = widest; ; width *= 1.25) {
        var shelf = shelve(width);
        ["below", "right"].forEach(function (side) {
          var box;
          if (core === null) box = [0, 0, shelf.w, shelf.h];
          else if (side === "below") {
            box = [core[0], core[1], core[0] + Math.max(core[2] - core[0], shelf.w),
              core[3] + 2 * gap + shelf.h];
          } else {
            box = [core[0], core[1], core[2] + 2 * gap + shelf.w,
              core[1] + Math.max(core[3] - core[1], shelf.h)];
          }
          var s = fitScale(box);
          if (best === null || s > best.scale) best = { scale: s, side: side, shelf: shelf };
        });
        if (width >= total) break;
      }
      var settledScale = Math.abs(best.scale - scale) < 0.02 * scale;
      scale = best.scale;
      if (settledScale) break;
    }
    var left = core === null ? 0 : best.side === "right" ? core[2] + 2 * GAP / scale : core[0];
    var top = core === null ? 0 : best.side === "below" ? core[3] + 2 * GAP / scale : core[1];
    sorted.forEach(function (n, i) {
      network.moveNode(n.id, left + best.shelf.at[i][0], top + best.shelf.at[i][1]);
    });
  }

  // Layout done: fit, choose the labels and draw; the page counts as settled then.
  var settling = false;
  function finished() {
    if (settling) return;
    settling = true;
    statusBox.textContent = "";
    packLonely();
    fitView();
    declutter();
    if (!data.nodes.length) {
      settled();
      return;
    }
    network.once("afterDrawing", settled);
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
    state.event = "";
    eventSelect.value = "";
    state.assertedOnly = false;
    assertedBox.checked = false;
    refresh();
  }

  function selectNode(id, zoom) {
    var n = nodeById.get(id);
    var hidden = !nodeShown(n);
    if (hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: zoom ? Math.max(network.getScale(), 1.1) : network.getScale(),
      animation: false });
    declutter();
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
  document.getElementById("kg-fit").addEventListener("click", function () {
    fitView();
    declutter();
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    resetFilters();
    network.unselectAll();
    hint();
    fitView();
    declutter();
  });

  updateCounts();
  api.ready = true;
  api.timings.ready = performance.now();
})();
