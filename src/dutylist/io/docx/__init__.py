"""The .docx format: the reader (body, Word numbering) and the publication writer."""
