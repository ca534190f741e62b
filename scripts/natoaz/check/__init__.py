"""Checks beyond the schema, and load → validate in one call."""
