"""Dialogs shared by the main window."""
