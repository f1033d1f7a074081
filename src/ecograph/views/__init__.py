"""Interactive network views: offline, safe, the same every time, readable at any size.

:func:`view` turns a graph (or an :class:`~ecograph.Analysis`) into a
:class:`NetworkView`, drawn by vis-network (the library pyvis wraps) on a
canvas, or by sigma.js on WebGL above :data:`WEBGL_ABOVE` actors, up to tens
of thousands of actors drawn one by one. The view fixes what plain pyvis
gets wrong for our users:

* **offline**: one HTML file with the renderer's script and styles inlined
  and a content-security policy that forbids any request to another origin;
* **safe**: data travel as escaped JSON in one place and reach the page only
  as text (canvas labels, cards and legends through ``textContent``), so a
  name holding ``<script>`` or ``<img onerror=...>`` is shown, never run;
* **fast and stable**: positions are computed once in Python (seeded, the
  community-aware :func:`ecograph.views.layout.layout`) and stay fixed;
* **readable**: names are drawn where they fit without overlapping, the most
  important first, the others on hover, zoom or search; actors without ties
  form one captioned block;
* **usable**: a legend, a card on hover or click, a search box that focuses
  an actor and dims all but its neighbourhood, filters by sphere, kind and
  tie type, highlights of bridges, cut points, actors to reach and connectors
  (read from the :class:`~ecograph.Analysis`), a time slider with a play
  button, a map mode, PNG and SVG export with legend and title, and the
  state kept in the page's address;
* **in notebooks**: ``_repr_html_`` embeds the same page in a sandboxed
  ``<iframe srcdoc>``, which works in JupyterLab, Notebook 7, VS Code and
  exported HTML, and writes no file;
* **pyvis when wanted**: :meth:`NetworkView.to_pyvis` hands the same drawing
  to pyvis's own API.

Visual variables follow :mod:`ecograph.views.style`. Writing a file is a separate,
explicit step: :meth:`NetworkView.write_html`.

The parts: :mod:`~ecograph.views.records` (what is drawn),
:mod:`~ecograph.views.legend` (legend and filters),
:mod:`~ecograph.views.highlights`, :mod:`~ecograph.views.mapping` (map
mode), :mod:`~ecograph.views.page` (the view object and its page),
:mod:`~ecograph.views.template` (the page's fixed parts) and ``assets/``
(the page's script and styles, and the WebGL renderer built by
``tools/webgl/build.sh``).

Examples
--------
>>> import ecograph as eg
>>> v = eg.view(eg.datasets.tiny().graph(), seed=0)
>>> v
<NetworkView 'Tiny example ecosystem': 8 actors, 9 ties>
>>> html = v.to_html()
>>> "<script src=" in html, "http://" in html.split('id="eg-data"')[1].split("</script>")[0]
(False, False)
"""

from .communities import view_communities
from .network import AGGREGATE_ABOVE, WEBGL_ABOVE, view, view_community, view_ego
from .page import RENDERERS, NetworkView

__all__ = ["NetworkView", "view", "view_ego", "view_communities", "view_community", "AGGREGATE_ABOVE", "WEBGL_ABOVE", "RENDERERS"]
