"""Pure analytics: tables in, tables out. No I/O."""
