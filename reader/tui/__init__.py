"""The Textual reader: the only part of newsdeck that imports textual.

It reads everything through :class:`reader.library.Library`; disk and network work runs in
workers so the screen never waits on them.
"""
