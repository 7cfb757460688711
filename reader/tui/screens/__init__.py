"""Screens of the reader: the three-pane main screen, help, and small prompts."""
