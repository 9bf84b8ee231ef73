// PLACEHOLDER for the command line.
print("tally")
