"""Import last year's documents (text extracted from PDF, or Word files) into content files.

reader: files to lines and table rows; layout: rows to tables, documents and
their kinds; cells: one cell's text to rich text; mapping: documents to
content dictionaries; writer: YAML files in the content tree.
"""
