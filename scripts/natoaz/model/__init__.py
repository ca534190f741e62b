"""What the data is: partial dates and the JSON Schemas (the single source of truth for fields)."""
