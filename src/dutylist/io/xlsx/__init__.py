"""Excel .xlsx workbooks: reader (python-calamine) and publication-style writer (openpyxl)."""
