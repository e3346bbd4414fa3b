"""Qt widgets, item models and dialogs. Calls services, never SQL."""
