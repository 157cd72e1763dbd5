"""The shared vocabulary of the plan: target kinds, comparisons and their direction, reporting periods, the
yearly marker.

Both the data stage (checks, schemas) and the domain stage (model, status) speak it; it imports neither."""
