"""The maturity rubric: five levels, criteria backed by checks or attestations, scorecards."""
