"""Use cases: each owns one transaction, returns values plus a :class:`Changes` record, and
raises domain errors whose messages the user reads as they are."""
