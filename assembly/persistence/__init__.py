"""Storage: the only package that speaks SQL. Repositories turn rows into domain values."""
