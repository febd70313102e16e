"""Renderers of a check report: text, JSON, GitHub annotations, JUnit, SARIF."""
