"""One module per content kind: its model, its pages and its template."""
