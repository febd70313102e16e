"""Read duty lists published as PDF: pages, tables and lines into neutral rows."""
