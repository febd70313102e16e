"""Many lists at once: sources, batch checks, the flat export and comparing offices."""
