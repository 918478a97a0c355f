"""bantin: the pure library of the Vietnamese news ETL, one folder per pipeline phase.

Nothing here imports Prefect: `flows/` (the edge) calls into these packages, never the reverse.
"""

__version__ = "0.1.0"
