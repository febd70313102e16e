"""Departments: the registry of names and their forms, and the per-department view."""
