"""Renderers: one module per output format, each turning a value into text or a file."""
