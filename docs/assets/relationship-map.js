// Muistio's relationship map: lays out the graph embedded in the page (template#kb-map-data) with a
// small force simulation and draws it as SVG. No libraries and no requests: the site must work
// offline. Shows the whole graph while it is small; past that, an overview of the organisations met
// most often, joined where a memo names both; or one organisation's neighbourhood.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WHOLE = 300;  // nodes the whole graph may have and still be drawn whole
  var OVERVIEW = 40;  // organisations in the overview of a larger graph
  var TIES = 2;  // ties each of them keeps there

  function draw() {
    var svg = document.getElementById("kb-map-svg");
    var source = document.getElementById("kb-map-data");
    var select = document.getElementById("kb-map-focus");
    if (!svg || !source || !select) return;
    var graph = JSON.parse((source.content || source).textContent);
    var byId = {};
    graph.nodes.forEach(function (n) { byId[n.id] = n; });
    var neighbours = {};
    graph.edges.forEach(function (e) {
      (neighbours[e[0]] = neighbours[e[0]] || []).push(e[1]);
      (neighbours[e[1]] = neighbours[e[1]] || []).push(e[0]);
    });

    var large = graph.nodes.length > WHOLE;
    if (large && select.options.length) {
      var companies = graph.nodes.filter(function (n) { return n.kind === "company"; }).length;
      select.options[0].textContent = "Yleiskuva: " + Math.min(OVERVIEW, companies) + " useimmin tavattua organisaatiota";
    }

    // Past a few hundred nodes the whole graph was a frame of labels piled on each other around an
    // empty middle (a thousand memos' people each hang off one organisation only). The overview
    // keeps the organisations with the most memos, joined where one memo names both.
    function overview() {
      var memos = {};
      graph.nodes.forEach(function (n) {
        if (n.kind !== "company") return;
        memos[n.id] = (neighbours[n.id] || []).filter(function (id) { return byId[id] && byId[id].kind === "memo"; });
      });
      var top = Object.keys(memos).sort(function (a, b) {
        return memos[b].length - memos[a].length || (byId[a].label < byId[b].label ? -1 : 1);
      }).slice(0, OVERVIEW);
      var chosen = {};
      top.forEach(function (id) { chosen[id] = true; });
      // Each organisation keeps its few strongest ties (most memos naming both): every tie drawn
      // pulled all forty into one knot.
      var shared = {};
      top.forEach(function (a) {
        var counts = {};
        memos[a].forEach(function (memo) {
          (neighbours[memo] || []).forEach(function (b) { if (chosen[b] && b !== a) counts[b] = (counts[b] || 0) + 1; });
        });
        Object.keys(counts).sort(function (x, y) { return counts[y] - counts[x] || (x < y ? -1 : 1); })
          .slice(0, TIES).forEach(function (b) { shared[a < b ? a + "\n" + b : b + "\n" + a] = a < b ? [a, b] : [b, a]; });
      });
      return { nodes: top.map(function (id) { return byId[id]; }),
               edges: Object.keys(shared).sort().map(function (key) { return shared[key]; }) };
    }

    function visible(focus) {
      var keep = {};
      if (!focus) {
        graph.nodes.forEach(function (n) { keep[n.id] = true; });
      } else {
        keep[focus] = true;
        (neighbours[focus] || []).forEach(function (id) {
          keep[id] = true;
          if (byId[id] && byId[id].kind === "memo") {
            (neighbours[id] || []).forEach(function (other) { keep[other] = true; });
          }
        });
      }
      return keep;
    }

    function render() {
      var nodes, edges;
      if (large && !select.value) {
        var shown = overview();
        nodes = shown.nodes; edges = shown.edges;
      } else {
        var keep = visible(select.value);
        nodes = graph.nodes.filter(function (n) { return keep[n.id]; });
        edges = graph.edges.filter(function (e) { return keep[e[0]] && keep[e[1]]; });
      }
      layout(nodes, edges, select.value);
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      edges.forEach(function (e) {
        var a = byId[e[0]], b = byId[e[1]];
        var line = document.createElementNS(SVG, "line");
        line.setAttribute("class", "kb-map-edge");
        line.setAttribute("x1", a.x); line.setAttribute("y1", a.y);
        line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
        svg.appendChild(line);
      });
      nodes.forEach(function (n) {
        var link = document.createElementNS(SVG, "a");
        link.setAttribute("href", n.url);
        var dot = document.createElementNS(SVG, "circle");
        dot.setAttribute("class", "kb-map-node kb-map-" + n.kind);
        dot.setAttribute("cx", n.x); dot.setAttribute("cy", n.y);
        dot.setAttribute("r", n.kind === "company" ? 9 : n.kind === "person" ? 6 : 4);
        var title = document.createElementNS(SVG, "title");
        title.textContent = n.label;
        dot.appendChild(title);
        link.appendChild(dot);
        if (n.kind !== "memo" || nodes.length < 60) {
          var label = document.createElementNS(SVG, "text");
          label.setAttribute("class", "kb-map-label");
          label.setAttribute("x", n.x + 11); label.setAttribute("y", n.y + 4);
          label.textContent = n.label.length > 40 ? n.label.slice(0, 39) + "…" : n.label;
          link.appendChild(label);
        }
        svg.appendChild(link);
      });
      svg.setAttribute("data-nodes", String(nodes.length));
    }

    select.addEventListener("change", render);
    render();
  }

  // Fruchterman-Reingold with a fixed seed, so the same graph is drawn the same way every time.
  function layout(nodes, edges, focus) {
    var width = 800, height = 560, seed = 7;
    function random() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
    nodes.forEach(function (n) {
      n.x = width / 2 + (random() - 0.5) * width * 0.8;
      n.y = height / 2 + (random() - 0.5) * height * 0.8;
      if (n.id === focus) { n.x = width / 2; n.y = height / 2; }
    });
    var k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
    var index = {};
    nodes.forEach(function (n, i) { index[n.id] = i; });
    var temperature = width / 8;
    for (var step = 0; step < 250; step++) {
      var dx = new Float64Array(nodes.length), dy = new Float64Array(nodes.length);
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          var d2 = Math.max(x * x + y * y, 0.01), f = (k * k) / d2;
          dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e[0]], b = index[e[1]];
        var x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y;
        var d = Math.max(Math.sqrt(x * x + y * y), 0.1), f = d / k;
        dx[a] -= x * f; dy[a] -= y * f; dx[b] += x * f; dy[b] += y * f;
      });
      for (var n = 0; n < nodes.length; n++) {
        if (nodes[n].id === focus) continue;
        dx[n] -= (nodes[n].x - width / 2) * 0.05 * k / 10;  // gravity keeps loose parts in view
        dy[n] -= (nodes[n].y - height / 2) * 0.05 * k / 10;
        var len = Math.max(Math.sqrt(dx[n] * dx[n] + dy[n] * dy[n]), 0.01);
        nodes[n].x += (dx[n] / len) * Math.min(len, temperature);
        nodes[n].y += (dy[n] / len) * Math.min(len, temperature);
        nodes[n].x = Math.min(width - 120, Math.max(15, nodes[n].x));
        nodes[n].y = Math.min(height - 15, Math.max(15, nodes[n].y));
      }
      temperature *= 0.98;
    }
  }

  // Material's document$ gives every page, also those reached by its instant navigation, which
  // swaps the content without loading the page (and without a DOMContentLoaded).
  if (window.document$) {
    window.document$.subscribe(draw);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
