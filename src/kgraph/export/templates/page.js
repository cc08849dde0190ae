/* kgraph page script.  Every name, sentence and id from the graph is data: it is
 * written with textContent / value / setAttribute on fixed attribute names only,
 * never parsed as markup: the script uses no HTML-string sink at all.
 *
 * The data (kgraph.export.html.page_data) holds every node and edge; the canvas draws
 * those marked "drawn".  Records leave empty values out, documents and sentences are
 * indexes into data.documents and data.sentences, evidence ("ev") is a list of
 * [document, sentence], a statement is [document, speaker, on_behalf_of, kind,
 * anonymous, sentence, content, about] with nodes by index.  Panels, lists and tooltips
 * are built when they are opened, never ahead. */
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
  api.timings.parsed = performance.now();

  var FONT = getComputedStyle(document.body).getPropertyValue("--kg-font").trim() ||
    "system-ui, sans-serif";
  var SVGNS = "http://www.w3.org/2000/svg";
  var OTHER = { color: "#9a9a9a", shape: "dot" };
  var PAGE = 10; // items per page in the panels
  var ROLES = ["accused", "target", "alleged_by", "reported_by", "denied_by", "dismissed_by",
    "confirmed_by"];
  var ROLE_NAMES = { accused: "Accused", target: "Target", alleged_by: "Alleged by",
    reported_by: "Reported by", denied_by: "Denied by", dismissed_by: "Dismissed by",
    confirmed_by: "Confirmed by" };
  var TIMELINE_ROLES = ["alleged_by", "reported_by", "denied_by", "dismissed_by", "confirmed_by"];
  var STANCES = { alleged_by: "alleged", reported_by: "reported", denied_by: "denied",
    dismissed_by: "dismissed", confirmed_by: "confirmed" };

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

  function button(text, onClick, className) {
    var b = el("button", className || null, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // ------------------------------------------------------------------ the data, filled in
  var docs = data.documents;
  var sentences = data.sentences || [];
  var statements = data.statements || [];
  data.predicates = data.predicates || [];
  function fill(item, defaults) {
    Object.keys(defaults).forEach(function (k) {
      if (item[k] === undefined) item[k] = Array.isArray(defaults[k]) ? [] : defaults[k];
    });
  }
  var NODE_DEFAULTS = { subtype: "", aliases: [], docs: [], ev: [], mentions: 0, drawn: false,
    status: "", confidence: "", text: "", act: "", time: "", firstReported: "" };
  var EDGE_DEFAULTS = { predicate: "", kind: "", role: "", date: "", flags: [], event: "", docs: [], ev: [],
    parallel: 0, drawn: false };
  data.nodes.forEach(function (n, i) {
    fill(n, NODE_DEFAULTS);
    n.id = "n" + i;
    n.index = i;
    if (n.label === undefined) n.label = n.name;
    if (n.nEvidence === undefined) n.nEvidence = n.ev.length;
    if (n.nAliases === undefined) n.nAliases = n.aliases.length;
  });
  data.edges.forEach(function (e, i) {
    fill(e, EDGE_DEFAULTS);
    e.id = "e" + i;
    e.from = "n" + e.from;
    e.to = "n" + e.to;
    if (e.key === undefined) e.key = e.predicate;
    if (e.label === undefined) e.label = e.predicate;
    if (e.modality === undefined) e.modality = e.kind === "allegation" ? "" : "asserted";
    e.asserted = e.asserted !== 0;
    if (e.nEvidence === undefined) e.nEvidence = e.ev.length;
  });

  var typeStyle = new Map();
  data.types.forEach(function (t) { typeStyle.set(t.name, t); });
  var edgeStyle = new Map();
  data.edgeStyles.forEach(function (s) { edgeStyle.set(s.name, s); });
  var nodeById = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var links = new Map(); // every edge of a node
  var drawnLinks = new Map(); // the drawn edges of a drawn node
  data.nodes.forEach(function (n) {
    links.set(n.id, []);
    if (n.drawn) drawnLinks.set(n.id, []);
  });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    links.get(e.from).push(e);
    if (e.to !== e.from) links.get(e.to).push(e);
    if (e.drawn) {
      drawnLinks.get(e.from).push(e);
      if (e.to !== e.from) drawnLinks.get(e.to).push(e);
    }
  });
  var drawnNodes = data.nodes.filter(function (n) { return n.drawn; });
  var drawnEdges = data.edges.filter(function (e) { return e.drawn; });
  var allegations = data.nodes.filter(function (n) { return n.type === "Allegation"; });

  function docName(d) {
    var doc = docs[d];
    return doc.title === doc.id ? doc.id : doc.title;
  }

  // An allegation's roles, stance counts, documents and first report, worked out once.
  var facts = new Map();
  function about(n) {
    var known = facts.get(n.id);
    if (known) return known;
    var roles = {}, stances = { alleged_by: 0, reported_by: 0, denied_by: 0, dismissed_by: 0,
      confirmed_by: 0 };
    links.get(n.id).forEach(function (e) {
      if (e.from !== n.id || (e.kind !== "allegation" && ROLES.indexOf(e.predicate) < 0)) return;
      (roles[e.predicate] = roles[e.predicate] || []).push(e);
      if (stances[e.predicate] !== undefined) stances[e.predicate] += 1;
    });
    var first = n.firstReported;
    if (!first) {
      n.docs.forEach(function (d) {
        var day = docs[d].published;
        if (day && (!first || day < first)) first = day;
      });
    }
    known = { roles: roles, stances: stances, first: first || "" };
    facts.set(n.id, known);
    return known;
  }

  // kgraph.query.timeline: every sentence of who alleged, reported, denied, dismissed or
  // confirmed it, by publication date (undated last), then document, role and entity.
  function timeline(n) {
    var rows = [];
    var roles = about(n).roles;
    TIMELINE_ROLES.forEach(function (role) {
      (roles[role] || []).forEach(function (e) {
        var who = nodeById.get(e.to);
        e.ev.forEach(function (ev) {
          rows.push({ published: docs[ev[0]].published || null, role: role, entity: who,
            doc: ev[0], sentence: ev[1], time: n.time || null });
        });
      });
    });
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    rows.sort(function (a, b) {
      return cmp(a.published === null, b.published === null) ||
        cmp(a.published || "", b.published || "") || cmp(docs[a.doc].id, docs[b.doc].id) ||
        cmp(a.role, b.role) || cmp(a.entity.key, b.entity.key);
    });
    return rows;
  }
  api.timeline = function (key) {
    var n = data.nodes.find(function (m) { return m.key === key; });
    return timeline(n).map(function (r) {
      return [r.published, r.role, r.entity.key, docs[r.doc].id, sentences[r.sentence]];
    });
  };

  // Statements by speaker (or on whose behalf) and by the entities they are about.
  var spoken = null, spokenOf = null;
  function statementIndex() {
    if (spoken) return;
    spoken = new Map();
    spokenOf = new Map();
    function add(map, i, st) {
      if (i < 0) return;
      var list = map.get(i);
      if (!list) map.set(i, list = []);
      if (list[list.length - 1] !== st) list.push(st);
    }
    statements.forEach(function (st) {
      add(spoken, st[1], st);
      add(spoken, st[2], st);
      st[7].forEach(function (i) { add(spokenOf, i, st); });
    });
  }

  // ------------------------------------------------------------------ cards and panels
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

  function nodeLink(n) {
    var a = el("span", "kg-link", n.name);
    a.setAttribute("role", "button");
    a.tabIndex = 0;
    a.addEventListener("click", function () { selectNode(n.id, false); });
    a.addEventListener("keydown", function (event) {
      if (event.key === "Enter") selectNode(n.id, false);
    });
    return a;
  }

  function edgeLink(e, text) {
    var a = el("span", "kg-link", text || e.label);
    a.setAttribute("role", "button");
    a.tabIndex = 0;
    a.addEventListener("click", function () { selectEdge(e.id); });
    return a;
  }

  function docLine(d) {
    var doc = docs[d];
    var line = el("span", "kg-doc-id");
    var parts = [docName(d)];
    if (doc.source) parts.push(doc.source);
    if (doc.published) parts.push(doc.published);
    line.appendChild(el("span", "kg-v", parts.join(" \u00b7 ")));
    if (doc.title !== doc.id) line.title = doc.id;
    return line;
  }

  function quote(s, d) {
    var li = el("li", "kg-ev");
    li.appendChild(el("span", "kg-quote", "\u201c" + sentences[s] + "\u201d"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(docLine(d));
    return li;
  }

  // A list shown `size` items a page, built page by page.
  function paged(items, render, size, className) {
    var box = el("div", "kg-paged");
    var list = el("ul", className || "kg-list");
    var nav = el("div", "kg-pager");
    var at = 0, pages = Math.max(1, Math.ceil(items.length / size));
    function draw() {
      clear(list);
      items.slice(at * size, at * size + size).forEach(function (item) {
        list.appendChild(render(item));
      });
      clear(nav);
      if (pages > 1) {
        var prev = button("\u2039 Prev", function () { at -= 1; draw(); });
        var next = button("Next \u203a", function () { at += 1; draw(); });
        prev.disabled = at === 0;
        next.disabled = at === pages - 1;
        nav.appendChild(prev);
        nav.appendChild(el("span", "kg-hint", "page " + (at + 1) + " of " + pages + " \u00b7 " +
          items.length.toLocaleString("en-US")));
        nav.appendChild(next);
      }
    }
    draw();
    box.appendChild(list);
    box.appendChild(nav);
    return box;
  }

  function section(title, count, body) {
    var box = el("section", "kg-part");
    box.appendChild(el("h3", null, title + (count !== undefined ? " (" + count + ")" : "")));
    if (body) box.appendChild(body);
    return box;
  }

  function stanceText(s) {
    return TIMELINE_ROLES.filter(function (r) { return s[r]; }).map(function (r) {
      return STANCES[r] + " " + s[r];
    }).join(" \u00b7 ");
  }

  // The hover card: short, built when hovered.
  function nodeCard(n) {
    var card = el("div", "kg-card");
    card.appendChild(el("div", "kg-card-title", n.name));
    card.appendChild(el("div", "kg-card-meta", n.type + (n.subtype ? " \u00b7 " + n.subtype : "") +
      (n.status ? " \u00b7 " + n.status : "")));
    var rows = [];
    if (n.type === "Allegation") {
      var a = about(n);
      rows.push(["Claim", n.text !== n.name ? n.text : ""], ["First reported", a.first],
        ["Stances", stanceText(a.stances)]);
    } else {
      rows.push(["Aliases", n.aliases.join("; ")], ["Mentions", n.mentions]);
    }
    rows.push(["Documents", n.docs.length]);
    if (n.ev.length) {
      var ul = el("ul");
      n.ev.slice(0, 2).forEach(function (ev) { ul.appendChild(quote(ev[1], ev[0])); });
      rows.push(["Evidence", ul]);
    }
    card.appendChild(dl(rows));
    card.appendChild(el("div", "kg-hint", "Click for everything."));
    return card;
  }

  function edgeCard(e) {
    var card = el("div", "kg-card");
    card.appendChild(el("div", "kg-card-title", e.label));
    var line = el("div", "kg-card-meta");
    line.appendChild(el("span", "kg-v", nodeById.get(e.from).name));
    line.appendChild(document.createTextNode(" \u2192 "));
    line.appendChild(el("span", "kg-v", nodeById.get(e.to).name));
    card.appendChild(line);
    var ul = el("ul");
    e.ev.slice(0, 2).forEach(function (ev) { ul.appendChild(quote(ev[1], ev[0])); });
    card.appendChild(dl([["Modality", e.modality], ["Event", e.event], ["Date", e.date],
      ["Evidence", e.ev.length ? ul : ""]]));
    if (e.nEvidence > 2) card.appendChild(el("div", "kg-hint", "+" + (e.nEvidence - 2) +
      " more: click"));
    return card;
  }

  function evidencePart(item, title) {
    if (!item.ev.length) return null;
    var body = paged(item.ev, function (ev) { return quote(ev[1], ev[0]); }, PAGE);
    var part = section(title || "Evidence", item.nEvidence, body);
    if (item.nEvidence > item.ev.length) {
      part.appendChild(el("p", "kg-hint", "The first " + item.ev.length + " mentions; the graph " +
        "data has them all."));
    }
    return part;
  }

  function allegationPanel(n) {
    var a = about(n), card = el("div", "kg-card kg-panel-card");
    card.appendChild(el("div", "kg-card-title", n.name));
    card.appendChild(el("div", "kg-card-meta", "Allegation \u00b7 " + (n.status || "alleged") +
      (n.act ? " \u00b7 " + n.act : "")));
    var outlets = new Set();
    n.docs.forEach(function (d) { if (docs[d].source) outlets.add(docs[d].source); });
    card.appendChild(dl([
      ["Claim", n.text], ["Confidence", n.confidence], ["First reported", a.first],
      ["Event time", n.time], ["Documents", n.docs.length + (outlets.size ? " from " +
        plural(outlets.size, "outlet") : "")], ["Stances", stanceText(a.stances)], ["Id", n.key],
    ]));
    var known = ROLES.concat(Object.keys(a.roles).filter(function (r) {
      return ROLES.indexOf(r) < 0;
    }).sort());
    var roles = el("div", "kg-roles");
    known.forEach(function (role) {
      var edges = a.roles[role];
      if (!edges) return;
      var row = el("div", "kg-role kg-role-" + role);
      row.appendChild(el("span", "kg-role-name", (ROLE_NAMES[role] || role) + ":"));
      edges.forEach(function (e, i) {
        if (i) row.appendChild(document.createTextNode(", "));
        row.appendChild(nodeLink(nodeById.get(e.to)));
        var extra = (e.flags.indexOf("anonymous") >= 0 ? "anonymous, " : "") +
          plural(e.nEvidence, "sentence");
        row.appendChild(el("span", "kg-hint", " (" + extra + ")"));
      });
      roles.appendChild(row);
    });
    card.appendChild(section("Roles", undefined, roles));
    var rows = timeline(n);
    if (rows.length) {
      var part = section("Timeline", rows.length, stripFor(rows, 300, 46, null));
      part.appendChild(paged(rows, timelineRow, PAGE, "kg-list kg-timeline"));
      card.appendChild(part);
    }
    var ev = evidencePart(n, "All evidence");
    if (ev) card.appendChild(ev);
    return card;
  }

  function timelineRow(r) {
    var li = el("li", "kg-ev");
    var head = el("div", "kg-tl-head");
    head.appendChild(el("span", "kg-tl-date", r.published || "undated"));
    head.appendChild(el("span", "kg-tl-role kg-role-" + r.role, STANCES[r.role]));
    head.appendChild(nodeLink(r.entity));
    if (r.time) head.appendChild(el("span", "kg-hint", " event " + r.time));
    li.appendChild(head);
    li.appendChild(el("span", "kg-quote", "\u201c" + sentences[r.sentence] + "\u201d"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(docLine(r.doc));
    return li;
  }

  function statementItem(st) {
    var li = el("li", "kg-ev");
    var head = el("div", "kg-tl-head");
    var speaker = st[1] >= 0 ? data.nodes[st[1]] : null;
    if (speaker) head.appendChild(nodeLink(speaker));
    else head.appendChild(el("span", "kg-hint", st[4] ? "anonymous" : "unnamed speaker"));
    if (st[2] >= 0 && st[2] !== st[1]) {
      head.appendChild(document.createTextNode(" for "));
      head.appendChild(nodeLink(data.nodes[st[2]]));
    }
    head.appendChild(el("span", "kg-hint", " \u00b7 " + st[3]));
    li.appendChild(head);
    if (st[6]) li.appendChild(el("div", "kg-quote", "\u201c" + st[6] + "\u201d"));
    li.appendChild(el("span", "kg-quote", "\u201c" + sentences[st[5]] + "\u201d"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(docLine(st[0]));
    return li;
  }

  function factItem(n) {
    return function (e) {
      var li = el("li");
      var out = e.from === n.id, other = nodeById.get(out ? e.to : e.from);
      if (!out) {
        li.appendChild(nodeLink(other));
        li.appendChild(document.createTextNode(" \u2192 "));
      }
      li.appendChild(edgeLink(e));
      if (out) {
        li.appendChild(document.createTextNode(" \u2192 "));
        li.appendChild(nodeLink(other));
      }
      var meta = [plural(e.nEvidence, "sentence")];
      if (!e.asserted) meta.unshift(e.modality);
      if (e.event) meta.unshift(e.event);
      li.appendChild(el("span", "kg-hint", " (" + meta.join("; ") + ")"));
      return li;
    };
  }

  function entityPanel(n) {
    statementIndex();
    var card = el("div", "kg-card kg-panel-card");
    card.appendChild(el("div", "kg-card-title", n.name));
    card.appendChild(el("div", "kg-card-meta", n.type + (n.subtype ? " \u00b7 " + n.subtype : "") +
      (n.drawn ? "" : " \u00b7 not drawn (beyond max_nodes)")));
    card.appendChild(dl([
      ["Aliases", n.aliases.length ? n.aliases.join("; ") +
        (n.nAliases > n.aliases.length ? " (+" + (n.nAliases - n.aliases.length) + " more)" : "")
        : ""],
      ["Mentions", n.mentions], ["Documents", n.docs.length], ["Id", n.key],
    ]));
    var inAllegations = links.get(n.id).filter(function (e) {
      return e.to === n.id && nodeById.get(e.from).type === "Allegation";
    });
    if (inAllegations.length) {
      card.appendChild(section("In allegations", inAllegations.length,
        paged(inAllegations, function (e) {
          var li = el("li");
          li.appendChild(el("span", "kg-tl-role kg-role-" + e.predicate,
            (ROLE_NAMES[e.predicate] || e.predicate).toLowerCase()));
          li.appendChild(nodeLink(nodeById.get(e.from)));
          return li;
        }, PAGE)));
    }
    var said = spoken.get(n.index) || [], saidOf = spokenOf.get(n.index) || [];
    card.appendChild(section("What it said", said.length,
      said.length ? paged(said, statementItem, PAGE) : el("p", "kg-hint", "No statement.")));
    card.appendChild(section("What was said about it", saidOf.length,
      saidOf.length ? paged(saidOf, statementItem, PAGE) : el("p", "kg-hint", "No statement.")));
    var all = links.get(n.id).filter(function (e) {
      return nodeById.get(e.from).type !== "Allegation";
    });
    var shown = all.filter(function (e) { return !state.assertedOnly || e.asserted; });
    var part = section("Facts", shown.length, shown.length ? paged(shown, factItem(n), PAGE) :
      el("p", "kg-hint", "No fact."));
    if (shown.length < all.length) {
      part.appendChild(el("p", "kg-hint", "+" + (all.length - shown.length) + " reported, " +
        "hedged, demanded or planned: untick \u201cOnly what the text asserts\u201d."));
    }
    card.appendChild(part);
    var ev = evidencePart(n, "Mentions");
    if (ev) card.appendChild(ev);
    return card;
  }

  function edgePanel(e) {
    var card = el("div", "kg-card kg-panel-card");
    card.appendChild(el("div", "kg-card-title", e.label));
    var line = el("div", "kg-card-meta");
    line.appendChild(nodeLink(nodeById.get(e.from)));
    line.appendChild(document.createTextNode(" \u2192 "));
    line.appendChild(nodeLink(nodeById.get(e.to)));
    card.appendChild(line);
    card.appendChild(dl([
      ["Predicate", e.predicate], ["Kind", e.kind], ["Role", e.role], ["Date", e.date],
      ["Modality", e.modality], ["Event", e.event], ["Flags", e.flags.join(", ")],
      ["Documents", e.docs.length], ["Key", e.key],
    ]));
    var ev = evidencePart(e);
    if (ev) card.appendChild(ev);
    return card;
  }

  function nodePanel(n) {
    return n.type === "Allegation" ? allegationPanel(n) : entityPanel(n);
  }

  // ------------------------------------------------------------------ vis data
  var dashed = { denied: true, disputed: true };
  var DIM = "#e4e7eb";
  function nodeColor(n, dim) {
    var st = typeStyle.get(n.type) || OTHER;
    var fillColor = dim ? DIM : st.color, border = dim ? "#c9ced4" : "#2b2b2b";
    return { background: fillColor, border: border,
      highlight: { background: st.color, border: "#000000" },
      hover: { background: fillColor, border: "#000000" } };
  }
  function edgeColor(e, dim) {
    var st = edgeStyle.get(e.style);
    return { color: st.color, highlight: st.color, hover: st.color, opacity: dim ? 0.12 : 0.9 };
  }
  var visNodes = drawnNodes.map(function (n) {
    var st = typeStyle.get(n.type) || OTHER;
    var item = { id: n.id, value: Math.max(1, n.mentions), shape: st.shape, color: nodeColor(n) };
    if (n.type === "Allegation") {
      item.borderWidth = 2;
      item.shapeProperties = { borderDashes: dashed[n.status] ? [5, 3] : false };
      if (n.status === "confirmed") item.borderWidth = 3.5;
    }
    if (typeof n.x === "number") {
      item.x = n.x;
      item.y = n.y;
    } else if (!drawnLinks.get(n.id).length) {
      item.physics = false; // placed beside the linked nodes when shown: packLonely()
    }
    return item;
  });

  var visEdges = drawnEdges.map(function (e) {
    var st = edgeStyle.get(e.style);
    var item = {
      id: e.id,
      from: e.from,
      to: e.to,
      arrows: "to",
      width: st.width,
      dashes: st.dashes.length ? st.dashes : false,
      color: edgeColor(e),
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
    statuses: new Set(["alleged", "denied", "disputed", "confirmed"].concat(
      allegations.map(function (n) { return n.status || "alleged"; }))),
    stance: "",
    doc: "",
    outlet: "",
    from: "",
    to: "",
    event: "",
    predicate: "",
    assertedOnly: true,
    unlinked: false,
    focus: false,
  };
  api.state = state;

  // Which documents pass the document, outlet and date filters (null: all of them).
  function docFilter() {
    if (!state.doc && !state.outlet && !state.from && !state.to) return null;
    var ok = new Uint8Array(docs.length);
    docs.forEach(function (d, i) {
      var day = d.published;
      ok[i] = (!state.doc || d.id === state.doc) && (!state.outlet || d.source === state.outlet) &&
        (!(state.from || state.to) || (day && (!state.from || day >= state.from) &&
          (!state.to || day <= state.to))) ? 1 : 0;
    });
    return ok;
  }
  function anyDoc(list, ok) {
    if (ok === null) return true;
    for (var i = 0; i < list.length; i++) if (ok[list[i]]) return true;
    return false;
  }
  function allegationShown(n, ok) {
    if (!state.statuses.has(n.status || "alleged") || !anyDoc(n.docs, ok)) return false;
    if (!state.stance) return true;
    var s = about(n).stances;
    if (state.stance === "unchallenged") return !s.denied_by && !s.dismissed_by;
    return s[state.stance + "_by"] > 0;
  }
  // An entity passes the document filters through its own documents, or through a link
  // that passes them (its sources may not name the document of every link's sentence).
  function nodeBase(n, ok) {
    return state.types.has(n.type) && (n.type !== "Allegation" || allegationShown(n, ok));
  }
  function edgePass(e, ok) {
    return (!state.assertedOnly || e.asserted) && (!state.event || e.event === state.event) &&
      (!state.predicate || e.predicate === state.predicate) && anyDoc(e.docs, ok);
  }

  var shownNodes = new Set(), shownEdges = new Set(), listed = [];
  function compute() {
    var ok = docFilter(), base = new Set(), degree = new Map();
    drawnNodes.forEach(function (n) { if (nodeBase(n, ok)) base.add(n.id); });
    shownEdges = new Set();
    drawnEdges.forEach(function (e) {
      if (!base.has(e.from) || !base.has(e.to) || !edgePass(e, ok)) return;
      shownEdges.add(e.id);
      degree.set(e.from, 1);
      degree.set(e.to, 1);
    });
    shownNodes = new Set();
    base.forEach(function (id) {
      if (degree.has(id) || (state.unlinked && anyDoc(nodeById.get(id).docs, ok))) {
        shownNodes.add(id);
      }
    });
    listed = allegations.filter(function (n) { return allegationShown(n, ok); });
  }
  compute();

  var nodeView = new vis.DataView(nodes, {
    filter: function (item) { return shownNodes.has(item.id); },
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (item) { return shownEdges.has(item.id); },
  });
  api.nodeView = nodeView;
  api.edgeView = edgeView;

  function refresh() {
    // hidden nodes come back where they were (Python positions are in the data already)
    if (api.stabilized && data.options.physics) storePositions();
    var before = { nodes: shownNodes, edges: shownEdges };
    compute();
    // vis-network takes items in or out one by one, slowly: past REBUILD changes it is
    // quicker to hand it the data anew (positions are kept in the data set)
    var rebuild = api.stabilized && changes(before.nodes, shownNodes) +
      changes(before.edges, shownEdges) > REBUILD;
    var view = rebuild ? { position: network.getViewPosition(), scale: network.getScale() } : null;
    if (rebuild) network.setData({ nodes: [], edges: [] });
    nodeView.refresh();
    edgeView.refresh();
    if (rebuild) {
      network.setData({ nodes: nodeView, edges: edgeView });
      network.moveTo({ position: view.position, scale: view.scale, animation: false });
    }
    if (api.stabilized && state.unlinked) packLonely();
    applyFocus();
    updateCounts();
    renderList();
    drawStrip();
    if (api.stabilized) declutter();
  }
  api.refresh = refresh;

  var REBUILD = 800;
  function changes(a, b) {
    var n = 0;
    a.forEach(function (id) { if (!b.has(id)) n += 1; });
    b.forEach(function (id) { if (!a.has(id)) n += 1; });
    return n;
  }

  function storePositions() {
    var pos = network.getPositions(nodeView.getIds());
    nodes.update(Object.keys(pos).map(function (id) {
      return { id: id, x: pos[id].x, y: pos[id].y };
    }));
  }

  function updateCounts() {
    var text = plural(nodeView.length, "node") + " \u00b7 " + plural(edgeView.length, "link");
    if (nodeView.length !== drawnNodes.length || edgeView.length !== drawnEdges.length) {
      text += " shown of " + drawnNodes.length.toLocaleString("en-US") + " / " +
        drawnEdges.length.toLocaleString("en-US");
    }
    text += " \u00b7 " + plural(allegations.length, "allegation") + " \u00b7 " +
      plural(docs.length, "document");
    document.getElementById("kg-counts").textContent = text;
  }

  // ------------------------------------------------------------------ legend and filters
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

  function checkRow(value, checked, onChange, icon, name, count) {
    var row = el("label", "kg-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    row.appendChild(box);
    if (icon) row.appendChild(icon);
    row.appendChild(el("span", "kg-name", name));
    if (count !== undefined) row.appendChild(el("span", "kg-count", count));
    return { row: row, box: box };
  }

  var typeBoxes = [];
  var typeList = document.getElementById("kg-type-list");
  data.types.forEach(function (t) {
    var made = checkRow(t.name, true, function (on) {
      if (on) state.types.add(t.name);
      else state.types.delete(t.name);
      refresh();
    }, shapeIcon(t.shape, t.color, false), t.name, t.count);
    typeBoxes.push(made.box);
    typeList.appendChild(made.row);
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

  var statusBoxes = [];
  var statusCounts = new Map();
  allegations.forEach(function (n) {
    var s = n.status || "alleged";
    statusCounts.set(s, (statusCounts.get(s) || 0) + 1);
  });
  var statusList = document.getElementById("kg-status-list");
  Array.from(statusCounts.keys()).sort().forEach(function (s) {
    var made = checkRow(s, true, function (on) {
      if (on) state.statuses.add(s);
      else state.statuses.delete(s);
      refresh();
    }, null, s, statusCounts.get(s));
    statusBoxes.push(made.box);
    statusList.appendChild(made.row);
  });
  document.getElementById("kg-allegation-filter").hidden = !allegations.length;

  function fillSelect(select, items, key) {
    items.forEach(function (item) {
      var option = el("option", null, item.text);
      option.value = item.value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state[key] = select.value;
      refresh();
    });
    return select;
  }
  var stanceSelect = fillSelect(document.getElementById("kg-stance"), [
    { value: "denied", text: "with a denial" }, { value: "dismissed", text: "with a dismissal" },
    { value: "confirmed", text: "with a confirmation" },
    { value: "unchallenged", text: "neither denied nor dismissed" },
  ], "stance");
  var predicateSelect = fillSelect(document.getElementById("kg-predicate"),
    data.predicates.map(function (p) { return { value: p.name, text: p.name + " (" + p.count + ")" }; }),
    "predicate");
  var eventSelect = fillSelect(document.getElementById("kg-event"), data.events.map(function (ev) {
    return { value: ev.name, text: ev.name + " (" + ev.count + ")" };
  }), "event");
  eventSelect.hidden = !data.events.length;
  var outletCounts = new Map();
  docs.forEach(function (d) {
    if (d.source) outletCounts.set(d.source, (outletCounts.get(d.source) || 0) + 1);
  });
  var outletSelect = fillSelect(document.getElementById("kg-outlet"),
    Array.from(outletCounts.keys()).sort().map(function (o) {
      return { value: o, text: o + " (" + outletCounts.get(o) + ")" };
    }), "outlet");
  outletSelect.hidden = !outletCounts.size;
  var docSelect = fillSelect(document.getElementById("kg-doc"), docs.map(function (d) {
    return { value: d.id, text: d.title === d.id ? d.id : d.title + " (" + d.id + ")" };
  }), "doc");

  var days = docs.map(function (d) { return d.published; }).filter(Boolean).sort();
  var fromInput = document.getElementById("kg-from"), toInput = document.getElementById("kg-to");
  [fromInput, toInput].forEach(function (input) {
    if (days.length) {
      input.min = days[0];
      input.max = days[days.length - 1];
    } else {
      input.disabled = true;
    }
    input.addEventListener("change", function () {
      setDates(fromInput.value, toInput.value);
    });
  });
  document.getElementById("kg-date-hint").hidden = Boolean(days.length);
  function setDates(from, to) {
    if (from && to && from > to) { var t = from; from = to; to = t; }
    state.from = from || "";
    state.to = to || "";
    fromInput.value = state.from;
    toInput.value = state.to;
    refresh();
  }
  api.setDates = setDates;

  function toggle(id, key, after) {
    var box = document.getElementById(id);
    box.checked = state[key];
    box.addEventListener("change", function () {
      state[key] = box.checked;
      if (after) after();
      else refresh();
    });
    return box;
  }
  var assertedBox = toggle("kg-asserted", "assertedOnly", function () {
    refresh();
    if (current && current.node) showPanel(nodePanel(current.node));
  });
  var unlinkedBox = toggle("kg-unlinked", "unlinked", function () {
    refresh();
    if (!api.stabilized) return;
    fitView();
    declutter();
  });
  var focusBox = toggle("kg-focus", "focus", function () {
    applyFocus();
    if (api.stabilized) declutter();
  });
  // ------------------------------------------------------------------ network
  // Mentions span 1..hundreds: scale sizes by log so small nodes stay visible.
  function logScale(min, max, total, value) {
    if (max === min) return 0.5;
    return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
  }
  var SIZE = { min: 10, max: 34 }; // node radius in canvas units (nodes.scaling)
  var LABEL = { min: 12, max: 17, link: 11 }; // label font sizes in screen pixels
  var mentionRange = drawnNodes.reduce(function (r, n) {
    var v = Math.max(1, n.mentions);
    return [Math.min(r[0], v), Math.max(r[1], v)];
  }, [Infinity, -Infinity]);
  function importance(n) { // 0..1, as vis-network scales the node
    return logScale(mentionRange[0], mentionRange[1], 0, Math.max(1, n.mentions));
  }
  var container = document.getElementById("kg-network");
  var big = drawnNodes.length > 300;
  // kgraph.export.html.PHYSICS (to_pyvis gives a pyvis Network the same settings)
  var physicsOptions = Object.assign({ enabled: true }, data.options.physicsSettings);
  var options = {
    autoResize: true,
    layout: { randomSeed: data.options.seed, improvedLayout: drawnNodes.length <= 100 },
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
  var PLACES = ["below", "above", "right", "left", "below right", "above right", "below left",
    "above left"];
  function labelBox(n, p, scale, place, bold) {
    var px = labelPx(n) / scale, w = textWidth(n.label, px, bold) + 4 / scale;
    var r = radius(n) + 2 / scale, h = LINE * px, d = r; // diagonals clear the node's box
    if (place === "above") return [p.x - w / 2, p.y - r - h, p.x + w / 2, p.y - r];
    if (place === "right") return [p.x + r, p.y - h / 2, p.x + r + w, p.y + h / 2];
    if (place === "left") return [p.x - r - w, p.y - h / 2, p.x - r, p.y + h / 2];
    if (place === "below right") return [p.x + d, p.y + d, p.x + d + w, p.y + d + h];
    if (place === "above right") return [p.x + d, p.y - d - h, p.x + d + w, p.y - d];
    if (place === "below left") return [p.x - d - w, p.y + d, p.x - d, p.y + d + h];
    if (place === "above left") return [p.x - d - w, p.y - d - h, p.x - d, p.y - d];
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
  var byImportance = drawnNodes.slice().sort(function (a, b) {
    return (weight(b) - weight(a)) ||
      (drawnLinks.get(b.id).length - drawnLinks.get(a.id).length) ||
      (a.id < b.id ? -1 : 1);
  });
  var linksByEvidence = drawnEdges.slice().sort(function (a, b) {
    return (b.nEvidence - a.nEvidence) || (a.id < b.id ? -1 : 1);
  });
  var nodeLabels = new Map(); // vis id -> where its label is drawn (one of PLACES)
  var linkLabels = new Set(); // vis ids of links whose label is drawn
  var hovered = null;
  api.labels = { nodes: 0, edges: 0 };

  function declutter() {
    var scale = network.getScale();
    if (!(scale > 0)) {
      network.redraw();
      return;
    }
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
      if (!p || dimmed.has(n.id)) return;
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
        if (!shownLinks.has(e.id) || !a || !b || e.from === e.to || dimmedLinks.has(e.id)) return;
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
    if (!(scale > 0) || !drawnNodes.length) return;
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
      if (!p || !onScreen(p)) return;
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
    tipSoon(function () { return nodeCard(nodeById.get(params.node)); }, params.pointer.DOM);
  });
  network.on("blurNode", function () {
    hovered = null;
    network.redraw();
    hideTip();
  });
  network.on("hoverEdge", function (params) {
    tipSoon(function () { return edgeCard(edgeById.get(params.edge)); }, params.pointer.DOM);
  });
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // The hover card: one element, filled when the pointer rests on an item.
  var tip = document.getElementById("kg-tip"), tipTimer = null;
  function tipSoon(make, at) {
    clearTimeout(tipTimer);
    tipTimer = setTimeout(function () {
      clear(tip);
      tip.appendChild(make());
      tip.hidden = false;
      var wrap = container.getBoundingClientRect();
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var x = at.x + 14, y = at.y + 14;
      if (x + w > wrap.width) x = Math.max(0, at.x - w - 14);
      if (y + h > wrap.height) y = Math.max(0, wrap.height - h - 4);
      tip.style.left = x + "px";
      tip.style.top = y + "px";
    }, 120);
  }
  function hideTip() {
    clearTimeout(tipTimer);
    tip.hidden = true;
  }
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
  // where the label of the node `key` could go: [place, box] in canvas units
  api.labelPlaces = function (key) {
    var n = data.nodes.find(function (m) { return m.key === key; });
    var p = network.getPositions([n.id])[n.id], scale = network.getScale();
    return PLACES.map(function (place) { return [place, labelBox(n, p, scale, place, false)]; });
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
  var lonelyAll = data.options.physics ? drawnNodes.filter(function (n) {
    return !drawnLinks.get(n.id).length;
  }) : [];
  var GAP = 24; // screen pixels
  function packLonely() {
    var lonely = lonelyAll.filter(function (n) { return shownNodes.has(n.id); });
    if (!lonely.length) return;
    var order = new Map();
    data.types.forEach(function (t, i) { order.set(t.name, i); });
    var sorted = lonely.slice().sort(function (a, b) {
      return (order.get(a.type) - order.get(b.type)) || (b.mentions - a.mentions) ||
        (a.id < b.id ? -1 : 1);
    });
    var lonelyIds = new Set(lonely.map(function (n) { return n.id; }));
    var core = shapeBox(nodeView.getIds().filter(function (id) { return !lonelyIds.has(id); }));
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
    if (!nodeView.length) {
      declutter();
      settled();
      return;
    }
    network.once("afterDrawing", settled);
    declutter(); // which draws the graph with its labels
  }

  function settled() {
    api.stabilized = true;
    api.timings.stabilized = performance.now();
  }

  if (data.options.physics && nodeView.length) {
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
  if (!nodeView.length) finished();


  // ------------------------------------------------------------------ focus
  var dimmed = new Set(), dimmedLinks = new Set();
  function applyFocus() {
    if (!network) return;
    var keep = null, ends = null;
    var n = current && current.node, e = current && current.edge;
    if (state.focus && ((n && n.drawn) || (e && e.drawn))) {
      ends = n ? [n.id] : [e.from, e.to];
      keep = new Set(ends);
      ends.forEach(function (id) {
        drawnLinks.get(id).forEach(function (link) {
          if (!shownEdges.has(link.id)) return;
          keep.add(link.from);
          keep.add(link.to);
        });
      });
    }
    var nodeUpdates = [], edgeUpdates = [];
    drawnNodes.forEach(function (m) {
      var dim = keep !== null && !keep.has(m.id);
      if (dim === dimmed.has(m.id)) return;
      if (dim) dimmed.add(m.id);
      else dimmed.delete(m.id);
      nodeUpdates.push({ id: m.id, color: nodeColor(m, dim) });
    });
    drawnEdges.forEach(function (link) {
      var dim = keep !== null && ends.indexOf(link.from) < 0 && ends.indexOf(link.to) < 0;
      if (dim === dimmedLinks.has(link.id)) return;
      if (dim) dimmedLinks.add(link.id);
      else dimmedLinks.delete(link.id);
      edgeUpdates.push({ id: link.id, color: edgeColor(link, dim) });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }
  api.dimmed = function () {
    return Array.from(dimmed).map(function (id) { return nodeById.get(id).key; }).sort();
  };

  // ------------------------------------------------------------------ panels and tabs
  var detailBody = document.getElementById("kg-detail-body");
  var current = null; // { node } or { edge }: what the details panel shows
  var tabs = ["list", "details", "results"];
  function showTab(name) {
    tabs.forEach(function (t) {
      document.getElementById("kg-" + t).hidden = t !== name;
      document.getElementById("kg-tab-" + t).setAttribute("aria-selected", String(t === name));
    });
  }
  tabs.forEach(function (t) {
    document.getElementById("kg-tab-" + t).addEventListener("click", function () { showTab(t); });
  });
  api.showTab = showTab;

  function showPanel(card) {
    clear(detailBody);
    detailBody.appendChild(card);
    detailBody.scrollTop = 0;
    showTab("details");
  }

  function hint() {
    current = null;
    clear(detailBody);
    detailBody.appendChild(el("p", "kg-hint", "Click a node, a link or an allegation."));
    applyFocus();
  }

  function resetFilters() {
    state.types = new Set(data.types.map(function (t) { return t.name; }));
    typeBoxes.forEach(function (box) { box.checked = true; });
    state.statuses = new Set(statusCounts.keys());
    statusBoxes.forEach(function (box) { box.checked = true; });
    [["stance", stanceSelect], ["predicate", predicateSelect], ["event", eventSelect],
      ["outlet", outletSelect], ["doc", docSelect]].forEach(function (pair) {
      state[pair[0]] = "";
      pair[1].value = "";
    });
    state.from = state.to = fromInput.value = toInput.value = "";
    state.assertedOnly = assertedBox.checked = false;
    state.unlinked = unlinkedBox.checked = true;
    refresh();
  }

  function selectNode(id, zoom) {
    var n = nodeById.get(id), hidden = false;
    current = { node: n };
    if (n.drawn) {
      hidden = !shownNodes.has(id);
      if (hidden) resetFilters();
      network.selectNodes([id]);
      network.focus(id, { scale: zoom ? Math.max(network.getScale(), 1.1) : network.getScale(),
        animation: false });
    } else {
      network.unselectAll();
    }
    applyFocus();
    declutter();
    showPanel(nodePanel(n));
    markRow();
    return hidden;
  }
  api.select = function (key) {
    var n = data.nodes.find(function (m) { return m.key === key; });
    selectNode(n.id, true);
  };

  function selectEdge(id) {
    var e = edgeById.get(id);
    current = { edge: e };
    if (e.drawn && shownEdges.has(id)) network.selectEdges([id]);
    else network.unselectAll();
    applyFocus();
    declutter();
    showPanel(edgePanel(e));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      current = { node: nodeById.get(params.nodes[0]) };
      showPanel(nodePanel(current.node));
      markRow();
    } else if (params.edges.length) {
      current = { edge: edgeById.get(params.edges[0]) };
      showPanel(edgePanel(current.edge));
    } else {
      hint();
    }
    applyFocus();
    declutterSoon();
  });

  // ------------------------------------------------------------------ the allegation list
  var listBody = document.getElementById("kg-list-body");
  var listHead = document.getElementById("kg-list-head");
  var listInfo = document.getElementById("kg-list-info");
  var LIST_PAGE = 100;
  var sort = { key: "docs", dir: -1 }, listLimit = LIST_PAGE;
  var COLUMNS = [
    { key: "label", text: "Allegation", value: function (n) { return n.name.toLowerCase(); } },
    { key: "docs", text: "Docs", value: function (n) { return n.docs.length; } },
    { key: "first", text: "First reported", value: function (n) { return about(n).first; } },
    { key: "status", text: "Status", value: function (n) { return n.status || "alleged"; } },
    { key: "stances", text: "Stances", value: function (n) {
      var s = about(n).stances;
      return s.alleged_by + s.reported_by + s.denied_by + s.dismissed_by + s.confirmed_by;
    } },
  ];
  var headRow = el("tr");
  COLUMNS.forEach(function (c) {
    var th = el("th");
    th.appendChild(button(c.text, function () {
      sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : (c.key === "label" ||
        c.key === "first" || c.key === "status" ? 1 : -1) };
      listLimit = LIST_PAGE;
      renderList();
    }, "kg-sort"));
    th.dataset.key = c.key;
    headRow.appendChild(th);
  });
  listHead.appendChild(headRow);

  function sortedList() {
    var col = COLUMNS.find(function (c) { return c.key === sort.key; });
    var values = new Map();
    listed.forEach(function (n) { values.set(n.id, col.value(n)); });
    return listed.slice().sort(function (a, b) {
      var x = values.get(a.id), y = values.get(b.id);
      if (sort.key === "first" && (x === "") !== (y === "")) return x === "" ? 1 : -1;
      if (x !== y) return (x < y ? -1 : 1) * sort.dir;
      return a.key < b.key ? -1 : 1;
    });
  }

  function stanceCell(n) {
    var s = about(n).stances, td = el("td", "kg-stances");
    TIMELINE_ROLES.forEach(function (r) {
      if (!s[r]) return;
      var b = el("span", "kg-badge kg-role-" + r, STANCES[r][0].toUpperCase() + s[r]);
      b.title = STANCES[r] + ": " + s[r];
      td.appendChild(b);
    });
    return td;
  }

  function renderList() {
    var rows = sortedList();
    clear(listBody);
    Array.from(headRow.children).forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.key === sort.key ?
        (sort.dir > 0 ? "ascending" : "descending") : "none");
    });
    rows.slice(0, listLimit).forEach(function (n) {
      var tr = el("tr", "kg-list-row");
      tr.dataset.id = n.id;
      var name = el("td", "kg-list-name");
      name.appendChild(el("span", "kg-v", n.name));
      tr.appendChild(name);
      tr.appendChild(el("td", "kg-num", n.docs.length));
      tr.appendChild(el("td", "kg-num", about(n).first || "\u2013"));
      tr.appendChild(el("td", "kg-status-" + (n.status || "alleged"), n.status || "alleged"));
      tr.appendChild(stanceCell(n));
      tr.tabIndex = 0;
      tr.addEventListener("click", function () { selectNode(n.id, true); });
      tr.addEventListener("keydown", function (event) {
        if (event.key === "Enter") selectNode(n.id, true);
      });
      listBody.appendChild(tr);
    });
    listInfo.textContent = rows.length === allegations.length ? plural(rows.length, "allegation") :
      rows.length.toLocaleString("en-US") + " of " + plural(allegations.length, "allegation") +
      " (filtered)";
    var more = document.getElementById("kg-list-more");
    more.hidden = rows.length <= listLimit;
    more.textContent = "Show " + Math.min(LIST_PAGE, rows.length - listLimit) + " more";
    markRow();
  }
  document.getElementById("kg-list-more").addEventListener("click", function () {
    listLimit += LIST_PAGE;
    renderList();
  });
  function markRow() {
    var id = current && current.node ? current.node.id : null;
    Array.from(listBody.children).forEach(function (tr) {
      tr.classList.toggle("kg-current", tr.dataset.id === id);
    });
  }
  api.listKeys = function () {
    return Array.from(listBody.children).map(function (tr) { return nodeById.get(tr.dataset.id).key; });
  };
  api.sortList = function (key, dir) {
    sort = { key: key, dir: dir };
    renderList();
  };

  // ------------------------------------------------------------------ the timeline strip
  var ROLE_COLORS = { alleged_by: "#1f77b4", reported_by: "#7f7f7f", denied_by: "#2ca02c",
    dismissed_by: "#8c564b", confirmed_by: "#9467bd" };
  data.edgeStyles.forEach(function (s) { if (ROLE_COLORS[s.name]) ROLE_COLORS[s.name] = s.color; });
  function dayNumber(day) { return Math.floor(Date.parse(day + "T00:00:00Z") / 86400000); }
  function dayText(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  // A stacked bar chart of stance events by publication date; with onBrush, dragging
  // across it picks a date range.
  function stripFor(rows, width, height, onBrush) {
    var dated = rows.filter(function (r) { return r.published; });
    var box = el("div", "kg-strip-box");
    if (!dated.length) {
      box.appendChild(el("p", "kg-hint", "No dated stance events: the documents carry no " +
        "publication date."));
      return box;
    }
    var lo = dayNumber(dated[0].published), hi = lo;
    dated.forEach(function (r) {
      var d = dayNumber(r.published);
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    });
    var span = hi - lo + 1, unit = span <= 120 ? 1 : span <= 1100 ? 7 : 30;
    var nBins = Math.ceil(span / unit), bins = [];
    for (var i = 0; i < nBins; i++) bins.push({});
    dated.forEach(function (r) {
      var b = bins[Math.floor((dayNumber(r.published) - lo) / unit)];
      b[r.role] = (b[r.role] || 0) + 1;
    });
    var top = 1;
    bins.forEach(function (b) {
      var t = 0;
      Object.keys(b).forEach(function (k) { t += b[k]; });
      top = Math.max(top, t);
    });
    var axis = 13, plot = height - axis, bw = width / nBins;
    var chart = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      class: "kg-strip-svg", role: "img" });
    chart.setAttribute("aria-label", plural(dated.length, "dated stance event") + ", " +
      dayText(lo) + " to " + dayText(hi));
    bins.forEach(function (b, i) {
      var y = plot;
      TIMELINE_ROLES.forEach(function (role) {
        if (!b[role]) return;
        var h = Math.max(1.5, plot * b[role] / top);
        y -= h;
        chart.appendChild(svg("rect", { x: i * bw + 0.5, y: y, width: Math.max(1, bw - 1),
          height: h, fill: ROLE_COLORS[role] }));
      });
    });
    chart.appendChild(svg("line", { x1: 0, y1: plot + 0.5, x2: width, y2: plot + 0.5,
      stroke: "#8c959f" }));
    [[dayText(lo), 0, "start"], [dayText(hi + unit - 1 > hi ? hi : hi), width, "end"]]
      .forEach(function (t) {
        var label = svg("text", { x: t[1], y: height - 2, "text-anchor": t[2],
          "font-size": 10, fill: "#57606a" });
        label.textContent = t[0];
        chart.appendChild(label);
      });
    function dayAt(x) {
      return dayText(lo + Math.min(span - 1, Math.max(0, Math.floor(x / width * nBins) * unit)));
    }
    if (state.from || state.to) {
      var a = state.from ? (dayNumber(state.from) - lo) / span * width : 0;
      var z = state.to ? (dayNumber(state.to) - lo + 1) / span * width : width;
      chart.appendChild(svg("rect", { x: Math.max(0, a), y: 0, width: Math.max(2, z - a),
        height: plot, fill: "rgba(9,105,218,.12)", stroke: "#0969da", class: "kg-brush" }));
    }
    if (onBrush) {
      var brush = svg("rect", { x: 0, y: 0, width: 0, height: plot, fill: "rgba(9,105,218,.18)" });
      chart.appendChild(brush);
      var start = null;
      var local = function (event) {
        return Math.max(0, Math.min(width, event.clientX - chart.getBoundingClientRect().left));
      };
      chart.addEventListener("pointerdown", function (event) {
        start = local(event);
        chart.setPointerCapture(event.pointerId);
      });
      chart.addEventListener("pointermove", function (event) {
        if (start === null) return;
        var x = local(event);
        brush.setAttribute("x", Math.min(start, x));
        brush.setAttribute("width", Math.abs(x - start));
      });
      chart.addEventListener("pointerup", function (event) {
        if (start === null) return;
        var x = local(event), a0 = Math.min(start, x), a1 = Math.max(start, x);
        start = null;
        if (a1 - a0 < 3) onBrush("", "");
        else onBrush(dayAt(a0), dayAt(a1 - 0.001));
      });
    }
    box.appendChild(chart);
    return box;
  }
  api.stripFor = stripFor;

  var allRows = null;
  var stripBox = document.getElementById("kg-strip-chart");
  function drawStrip() {
    if (allRows === null) {
      allRows = [];
      allegations.forEach(function (n) { allRows = allRows.concat(timeline(n)); });
    }
    clear(stripBox);
    document.getElementById("kg-strip").hidden = !allRows.length;
    var width = Math.max(200, (stripBox.clientWidth || 600) - 2);
    stripBox.appendChild(stripFor(allRows, width, 54, setDates));
    var dated = allRows.filter(function (r) { return r.published; }).length;
    document.getElementById("kg-strip-info").textContent = plural(dated, "dated stance event") +
      (state.from || state.to ? " \u00b7 showing " + (state.from || "\u2026") + " to " +
        (state.to || "\u2026") : dated ? " \u00b7 drag to pick dates" : "");
  }
  document.getElementById("kg-strip-legend").appendChild((function () {
    var legend = el("span");
    TIMELINE_ROLES.forEach(function (r) {
      var key = el("span", "kg-key");
      key.appendChild(svg("svg", { width: 10, height: 10, "aria-hidden": "true" }))
        .appendChild(svg("rect", { width: 10, height: 10, fill: ROLE_COLORS[r] }));
      key.appendChild(document.createTextNode(" " + STANCES[r]));
      legend.appendChild(key);
    });
    return legend;
  })());

  // ------------------------------------------------------------------ search
  // Names and aliases of every node, allegation claims, and every sentence of evidence
  // and statements; the index is built at the first search.
  var names = null, lowSentences = null, usedBy = null;
  function searchIndex() {
    if (names) return;
    names = data.nodes.map(function (n) {
      var list = [n.name, n.key].concat(n.aliases);
      if (n.text) list.push(n.text);
      return list.map(function (s) { return s.toLowerCase(); });
    });
    lowSentences = sentences.map(function (s) { return s.toLowerCase(); });
    usedBy = new Map(); // sentence -> the nodes, edges and statements it is evidence of
    function use(s, item) {
      var list = usedBy.get(s);
      if (!list) usedBy.set(s, list = []);
      if (list.length < 6 && list.indexOf(item) < 0) list.push(item);
    }
    data.nodes.forEach(function (n) { n.ev.forEach(function (ev) { use(ev[1], { node: n }); }); });
    data.edges.forEach(function (e) { e.ev.forEach(function (ev) { use(ev[1], { edge: e }); }); });
    statements.forEach(function (st) { use(st[5], { statement: st }); });
  }

  function rank(list, q) {
    var best = 3;
    list.forEach(function (name) {
      var r = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) >= 0 ? 2 : 3;
      if (r < best) best = r;
    });
    return best;
  }

  function searchAll(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) return null;
    searchIndex();
    var hits = [];
    data.nodes.forEach(function (n, i) {
      var r = rank(names[i], q);
      if (r < 3) hits.push([r, -n.mentions, n.key, n]);
    });
    hits.sort(function (a, b) {
      return (a[0] - b[0]) || (a[1] - b[1]) || (a[2] < b[2] ? -1 : 1);
    });
    var found = [];
    lowSentences.forEach(function (s, i) { if (s.indexOf(q) >= 0) found.push(i); });
    var nodesHit = hits.map(function (h) { return h[3]; });
    return {
      entities: nodesHit.filter(function (n) { return n.type !== "Allegation"; }),
      allegations: nodesHit.filter(function (n) { return n.type === "Allegation"; }),
      sentences: found,
      best: nodesHit.length ? nodesHit[0] : null,
    };
  }

  function sentenceHit(s) {
    var li = el("li", "kg-ev");
    li.appendChild(el("span", "kg-quote", "\u201c" + sentences[s] + "\u201d"));
    var uses = el("div", "kg-uses");
    (usedBy.get(s) || []).forEach(function (u) {
      if (u.node) {
        uses.appendChild(el("span", "kg-hint", u.node.type === "Allegation" ? "allegation " :
          "mention of "));
        uses.appendChild(nodeLink(u.node));
      } else if (u.edge) {
        uses.appendChild(el("span", "kg-hint", "link "));
        uses.appendChild(edgeLink(u.edge, nodeById.get(u.edge.from).name + " \u2013" +
          u.edge.label + "\u2192 " + nodeById.get(u.edge.to).name));
      } else {
        var st = u.statement;
        uses.appendChild(el("span", "kg-hint", "statement by "));
        if (st[1] >= 0) uses.appendChild(nodeLink(data.nodes[st[1]]));
        else uses.appendChild(el("span", "kg-hint", st[4] ? "anonymous" : "unnamed"));
      }
      uses.appendChild(document.createTextNode(" "));
    });
    li.appendChild(uses);
    return li;
  }

  var resultsBody = document.getElementById("kg-results-body");
  function showResults(query, res) {
    clear(resultsBody);
    resultsBody.appendChild(el("p", "kg-hint", "\u201c" + String(query).trim() + "\u201d: " +
      plural(res.entities.length, "name") + ", " + plural(res.allegations.length, "claim") +
      ", " + plural(res.sentences.length, "sentence")));
    function nodeItem(n) {
      var li = el("li");
      li.appendChild(nodeLink(n));
      li.appendChild(el("span", "kg-hint", " " + n.type + (n.status ? " \u00b7 " + n.status : "") +
        " \u00b7 " + plural(n.docs.length, "doc")));
      return li;
    }
    if (res.allegations.length) {
      resultsBody.appendChild(section("Allegations", res.allegations.length,
        paged(res.allegations, nodeItem, PAGE)));
    }
    if (res.entities.length) {
      resultsBody.appendChild(section("Names", res.entities.length,
        paged(res.entities, nodeItem, PAGE)));
    }
    if (res.sentences.length) {
      resultsBody.appendChild(section("Sentences", res.sentences.length,
        paged(res.sentences, sentenceHit, PAGE)));
    }
    document.getElementById("kg-tab-results").textContent = "Search (" +
      (res.entities.length + res.allegations.length + res.sentences.length).toLocaleString("en-US") +
      ")";
  }

  var searchInput = document.getElementById("kg-search-input");
  var searchStatus = document.getElementById("kg-search-status");

  function search(query) {
    var res = searchAll(query);
    if (res === null || (!res.best && !res.sentences.length)) {
      searchStatus.textContent = String(query).trim() ? "No match" : "";
      searchStatus.className = "kg-miss";
      if (res) showResults(query, res);
      network.unselectAll();
      return null;
    }
    showResults(query, res);
    searchStatus.className = "";
    if (!res.best) {
      searchStatus.textContent = plural(res.sentences.length, "sentence");
      showTab("results");
      return null;
    }
    var wasHidden = selectNode(res.best.id, true);
    searchStatus.textContent = "Found: " + res.best.label + (wasHidden ? " (filters reset)" : "") +
      (res.sentences.length ? " \u00b7 " + plural(res.sentences.length, "sentence") : "");
    return res.best.key;
  }
  api.search = search;
  api.find = function (query) {
    var res = searchAll(query);
    return res && res.best ? res.best.key : null;
  };
  api.results = function (query) {
    var res = searchAll(query);
    if (!res) return null;
    var keys = function (list) { return list.map(function (n) { return n.key; }); };
    return { entities: keys(res.entities), allegations: keys(res.allegations),
      sentences: res.sentences.map(function (s) { return sentences[s]; }) };
  };
  api.selectedKeys = function () {
    return network.getSelectedNodes().map(function (id) { return nodeById.get(id).key; });
  };

  var datalist = document.getElementById("kg-names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    if (seen.has(n.name) || seen.size >= 5000) return;
    seen.add(n.name);
    var option = el("option");
    option.value = n.name;
    datalist.appendChild(option);
  });

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

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawStrip, 150);
  });

  updateCounts();
  renderList();
  drawStrip();
  showTab(allegations.length ? "list" : "details");
  hint();
  api.ready = true;
  api.timings.ready = performance.now();
})();
