"""Jalin's visualisation: a graph as one self-contained, offline HTML page.

>>> from viz import render_html
>>> render_html(G, "out/graph.html")  # doctest: +SKIP
"""

from __future__ import annotations

from .html import html_page, render_html

__all__ = ["html_page", "render_html"]
