"""Tasks: the table view and the task side panel (shared with the other views)."""
