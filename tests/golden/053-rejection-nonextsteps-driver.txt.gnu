corpus/053-rejection-nonextsteps-driver.txt:3:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
# exit 0
