"""Widgets of the reader, one per module; each carries its messages as nested classes."""
