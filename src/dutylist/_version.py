"""The version of dutylist."""

__version__ = "0.1.0"
