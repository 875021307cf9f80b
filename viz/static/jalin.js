/* Jalin graph page script.
 *
 * Reads the graph from the JSON block #jalin-data and draws it with vis-network. Every piece of
 * corpus text reaches the page through textContent / createTextNode (never innerHTML). vis-network
 * only gets what it draws (ids, labels, shapes, sizes, colours, positions); tooltips, the side
 * panel, search suggestions and evidence are DOM elements built on demand from the JSON data.
 * The page object is exposed as window.jalin for tests and for curious users.
 */
(function () {
  "use strict";

  var mark = function (name) { if (window.performance && performance.mark) { performance.mark(name); } };
  mark("jalin:start");
  var data = JSON.parse(document.getElementById("jalin-data").textContent);
  mark("jalin:parsed");
  var TYPE_NAMES = {};
  data.legend.types.forEach(function (t) { TYPE_NAMES[t.type] = t.name; });
  var BIG = data.nodes.length > 1000;   /* above this: no animation, cheaper redraws */

  var jalin = {
    data: data,
    ready: false,
    readyAt: null,
    network: null,
    nodes: null,
    edges: null,
    hiddenTypes: {},
    filters: { minWeight: 0, minNpmi: null, dateFrom: null, dateTo: null },
    emphasis: null,
    selectNode: selectNode,
    selectEdge: selectEdge,
    focusNode: focusNode,
    clearFocus: clearFocus,
    setTypeVisible: setTypeVisible,
    setMinWeight: setMinWeight,
    setMinNpmi: setMinNpmi,
    setDateRange: setDateRange,
    visibleNodeIds: visibleNodeIds,
    visibleEdgeIds: visibleEdgeIds,
    dimmedNodeIds: dimmedNodeIds,
    suggest: suggest,
    resolveName: resolveName,
    strongestPath: strongestPath,
    showPath: showPath
  };
  window.jalin = jalin;

  var panel = document.getElementById("jalin-panel");
  var MAX_START_SCALE = 1.2;  /* small graphs: do not blow a handful of nodes up to full screen */
  var nodeById = data.nodes;  /* ids are 0..n-1, in order */
  var edgeById = data.edges;
  var adjacency = [];
  data.nodes.forEach(function (n) { adjacency[n.id] = []; });
  data.edges.forEach(function (e) {
    adjacency[e.from].push(e);
    if (e.to !== e.from) { adjacency[e.to].push(e); }
  });

  function markReady() {
    var loading = document.getElementById("jalin-loading");
    if (loading) { loading.hidden = true; }
    jalin.ready = true;
    jalin.readyAt = Math.round(performance.now());
    mark("jalin:ready");
    document.body.dataset.ready = "true";
  }

  if (!data.nodes.length) {
    markReady();
    return;
  }

  /* ------------------------------------------------------------------ small DOM helpers */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function truncate(text, max) {
    return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text;
  }

  function swatch(shape, color) {
    var s = el("span", "swatch " + shape);
    s.style.background = color;
    return s;
  }

  function linkButton(text, onClick, title) {
    var b = el("button", "jalin-link-button", text);
    b.type = "button";
    if (title) { b.title = title; }
    b.addEventListener("click", onClick);
    return b;
  }

  function safeUrl(url) {
    if (!url) { return null; }
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  function typeName(type) { return TYPE_NAMES[type] || type; }

  function otherEnd(edge, id) { return nodeById[edge.from === id ? edge.to : edge.from]; }

  function fold(text) { return String(text).trim().replace(/\s+/g, " ").toLowerCase(); }

  /* ------------------------------------------------------------------ tooltips (own, lazy) */

  function nodeTooltip(n) {
    var tip = el("div", "jalin-tip");
    tip.appendChild(el("b", null, n.label));
    tip.appendChild(el("div", "tip-line", typeName(n.type) +
      (n.community !== null && data.colorBy === "community" ? " · community " + n.community : "")));
    if (n.aliases.length) {
      tip.appendChild(el("div", null, "Also: " + truncate(n.aliases.join(", "), 160)));
    }
    if (n.roles.length) {
      tip.appendChild(el("div", null, "Roles: " + truncate(n.roles.join(", "), 160)));
    }
    var counts = [];
    if (n.mentions !== null) { counts.push(plural(n.mentions, "mention", "mentions")); }
    if (n.docs !== null) { counts.push(plural(n.docs, "document", "documents")); }
    counts.push(plural(n.degree, "link", "links"));
    tip.appendChild(el("div", "tip-line", counts.join(" · ")));
    return tip;
  }

  function edgeTooltip(e) {
    var tip = el("div", "jalin-tip");
    tip.appendChild(el("b", null, nodeById[e.from].label + " — " + nodeById[e.to].label));
    var counts = [plural(e.weight, "co-occurrence", "co-occurrences")];
    if (e.docs !== null) { counts.push(plural(e.docs, "document", "documents")); }
    tip.appendChild(el("div", "tip-line", counts.join(" · ")));
    e.evidence.slice(0, 2).forEach(function (ev) {
      tip.appendChild(el("div", "tip-quote", "“" + truncate(ev.text, 220) + "”"));
    });
    if (e.evidence.length > 2) {
      tip.appendChild(el("div", "tip-line", "Click to read all " + e.evidence.length +
        " sentences"));
    }
    return tip;
  }

  var tooltip = document.getElementById("jalin-tooltip");
  var tooltipTimer = null;

  function showTooltip(content, pointer) {
    clearTimeout(tooltipTimer);
    tooltipTimer = setTimeout(function () {
      while (tooltip.firstChild) { tooltip.removeChild(tooltip.firstChild); }
      tooltip.appendChild(content);
      tooltip.hidden = false;
      var stage = tooltip.parentNode.getBoundingClientRect();
      var x = Math.min(pointer.x + 14, stage.width - tooltip.offsetWidth - 8);
      var y = pointer.y + 16;
      if (y + tooltip.offsetHeight > stage.height - 8) { y = pointer.y - tooltip.offsetHeight - 10; }
      tooltip.style.left = Math.max(4, x) + "px";
      tooltip.style.top = Math.max(4, y) + "px";
    }, 120);
  }

  function hideTooltip() {
    clearTimeout(tooltipTimer);
    tooltip.hidden = true;
  }

  /* ------------------------------------------------------------------ side panel */

  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    delete panel.dataset.kind;
    delete panel.dataset.id;
  }

  /* Empty the side panel and mark what it now shows (tests read these data attributes). */
  function openPanel(kind, id) {
    clearPanel();
    panel.dataset.kind = kind;
    if (id !== undefined) { panel.dataset.id = String(id); }
  }

  function showIntro() {
    clearPanel();
    var intro = el("div", "jalin-panel-intro");
    intro.appendChild(el("p", null, "Select a name or a line in the graph to see the details here."));
    panel.appendChild(intro);
  }

  function addRow(dl, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }

  function docTitle(docId) {
    var doc = data.documents[docId];
    return doc && doc.title ? doc.title : "Document " + docId;
  }

  function docItem(docId) {
    var li = el("li");
    var doc = data.documents[docId];
    var titleBox = el("div", "doc-title");
    var title = docTitle(docId);
    var url = doc ? safeUrl(doc.url) : null;
    if (url) {
      var a = el("a", null, title);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      titleBox.appendChild(a);
    } else {
      titleBox.textContent = title;
    }
    li.appendChild(titleBox);
    var meta = doc ? [doc.source, doc.date].filter(Boolean).join(" · ") : "";
    if (meta) { li.appendChild(el("div", "jalin-meta", meta)); }
    return li;
  }

  function sourceLine(docId) {
    var doc = data.documents[docId];
    if (!doc) { return docId ? el("div", "jalin-meta", "Document " + docId) : null; }
    var meta = el("div", "jalin-meta");
    var url = safeUrl(doc.url);
    var title = docTitle(docId);
    if (url) {
      var link = el("a", null, title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      meta.appendChild(link);
    } else {
      meta.appendChild(document.createTextNode(title));
    }
    var rest = [doc.source, doc.date].filter(Boolean).join(" · ");
    if (rest) { meta.appendChild(document.createTextNode(" · " + rest)); }
    return meta;
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) { return; }
    openPanel("node", id);
    var head = el("div", "jalin-panel-head");
    head.appendChild(el("h2", "jalin-name", n.label));
    var badge = el("span", "jalin-badge");
    badge.appendChild(swatch(n.shape, n.color));
    badge.appendChild(document.createTextNode(typeName(n.type)));
    head.appendChild(badge);
    if (n.community !== null) {
      head.appendChild(el("span", "jalin-badge", "Community " + n.community));
    }
    panel.appendChild(head);

    var dl = el("dl");
    addRow(dl, "Also called", n.aliases.join(", "));
    addRow(dl, "Roles", n.roles.join(", "));
    addRow(dl, "Mentions", n.mentions);
    addRow(dl, "Documents", n.docs);
    addRow(dl, "Links", n.degree);
    var seen = n.first_seen && n.last_seen && n.first_seen !== n.last_seen
      ? n.first_seen + " – " + n.last_seen : (n.first_seen || n.last_seen);
    addRow(dl, "Seen", seen);
    panel.appendChild(dl);

    var links = adjacency[id].slice().sort(function (a, b) {
      return b.weight - a.weight || otherEnd(a, id).label.localeCompare(otherEnd(b, id).label);
    });
    if (links.length) {
      panel.appendChild(el("h3", null, "Strongest links"));
      var ul = el("ul", "jalin-links");
      links.slice(0, 15).forEach(function (e) {
        var other = otherEnd(e, id);
        var li = el("li");
        li.appendChild(swatch(other.shape, other.color));
        li.appendChild(linkButton(other.label, function () { selectEdge(e.id); },
          "Read the sentences linking both names"));
        li.appendChild(el("span", "weight", plural(e.weight, "time", "times")));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      if (links.length > 15) {
        panel.appendChild(el("p", "jalin-meta", "and " + (links.length - 15) + " more"));
      }
    }

    if (n.doc_ids.length) {
      panel.appendChild(el("h3", null, "Mentioned in"));
      var docs = el("ul", "jalin-docs");
      n.doc_ids.forEach(function (d) { docs.appendChild(docItem(d)); });
      panel.appendChild(docs);
      if (n.docs !== null && n.docs > n.doc_ids.length) {
        panel.appendChild(el("p", "jalin-meta", "First " + n.doc_ids.length + " of " + n.docs +
          " documents"));
      }
    }
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function highlightTerms(a, b) {
    var terms = [];
    [a, b].forEach(function (n) {
      [n.label].concat(n.aliases).forEach(function (t) {
        if (t && t.trim().length > 1) { terms.push(t.trim()); }
      });
    });
    terms.sort(function (x, y) { return y.length - x.length; });
    return terms;
  }

  /* Append `text` to `parent`, wrapping every whole-word occurrence of a term in a <mark>
     element. Matching ignores case, except for short terms ("Ma" is a name, "ma" is not). */
  function appendHighlighted(parent, text, terms) {
    if (!terms.length) { parent.appendChild(document.createTextNode(text)); return; }
    var re;
    try {
      re = new RegExp("(?<![\\p{L}\\p{N}])(" + terms.map(escapeRegExp).join("|") +
                      ")(?![\\p{L}\\p{N}])", "giu");
    } catch (err) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var last = 0;
    var match;
    while ((match = re.exec(text)) !== null) {
      if (match[0].length === 0) { re.lastIndex += 1; continue; }
      if (match[0].length <= 3 && terms.indexOf(match[0]) === -1) { continue; }
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      parent.appendChild(el("mark", null, match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }

  function evidenceItem(ev, terms) {
    var li = el("li");
    var quote = el("blockquote");
    appendHighlighted(quote, ev.text, terms);
    li.appendChild(quote);
    var meta = sourceLine(ev.doc_id);
    if (meta) { li.appendChild(meta); }
    return li;
  }

  function showEdge(id) {
    var e = edgeById[id];
    if (!e) { return; }
    openPanel("edge", id);
    var a = nodeById[e.from];
    var b = nodeById[e.to];
    var h2 = el("h2", "jalin-name");
    h2.appendChild(linkButton(a.label, function () { selectNode(a.id, true); }));
    h2.appendChild(document.createTextNode(" — "));
    h2.appendChild(linkButton(b.label, function () { selectNode(b.id, true); }));
    panel.appendChild(h2);

    var dl = el("dl");
    addRow(dl, "Together", plural(e.weight, "time", "times"));
    addRow(dl, "Documents", e.docs);
    addRow(dl, "Association", e.npmi === null ? null : "NPMI " + e.npmi.toFixed(2));
    panel.appendChild(dl);

    panel.appendChild(el("h3", null, "Evidence"));
    if (!e.evidence.length) {
      panel.appendChild(el("p", "jalin-note", "No sentences were stored for this link."));
      return;
    }
    var terms = highlightTerms(a, b);
    var ul = el("ul", "jalin-evidence");
    e.evidence.forEach(function (ev) { ul.appendChild(evidenceItem(ev, terms)); });
    panel.appendChild(ul);
  }

  /* ------------------------------------------------------------------ network */

  var container = document.getElementById("jalin-network");
  var DIM_VEIL = "rgba(255, 255, 255, 0.82)";

  function nodeColor(n) {
    return { background: n.color, border: "#ffffff",
             highlight: { background: n.color, border: "#1f2328" },
             hover: { background: n.color, border: "#1f2328" } };
  }

  /* one vis-network group per shape and colour: per-node style objects make vis-network's option
     parsing (the bulk of its start-up time at 10,000 nodes) about a fifth slower */
  var groups = {};
  var groupOf = {};
  data.nodes.forEach(function (n) {
    var key = n.shape + " " + n.color;
    if (groupOf[key] === undefined) {
      groupOf[key] = "g" + Object.keys(groups).length;
      groups[groupOf[key]] = { shape: n.shape, color: nodeColor(n) };
    }
  });
  data.options.groups = groups;
  var visNodes = data.nodes.map(function (n) {
    var item = { id: n.id, label: n.label, group: groupOf[n.shape + " " + n.color],
                 value: n.value };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  });
  var visEdges = data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, width: e.width };
  });
  jalin.nodes = new vis.DataSet(visNodes);
  jalin.edges = new vis.DataSet(visEdges);
  visNodes = visEdges = null;
  mark("jalin:datasets");

  var progressText = document.getElementById("jalin-progress");
  var progressBar = document.getElementById("jalin-progress-bar");

  /* Fit the graph into the part of the stage that the legend does not cover. */
  function fitView() {
    network.fit({ animation: false });
    var scale = Math.min(network.getScale(), MAX_START_SCALE);
    var legend = document.getElementById("jalin-legend");
    var width = container.clientWidth;
    var covered = legend ? legend.offsetWidth + 24 : 0;
    if (covered && covered < width / 2) {
      scale = Math.min(scale, network.getScale() * (width - covered) / width);
      var centre = network.getViewPosition();
      network.moveTo({ position: { x: centre.x - covered / 2 / scale, y: centre.y },
                       scale: scale });
    } else {
      network.moveTo({ scale: scale });
    }
  }

  var network = new vis.Network(container, { nodes: jalin.nodes, edges: jalin.edges },
    data.options);
  jalin.network = network;
  mark("jalin:network");

  function onReady() {
    markReady();
    if (data.focus !== null && data.focus !== undefined) { focusNode(data.focus, false); }
  }

  if (data.physics) {
    document.getElementById("jalin-loading").hidden = false;
    network.on("stabilizationProgress", function (p) {
      var pct = Math.round(100 * p.iterations / Math.max(1, p.total));
      progressText.textContent = pct + "%";
      progressBar.style.width = pct + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fitView();
      onReady();
    });
  } else {
    network.once("afterDrawing", onReady);
    fitView();
  }

  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) {
      var id = params.nodes[0];
      showNode(id);
      if (!jalin.emphasis || jalin.emphasis.kind !== "path") { emphasiseNeighbours(id); }
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      if (jalin.emphasis && jalin.emphasis.kind === "focus") { clearFocus(); }
      showIntro();
    }
  });
  network.on("hoverNode", function (p) { showTooltip(nodeTooltip(nodeById[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(edgeTooltip(edgeById[p.edge]), p.pointer.DOM); });
  network.on("afterDrawing", drawEmphasis);
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  function selectNode(id, focus) {
    if (!nodeById[id]) { return; }
    network.selectNodes([id], true);
    showNode(id);
    if (focus) { moveTo(id); }
  }

  function moveTo(id) {
    network.focus(id, { scale: Math.max(network.getScale(), BIG ? 0.6 : 1),
                        animation: BIG ? false
                          : { duration: 400, easingFunction: "easeInOutQuad" } });
  }

  function selectEdge(id) {
    if (!edgeById[id]) { return; }
    network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    showEdge(id);
  }

  /* ------------------------------------------------------------------ filters and emphasis */

  /* Every node and edge has one state: "n" normal, "d" dimmed, "h" hidden. applyView() recomputes
     it from the filters and the emphasis and sends vis-network only the items whose visibility
     changed (vis-network re-parses the options of every updated item: slow at 10,000 items).
     Dimming costs nothing per item: after vis-network has drawn the graph, a white veil covers
     it and the emphasised edges and nodes are drawn again on top (see drawEmphasis). */
  var nodeState = new Array(data.nodes.length).fill("n");
  var edgeState = new Array(data.edges.length).fill("n");
  var nodeDates = data.nodes.map(function (n) {
    return n.doc_ids.map(function (d) { return data.documents[d] && data.documents[d].date; })
      .filter(Boolean);
  });

  function nodePasses(n) {
    if (jalin.hiddenTypes[n.type]) { return false; }
    var f = jalin.filters;
    if (f.dateFrom === null && f.dateTo === null) { return true; }
    var from = f.dateFrom || "0000";
    var to = f.dateTo || "9999";
    var dates = nodeDates[n.id];
    if (dates.length) {
      for (var i = 0; i < dates.length; i += 1) {
        if (dates[i] >= from && dates[i] <= to) { return true; }
      }
      return false;
    }
    if (n.first_seen || n.last_seen) {
      return (n.last_seen || n.first_seen) >= from && (n.first_seen || n.last_seen) <= to;
    }
    return true;  /* undated entities are not filtered by date */
  }

  function edgePasses(e) {
    var f = jalin.filters;
    if (e.weight < f.minWeight) { return false; }
    if (f.minNpmi !== null && e.npmi !== null && e.npmi < f.minNpmi) { return false; }
    return true;
  }

  function applyView() {
    var emph = jalin.emphasis;
    var nodeUpdates = [];
    var edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var forced = emph && emph.kind === "path" && emph.nodes[n.id];
      var code = !(forced || nodePasses(n)) ? "h" : (emph && !emph.nodes[n.id]) ? "d" : "n";
      if ((code === "h") !== (nodeState[n.id] === "h")) {
        nodeUpdates.push({ id: n.id, hidden: code === "h" });
      }
      nodeState[n.id] = code;
    });
    data.edges.forEach(function (e) {
      var forced = emph && emph.kind === "path" && emph.edges[e.id];
      var ends = nodeState[e.from] !== "h" && nodeState[e.to] !== "h";
      var code = !(forced || (ends && edgePasses(e))) ? "h"
        : (emph && !emph.edges[e.id]) ? "d" : "n";
      if ((code === "h") !== (edgeState[e.id] === "h")) {
        edgeUpdates.push({ id: e.id, hidden: code === "h" });
      }
      edgeState[e.id] = code;
    });
    if (nodeUpdates.length) { jalin.nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { jalin.edges.update(edgeUpdates); }
    if (!nodeUpdates.length && !edgeUpdates.length) { network.redraw(); }
    updateClearButton();
  }

  /* afterDrawing: veil the graph, then draw the emphasised edges and nodes (with labels) again. */
  function drawEmphasis(ctx) {
    var emph = jalin.emphasis;
    if (!emph) { return; }
    var w = container.clientWidth;
    var h = container.clientHeight;
    var tl = network.DOMtoCanvas({ x: -10, y: -10 });
    var br = network.DOMtoCanvas({ x: w + 10, y: h + 10 });
    ctx.save();
    ctx.fillStyle = DIM_VEIL;
    ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
    ctx.restore();
    var body = network.body;
    emph.edgeList.forEach(function (id) {
      var edge = body.edges[id];
      if (edge && edge.connected && edgeState[id] !== "h") { edge.draw(ctx); }
    });
    var labels = [];
    emph.nodeList.forEach(function (id) {
      var node = body.nodes[id];
      if (node && nodeState[id] !== "h") {
        var drawn = node.draw(ctx);
        if (drawn && drawn.drawExternalLabel) { labels.push(drawn.drawExternalLabel); }
      }
    });
    labels.forEach(function (draw) { draw(); });
  }

  function setEmphasis(kind, nodes, edges, extra) {
    var emph = { kind: kind, nodes: nodes, edges: edges,
                 nodeList: Object.keys(nodes).map(Number), edgeList: Object.keys(edges).map(Number) };
    Object.keys(extra || {}).forEach(function (k) { emph[k] = extra[k]; });
    jalin.emphasis = emph;
    applyView();
  }

  function setTypeVisible(type, visible) {
    if (visible) { delete jalin.hiddenTypes[type]; } else { jalin.hiddenTypes[type] = true; }
    Array.prototype.forEach.call(document.querySelectorAll("input[data-type]"), function (box) {
      if (box.dataset.type === type) { box.checked = visible; }
    });
    applyView();
  }

  function setMinWeight(value) {
    jalin.filters.minWeight = Number(value) || 0;
    var slider = document.getElementById("jalin-weight");
    if (slider) {
      var i = weightSteps.findIndex(function (w) { return w >= jalin.filters.minWeight; });
      slider.value = String(i < 0 ? weightSteps.length - 1 : i);
      document.getElementById("jalin-weight-value").textContent = "≥ " +
        Math.max(1, jalin.filters.minWeight);
    }
    applyView();
  }

  function setMinNpmi(value) {
    jalin.filters.minNpmi = value === null || value === undefined || Number(value) <= -1
      ? null : Number(value);
    var slider = document.getElementById("jalin-npmi");
    if (slider) {
      slider.value = String(jalin.filters.minNpmi === null ? -1 : jalin.filters.minNpmi);
      document.getElementById("jalin-npmi-value").textContent =
        jalin.filters.minNpmi === null ? "any" : "≥ " + jalin.filters.minNpmi.toFixed(2);
    }
    applyView();
  }

  function setDateRange(from, to) {
    jalin.filters.dateFrom = from || null;
    jalin.filters.dateTo = to || null;
    var a = document.getElementById("jalin-date-from");
    var b = document.getElementById("jalin-date-to");
    if (a && b) {
      var i = from ? allDates.findIndex(function (d) { return d >= from; }) : 0;
      var j = to ? allDates.length - 1 - allDates.slice().reverse()
        .findIndex(function (d) { return d <= to; }) : allDates.length - 1;
      a.value = String(Math.max(0, i));
      b.value = String(Math.min(allDates.length - 1, j));
      document.getElementById("jalin-date-value").textContent =
        (from || allDates[0]) + " – " + (to || allDates[allDates.length - 1]);
    }
    applyView();
  }

  function visibleNodeIds() {
    return data.nodes.filter(function (n) { return nodeState[n.id] !== "h"; })
      .map(function (n) { return n.id; });
  }

  function visibleEdgeIds() {
    return data.edges.filter(function (e) { return edgeState[e.id] !== "h"; })
      .map(function (e) { return e.id; });
  }

  function dimmedNodeIds() {
    return data.nodes.filter(function (n) { return nodeState[n.id] === "d"; })
      .map(function (n) { return n.id; });
  }

  function emphasiseNeighbours(id) {
    var nodes = {};
    var edges = {};
    nodes[id] = true;
    adjacency[id].forEach(function (e) { edges[e.id] = true; nodes[e.from] = nodes[e.to] = true; });
    setEmphasis("focus", nodes, edges, { id: id });
  }

  /* Centre on a node, select it, highlight it and its neighbours and dim the rest. */
  function focusNode(id, move) {
    var n = nodeById[id];
    if (!n) { return; }
    if (jalin.hiddenTypes[n.type]) { setTypeVisible(n.type, true); }
    if (!nodePasses(n)) { setDateRange(null, null); }
    emphasiseNeighbours(id);
    selectNode(id, move !== false);
  }

  function clearFocus() {
    jalin.emphasis = null;
    applyView();
    network.unselectAll();
  }

  function updateClearButton() {
    var b = document.getElementById("jalin-clear");
    if (b) { b.disabled = !jalin.emphasis; }
  }

  /* ------------------------------------------------------------------ legend and filters UI */

  var weightSteps = [];
  var allDates = [];
  /* big graphs filter when the slider is released, small ones while it moves */
  var SLIDE = BIG ? "change" : "input";

  function sliderRow(parent, id, labelText) {
    var box = el("div", "jalin-filter");
    var label = el("label", null, labelText);
    label.htmlFor = id;
    var value = el("span", "count");
    value.id = id + "-value";
    var head = el("div", "jalin-filter-head");
    head.appendChild(label);
    head.appendChild(value);
    box.appendChild(head);
    parent.appendChild(box);
    return { box: box, value: value };
  }

  function rangeInput(id, max, value, step) {
    var input = el("input");
    input.type = "range";
    input.id = id;
    input.min = "0";
    input.max = String(max);
    input.step = step || "1";
    input.value = String(value);
    return input;
  }

  function buildLegend() {
    var legend = document.getElementById("jalin-legend");
    legend.appendChild(el("h2", null, "Show"));
    data.legend.types.forEach(function (t) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.type = t.type;
      box.addEventListener("change", function () { setTypeVisible(t.type, box.checked); });
      label.appendChild(box);
      label.appendChild(swatch(t.shape, t.color));
      label.appendChild(el("span", null, t.name));
      label.appendChild(el("span", "count", t.count));
      legend.appendChild(label);
    });

    var weights = {};
    data.edges.forEach(function (e) { weights[e.weight] = true; });
    weightSteps = Object.keys(weights).map(Number).sort(function (a, b) { return a - b; });
    if (weightSteps.length > 1) {
      var row = sliderRow(legend, "jalin-weight", "Links named");
      var slider = rangeInput("jalin-weight", weightSteps.length - 1, 0);
      row.value.textContent = "≥ " + weightSteps[0];
      slider.addEventListener(SLIDE, function () {
        setMinWeight(weightSteps[Number(slider.value)]);
      });
      row.box.appendChild(slider);
    }

    if (data.edges.some(function (e) { return e.npmi !== null; })) {
      var nrow = sliderRow(legend, "jalin-npmi", "Association");
      var nslider = rangeInput("jalin-npmi", 1, -1, "0.05");
      nslider.min = "-1";
      nrow.value.textContent = "any";
      nrow.box.title = "NPMI: -1 (never together) … 0 (independent) … 1 (always together)";
      nslider.addEventListener(SLIDE, function () { setMinNpmi(Number(nslider.value)); });
      nrow.box.appendChild(nslider);
    }

    var dates = {};
    Object.keys(data.documents).forEach(function (d) {
      if (data.documents[d].date) { dates[data.documents[d].date] = true; }
    });
    allDates = Object.keys(dates).sort();
    if (allDates.length > 1) {
      var drow = sliderRow(legend, "jalin-date-from", "Mentioned");
      drow.value.id = "jalin-date-value";
      drow.value.textContent = allDates[0] + " – " + allDates[allDates.length - 1];
      var from = rangeInput("jalin-date-from", allDates.length - 1, 0);
      var to = rangeInput("jalin-date-to", allDates.length - 1, allDates.length - 1);
      from.setAttribute("aria-label", "From date");
      to.setAttribute("aria-label", "To date");
      var onDate = function () {
        var i = Number(from.value);
        var j = Number(to.value);
        if (i > j) { if (this === from) { to.value = String(i); j = i; } else { from.value = String(j); i = j; } }
        setDateRange(i === 0 ? null : allDates[i], j === allDates.length - 1 ? null : allDates[j]);
        drow.value.textContent = allDates[i] + " – " + allDates[j];
      };
      from.addEventListener(SLIDE, onDate);
      to.addEventListener(SLIDE, onDate);
      drow.box.appendChild(from);
      drow.box.appendChild(to);
    }

    if (data.colorBy === "community" && data.legend.communities.length) {
      var cbox = el("div", "communities");
      cbox.appendChild(el("h2", null, "Colour = community"));
      data.legend.communities.forEach(function (c) {
        var crow = el("div", "community");
        crow.appendChild(swatch("dot", c.color));
        crow.appendChild(el("span", null, "Community " + c.community));
        crow.appendChild(el("span", "count", c.count));
        cbox.appendChild(crow);
      });
      if (data.legend.moreCommunities) {
        cbox.appendChild(el("div", "more", "+" + data.legend.moreCommunities +
          " smaller (colours repeat)"));
      }
      legend.appendChild(cbox);
    }
  }

  /* ------------------------------------------------------------------ search */

  /* One entry per label and per alias; suggestions rank exact, prefix, word-prefix, then
     substring matches, bigger nodes first. */
  var names = [];
  data.nodes.forEach(function (n) {
    names.push({ key: fold(n.label), text: n.label, id: n.id, alias: false });
    n.aliases.forEach(function (a) {
      names.push({ key: fold(a), text: a, id: n.id, alias: true });
    });
  });

  function suggest(query, limit) {
    var q = fold(query || "");
    if (!q) { return []; }
    limit = limit || 10;
    var buckets = [[], [], [], []];
    names.forEach(function (entry) {
      var i = entry.key.indexOf(q);
      if (i < 0) { return; }
      var rank = entry.key === q ? 0 : i === 0 ? 1 : /[\s\-(]/.test(entry.key.charAt(i - 1)) ? 2 : 3;
      buckets[rank].push(entry);
    });
    var out = [];
    var seen = {};
    buckets.forEach(function (bucket) {
      bucket.sort(function (a, b) {
        return (a.alias - b.alias) || (nodeById[b.id].value - nodeById[a.id].value) ||
          a.text.localeCompare(b.text);
      });
      bucket.forEach(function (entry) {
        if (out.length < limit && !seen[entry.id]) { seen[entry.id] = true; out.push(entry); }
      });
    });
    return out;
  }

  /* A typed name -> node id: exact label, then exact alias, then the best suggestion. */
  function resolveName(text) {
    var hits = suggest(text, 1);
    return hits.length ? hits[0].id : null;
  }

  function combo(input, list, onPick) {
    var items = [];
    var active = -1;
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      active = -1;
    }
    function render() {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      items = suggest(input.value, 10);
      items.forEach(function (entry, i) {
        var n = nodeById[entry.id];
        var li = el("li");
        li.setAttribute("role", "option");
        li.id = list.id + "-" + i;
        li.appendChild(swatch(n.shape, n.color));
        li.appendChild(el("span", "name", entry.text));
        if (entry.alias) { li.appendChild(el("span", "alias", "→ " + n.label)); }
        li.appendChild(el("span", "type", typeName(n.type)));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      list.hidden = !items.length;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }
    function highlight(i) {
      Array.prototype.forEach.call(list.children, function (li, k) {
        li.classList.toggle("active", k === i);
        li.setAttribute("aria-selected", k === i ? "true" : "false");
      });
      active = i;
      if (i >= 0) { input.setAttribute("aria-activedescendant", list.id + "-" + i); }
    }
    function pick(i) {
      var entry = items[i];
      if (!entry) { return; }
      input.value = nodeById[entry.id].label;
      input.dataset.id = String(entry.id);
      close();
      onPick(entry.id);
    }
    input.addEventListener("input", function () { delete input.dataset.id; render(); });
    input.addEventListener("focus", function () { if (input.value) { render(); } });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" && items.length) {
        ev.preventDefault(); highlight((active + 1) % items.length);
      } else if (ev.key === "ArrowUp" && items.length) {
        ev.preventDefault(); highlight((active - 1 + items.length) % items.length);
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        if (!items.length) { items = suggest(input.value, 10); }
        pick(active >= 0 ? active : 0);
      } else if (ev.key === "Escape") {
        close();
      }
    });
  }

  function currentId(input) {
    if (input.dataset.id !== undefined && nodeById[Number(input.dataset.id)] &&
        fold(nodeById[Number(input.dataset.id)].label) === fold(input.value)) {
      return Number(input.dataset.id);
    }
    return resolveName(input.value);
  }

  /* ------------------------------------------------------------------ path finder */

  /* The strongest short path, as graph/paths.py defines it: cost of an edge = 1 / weight + 0.1;
     d = fewest hops from a to b; among paths of at most d + SLACK hops, least total cost; ties:
     fewer hops, then the first path found visiting nodes in id order and each node's edges in
     edge order. Layered relaxation over the nodes that can lie on such a path. */
  var SLACK = 1;
  var HOP_COST = 0.1;
  var costAdj = null;

  function buildCostAdj() {
    costAdj = data.nodes.map(function () { return []; });
    data.edges.forEach(function (e) {
      if (e.from === e.to) { return; }
      var c = 1 / e.weight + HOP_COST;
      costAdj[e.from].push(e.to, c);
      costAdj[e.to].push(e.from, c);
    });
  }

  function bfs(source, limit) {
    var dist = new Int32Array(data.nodes.length).fill(-1);
    dist[source] = 0;
    var queue = [source];
    for (var head = 0; head < queue.length; head += 1) {
      var u = queue[head];
      if (limit !== undefined && dist[u] >= limit) { continue; }
      var adj = costAdj[u];
      for (var i = 0; i < adj.length; i += 2) {
        if (dist[adj[i]] < 0) { dist[adj[i]] = dist[u] + 1; queue.push(adj[i]); }
      }
    }
    return dist;
  }

  function strongestPath(a, b) {
    if (!nodeById[a] || !nodeById[b]) { return null; }
    if (a === b) { return [a]; }
    if (!costAdj) { buildCostAdj(); }
    var fromA = bfs(a);
    if (fromA[b] < 0) { return null; }
    var limit = fromA[b] + SLACK;
    var fromB = bfs(b, limit);
    var order = [];
    for (var n = 0; n < data.nodes.length; n += 1) {
      if (fromA[n] >= 0 && fromB[n] >= 0 && fromA[n] + fromB[n] <= limit) { order.push(n); }
    }
    var best = [new Map([[a, 0]])];
    var back = [new Map()];
    for (var k = 1; k <= limit; k += 1) {
      var prev = best[k - 1];
      var cur = new Map();
      var via = new Map();
      for (var o = 0; o < order.length; o += 1) {
        var u = order[o];
        if (!prev.has(u)) { continue; }
        var cu = prev.get(u);
        var adj = costAdj[u];
        for (var i = 0; i < adj.length; i += 2) {
          var v = adj[i];
          if (fromB[v] < 0 || k + fromB[v] > limit) { continue; }
          var total = cu + adj[i + 1];
          if (!cur.has(v) || total < cur.get(v)) { cur.set(v, total); via.set(v, u); }
        }
      }
      best.push(cur);
      back.push(via);
    }
    var hops = -1;
    for (var h = 1; h <= limit; h += 1) {
      if (best[h].has(b) && (hops < 0 || best[h].get(b) < best[hops].get(b))) { hops = h; }
    }
    var path = [b];
    var node = b;
    for (var s = hops; s > 0; s -= 1) { node = back[s].get(node); path.push(node); }
    return path.reverse();
  }

  function edgeBetween(u, v) {
    var list = adjacency[u];
    var found = null;
    for (var i = 0; i < list.length; i += 1) {
      var e = list[i];
      if ((e.from === u && e.to === v) || (e.from === v && e.to === u)) {
        if (!found || e.weight > found.weight) { found = e; }
      }
    }
    return found;
  }

  function showPathMessage(text) {
    openPanel("path");
    panel.appendChild(el("h2", "jalin-name", "Path"));
    panel.appendChild(el("p", "jalin-note", text));
  }

  /* Highlight the strongest short path between two node ids and explain it hop by hop. */
  function showPath(a, b) {
    hideTooltip();
    if (a === null || a === undefined || b === null || b === undefined ||
        !nodeById[a] || !nodeById[b]) {
      showPathMessage("Pick two names from the suggestions.");
      return null;
    }
    var path = strongestPath(a, b);
    if (!path) {
      showPathMessage("No path links " + nodeById[a].label + " and " + nodeById[b].label +
        ": they are in different parts of the graph.");
      return null;
    }
    var nodes = {};
    var edges = {};
    var hops = [];
    path.forEach(function (id, i) {
      nodes[id] = true;
      if (i) {
        var e = edgeBetween(path[i - 1], id);
        edges[e.id] = true;
        hops.push(e);
      }
    });
    setEmphasis("path", nodes, edges, { path: path });
    network.setSelection({ nodes: path, edges: Object.keys(edges).map(Number) },
                         { unselectAll: true, highlightEdges: false });
    network.fit({ nodes: path, animation: BIG ? false : { duration: 400 } });
    if (network.getScale() > MAX_START_SCALE) { network.moveTo({ scale: MAX_START_SCALE }); }

    openPanel("path");
    var h2 = el("h2", "jalin-name jalin-chain");
    path.forEach(function (id, i) {
      if (i) { h2.appendChild(el("span", "arrow", " → ")); }
      h2.appendChild(linkButton(nodeById[id].label, function () { selectNode(id, true); }));
    });
    panel.appendChild(h2);
    panel.appendChild(el("p", "jalin-meta", plural(hops.length, "link", "links") +
      " · the strongest short path: fewest hops, or one more when its links are " +
      "named much more often"));
    var direct = path.length > 2 ? edgeBetween(a, b) : null;
    if (direct) {
      var note = el("p", "jalin-note");
      note.appendChild(document.createTextNode("Also linked directly (" +
        plural(direct.weight, "time", "times") + "): "));
      note.appendChild(linkButton("read", function () { selectEdge(direct.id); }));
      panel.appendChild(note);
    }
    var ol = el("ol", "jalin-hops");
    hops.forEach(function (e, i) {
      var u = nodeById[path[i]];
      var v = nodeById[path[i + 1]];
      var li = el("li");
      var head = el("div", "hop-head");
      head.appendChild(el("b", null, u.label + " — " + v.label));
      head.appendChild(el("span", "weight", plural(e.weight, "time", "times")));
      li.appendChild(head);
      if (e.evidence.length) {
        var ul = el("ul", "jalin-evidence");
        ul.appendChild(evidenceItem(e.evidence[0], highlightTerms(u, v)));
        li.appendChild(ul);
      } else {
        li.appendChild(el("p", "jalin-note", "No sentence was stored for this link."));
      }
      if (e.evidence.length > 1) {
        li.appendChild(linkButton("All " + e.evidence.length + " sentences",
          function () { selectEdge(e.id); }));
      }
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    return path;
  }

  /* ------------------------------------------------------------------ wiring */

  function buildTools() {
    var search = document.getElementById("jalin-search-input");
    combo(search, document.getElementById("jalin-search-list"), function (id) {
      focusNode(id, true);
    });
    var from = document.getElementById("jalin-path-from");
    var to = document.getElementById("jalin-path-to");
    var go = function () { showPath(currentId(from), currentId(to)); };
    combo(from, document.getElementById("jalin-path-from-list"), function () {
      if (to.value) { go(); } else { to.focus(); }
    });
    combo(to, document.getElementById("jalin-path-to-list"), function () {
      if (from.value) { go(); }
    });
    document.getElementById("jalin-path-go").addEventListener("click", go);
    document.getElementById("jalin-clear").addEventListener("click", function () {
      clearFocus();
      showIntro();
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" &&
          !(ev.target instanceof HTMLInputElement && ev.target.type === "search")) {
        clearFocus();
        showIntro();
      }
    });
    updateClearButton();
  }

  buildLegend();
  buildTools();
  if (!data.physics) { fitView(); }  /* again, now that the legend has its size */
}());
