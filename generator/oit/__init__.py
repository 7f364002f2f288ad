"""OIT items: the catalog of each ITA year, their bindings to pages, the ITA
index page and the readiness check."""
