"""Plans and tasks in and out of the formats teams use: Planner, MS Project XML, ICS, CSV/XLSX.

Parsers turn a file into a neutral ``PlanDoc``; the import service writes it. No Qt.
"""
