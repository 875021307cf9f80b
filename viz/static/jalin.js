/* Jalin graph page script.
 *
 * Reads the graph from the JSON block #jalin-data and draws it with vis-network. Every piece of
 * corpus text reaches the page through textContent / createTextNode (never innerHTML), and
 * tooltips are DOM elements handed to vis-network as `title` (a string title would be shown as
 * plain text). The page object is exposed as window.jalin for tests and for curious users.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("jalin-data").textContent);
  var TYPE_NAMES = {};
  data.legend.types.forEach(function (t) { TYPE_NAMES[t.type] = t.name; });

  var jalin = {
    data: data,
    ready: false,
    network: null,
    nodes: null,
    edges: null,
    hiddenTypes: {},
    selectNode: selectNode,
    selectEdge: selectEdge,
    setTypeVisible: setTypeVisible,
    visibleNodeIds: visibleNodeIds
  };
  window.jalin = jalin;

  var panel = document.getElementById("jalin-panel");
  var MAX_START_SCALE = 1.2;  /* small graphs: do not blow a handful of nodes up to full screen */
  var nodeById = {};
  var edgeById = {};
  var adjacency = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; adjacency[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    adjacency[e.from].push(e);
    if (e.to !== e.from) { adjacency[e.to].push(e); }
  });

  if (!data.nodes.length) {
    jalin.ready = true;
    document.body.dataset.ready = "true";
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

  /* ------------------------------------------------------------------ tooltips */

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

  /* ------------------------------------------------------------------ side panel */

  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
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

  function docItem(docId) {
    var li = el("li");
    var doc = data.documents[docId];
    var titleBox = el("div", "doc-title");
    var title = doc && doc.title ? doc.title : "Document " + docId;
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

  function showNode(id) {
    var n = nodeById[id];
    if (!n) { return; }
    clearPanel();
    panel.dataset.kind = "node";
    panel.dataset.id = String(id);
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
        li.appendChild(linkButton(other.label, function () { selectEdge(e.id, true); },
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

  function highlightTerms(edge) {
    var terms = [];
    [nodeById[edge.from], nodeById[edge.to]].forEach(function (n) {
      [n.label].concat(n.aliases).forEach(function (t) {
        if (t && t.trim().length > 1) { terms.push(t.trim()); }
      });
    });
    terms.sort(function (a, b) { return b.length - a.length; });
    return terms;
  }

  /* Append `text` to `parent`, wrapping every occurrence of a term in a <mark> element. */
  function appendHighlighted(parent, text, terms) {
    if (!terms.length) { parent.appendChild(document.createTextNode(text)); return; }
    var re;
    try {
      re = new RegExp("(" + terms.map(escapeRegExp).join("|") + ")", "giu");
    } catch (err) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var last = 0;
    var match;
    while ((match = re.exec(text)) !== null) {
      if (match[0].length === 0) { re.lastIndex += 1; continue; }
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      parent.appendChild(el("mark", null, match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }

  function showEdge(id) {
    var e = edgeById[id];
    if (!e) { return; }
    clearPanel();
    panel.dataset.kind = "edge";
    panel.dataset.id = String(id);
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
    var terms = highlightTerms(e);
    var ul = el("ul", "jalin-evidence");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      var quote = el("blockquote");
      appendHighlighted(quote, ev.text, terms);
      li.appendChild(quote);
      var doc = data.documents[ev.doc_id];
      if (doc) {
        var meta = el("div", "jalin-meta");
        var url = safeUrl(doc.url);
        var title = doc.title || "Document " + ev.doc_id;
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
        li.appendChild(meta);
      } else if (ev.doc_id) {
        li.appendChild(el("div", "jalin-meta", "Document " + ev.doc_id));
      }
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  /* ------------------------------------------------------------------ network */

  var container = document.getElementById("jalin-network");
  var visNodes = data.nodes.map(function (n) {
    var item = {
      id: n.id, label: n.label, shape: n.shape, value: n.value, title: nodeTooltip(n),
      color: { background: n.color, border: "#ffffff",
               highlight: { background: n.color, border: "#1f2328" },
               hover: { background: n.color, border: "#1f2328" } }
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  });
  var visEdges = data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, width: e.width, title: edgeTooltip(e) };
  });
  jalin.nodes = new vis.DataSet(visNodes);
  jalin.edges = new vis.DataSet(visEdges);

  var loading = document.getElementById("jalin-loading");
  var progressText = document.getElementById("jalin-progress");
  var progressBar = document.getElementById("jalin-progress-bar");

  function fitView() {
    network.fit();
    if (network.getScale() > MAX_START_SCALE) {
      network.moveTo({ scale: MAX_START_SCALE });
    }
  }

  function markReady() {
    loading.hidden = true;
    jalin.ready = true;
    document.body.dataset.ready = "true";
  }

  var network = new vis.Network(container, { nodes: jalin.nodes, edges: jalin.edges },
    data.options);
  jalin.network = network;

  if (data.physics) {
    loading.hidden = false;
    network.on("stabilizationProgress", function (p) {
      var pct = Math.round(100 * p.iterations / Math.max(1, p.total));
      progressText.textContent = pct + "%";
      progressBar.style.width = pct + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fitView();
      markReady();
    });
  } else {
    network.once("afterDrawing", function () { markReady(); });
    fitView();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      showIntro();
    }
  });

  function selectNode(id, focus) {
    if (!nodeById[id]) { return; }
    network.selectNodes([id], true);
    showNode(id);
    if (focus) {
      network.focus(id, { scale: Math.max(network.getScale(), 1),
                          animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
  }

  function selectEdge(id) {
    if (!edgeById[id]) { return; }
    network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    showEdge(id);
  }

  /* ------------------------------------------------------------------ legend and filters */

  function setTypeVisible(type, visible) {
    if (visible) { delete jalin.hiddenTypes[type]; } else { jalin.hiddenTypes[type] = true; }
    var updates = data.nodes.filter(function (n) { return n.type === type; })
      .map(function (n) { return { id: n.id, hidden: !visible }; });
    jalin.nodes.update(updates);
    Array.prototype.forEach.call(document.querySelectorAll("input[data-type]"), function (box) {
      if (box.dataset.type === type) { box.checked = visible; }
    });
  }

  function visibleNodeIds() {
    return jalin.nodes.get({ filter: function (item) { return !item.hidden; } })
      .map(function (item) { return item.id; });
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
    if (data.colorBy === "community" && data.legend.communities.length) {
      var box = el("div", "communities");
      box.appendChild(el("h2", null, "Colour = community"));
      data.legend.communities.forEach(function (c) {
        var row = el("div", "community");
        row.appendChild(swatch("dot", c.color));
        row.appendChild(el("span", null, "Community " + c.community));
        row.appendChild(el("span", "count", c.count));
        box.appendChild(row);
      });
      if (data.legend.moreCommunities) {
        box.appendChild(el("div", "more", "+" + data.legend.moreCommunities +
          " smaller (colours repeat)"));
      }
      legend.appendChild(box);
    }
  }

  function buildSearch() {
    var input = document.getElementById("jalin-search-input");
    var list = document.getElementById("jalin-labels");
    var byLabel = {};
    data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); })
      .forEach(function (n) {
        var key = n.label.toLowerCase();
        if (byLabel[key] === undefined) {
          byLabel[key] = n.id;
          var option = el("option");
          option.value = n.label;
          list.appendChild(option);
        }
      });
    function go() {
      var q = input.value.trim().toLowerCase();
      if (!q) { return; }
      var id = byLabel[q];
      if (id === undefined) {
        var hit = data.nodes.filter(function (n) {
          return n.label.toLowerCase().indexOf(q) !== -1 ||
            n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) !== -1; });
        })[0];
        id = hit ? hit.id : undefined;
      }
      if (id !== undefined) {
        if (jalin.hiddenTypes[nodeById[id].type]) { setTypeVisible(nodeById[id].type, true); }
        selectNode(id, true);
      }
    }
    input.addEventListener("change", go);
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(); } });
  }

  buildLegend();
  buildSearch();
}());
