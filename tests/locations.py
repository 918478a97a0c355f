"""Where the tests find the repository's data: one definition, whatever a test file's depth."""
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
RAW = ROOT / "raw"
FIXTURES = TESTS / "fixtures"
QUERIES = ROOT / "queries"
DEV_CORPUS = ROOT.parent / "shared" / "dev-corpus"
SEEDS = sorted(RAW.glob("*.txt"))
