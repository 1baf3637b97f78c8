"""Writes of the experts app: profiles.py (applying, verification), claims.py (holding a question),
answers.py (drafting, publishing, revising)."""
