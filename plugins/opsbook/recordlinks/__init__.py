"""Links between records of every kind: checked once every kind is loaded."""
